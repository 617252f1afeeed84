import { describe, expect, it } from 'vitest';
import { APP_LINKS, classifyLink, validateAppLinks } from './links.js';

const schemes = APP_LINKS.apps.flatMap((app) => app.schemes.map((scheme): [string, string] => [scheme, app.name]));
const hosts = APP_LINKS.apps.flatMap((app) => app.hosts.map((host): [string, string] => [host, app.name]));

describe('app-links data', () => {
  it('has a source for the list, for Binance and for every app', () => {
    expect(APP_LINKS.source).toMatch(/^Curated by the bmplint maintainers/);
    expect(APP_LINKS.clauses).toEqual(['2.3.5']);
    expect(APP_LINKS.binance.source).toBeTruthy();
    for (const app of APP_LINKS.apps) expect(app.source, app.name).toBeTruthy();
  });

  it('rejects a scheme listed twice and a scheme written with "://"', () => {
    const base = { ...APP_LINKS, apps: [{ name: 'A', schemes: ['a'], hosts: [], source: 's' }] };
    expect(() => validateAppLinks({ ...base, apps: [...base.apps, { name: 'B', schemes: ['a'], hosts: [], source: 's' }] })).toThrow(/listed twice/);
    expect(() => validateAppLinks({ ...base, apps: [{ name: 'C', schemes: ['c://'], hosts: [], source: 's' }] })).toThrow(/lower-case without/);
  });

  it.each(schemes)('%s:// opens %s (any case, any path)', (scheme, app) => {
    expect(classifyLink(`${scheme}://open?x=1`, true)).toEqual({ kind: 'otherApp', app, scheme });
    expect(classifyLink(`${scheme.toUpperCase()}://`, false)).toEqual({ kind: 'otherApp', app, scheme });
  });

  it.each(hosts)('https://%s/… opens %s, and so do its subdomains', (host, app) => {
    expect(classifyLink(`https://${host}/x`, true)).toEqual({ kind: 'otherApp', app });
    expect(classifyLink(`https://www.${host}/x`, true)).toEqual({ kind: 'otherApp', app });
    // A host that only ends with the same letters is another site.
    expect(classifyLink(`https://not${host}/x`, true)).toEqual({ kind: 'external', host: `not${host}` });
  });
});

describe('classifyLink', () => {
  const own = new Set(['Gw7tKqR3vNx9PmZ2cH4aYe']);

  it('keeps pages, Binance links and this app inside', () => {
    for (const url of ['/pages/index/index', 'pages/a/b?x=1', 'bnc://app.binance.com/en/trade', 'binance://futures/trade?symbol=BTCUSDT', 'https://www.binance.com/en', 'https://app.binance.com/mp/appx', 'bnc://app.binance.com/mp/app?appId=Gw7tKqR3vNx9PmZ2cH4aYe&startPagePath=eA', 'tel:+1415', 'mailto:a@b.example']) {
      expect(classifyLink(url, true, own), url).toEqual({ kind: 'own' });
    }
  });

  it('finds mini program deep links, with their appId when known', () => {
    expect(classifyLink('/mp/app?appId=cNjQgR7tZB7VffLsQvc3YM&rev=1', true, own)).toEqual({ kind: 'miniProgram', appId: 'cNjQgR7tZB7VffLsQvc3YM' });
    expect(classifyLink('bnc://app.binance.com/mp/app?startPagePath=eA&appId=abc', true, own)).toEqual({ kind: 'miniProgram', appId: 'abc' });
    expect(classifyLink('bnc://app.binance.com/mp/app?appId=', false, own)).toEqual({ kind: 'miniProgram', appId: undefined });
    // The known start may stop in the middle of the id: it may still be this app's.
    expect(classifyLink('/mp/app?appId=Gw7t', false, own)).toEqual({ kind: 'miniProgram', appId: undefined });
  });

  it('says unknown when the known start does not decide', () => {
    for (const prefix of ['', '/m', '/mp/', 'https://', 'https://app.binan', 'bnc:']) expect(classifyLink(prefix, false, own), prefix).toEqual({ kind: 'unknown' });
    expect(classifyLink('/pages/', false, own)).toEqual({ kind: 'own' });
  });

  it('names unknown custom schemes without an app, and other web sites as external', () => {
    expect(classifyLink('myexchange://trade', true)).toEqual({ kind: 'otherApp', scheme: 'myexchange' });
    expect(classifyLink('https://partner.example:8443/promo', true)).toEqual({ kind: 'external', host: 'partner.example' });
  });
});
