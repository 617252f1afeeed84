import { describe, expect, it } from 'vitest';
import { AD_NETWORKS, adHostsIn, adNetworkOfHost, adSdkOfSpecifier, validateAdNetworks } from './networks.js';

const domains = AD_NETWORKS.networks.flatMap((network) => network.domains.map((domain): [string, string] => [domain, network.name]));
const sdks = AD_NETWORKS.networks.flatMap((network) => network.sdks.map((sdk): [string, string] => [sdk, network.name]));

describe('ad-networks data', () => {
  it('has a source for the list and every network, and cites 5.11.1', () => {
    expect(AD_NETWORKS.source).toMatch(/^Curated by the bmplint maintainers/);
    expect(AD_NETWORKS.clauses).toEqual(['5.11.1']);
    for (const network of AD_NETWORKS.networks) expect(network.source, network.name).toBeTruthy();
  });

  it('names every network of the issue', () => {
    const names = AD_NETWORKS.networks.map((network) => network.name).join(' | ');
    for (const name of ['AdSense', 'AppLovin', 'Unity Ads', 'ironSource', 'Pangle', 'AdColony', 'Vungle', 'Mintegral', 'Chartboost', 'InMobi', 'Taboola', 'Outbrain', 'PropellerAds', 'Adsterra', 'Coinzilla', 'A-Ads', 'Bitmedia']) expect(names).toContain(name);
  });

  it('rejects a domain listed twice or not a domain', () => {
    const one = { name: 'X', domains: ['x.example'], sdks: [], source: 's' };
    expect(() => validateAdNetworks({ ...AD_NETWORKS, networks: [one, { ...one, name: 'Y' }] })).toThrow(/listed twice/);
    expect(() => validateAdNetworks({ ...AD_NETWORKS, networks: [{ ...one, domains: ['https://x.example'] }] })).toThrow(/not a lower-case domain/);
  });

  it.each(domains)('%s (%s) matches itself and its subdomains, not look-alikes', (domain, name) => {
    expect(adNetworkOfHost(domain)?.network.name).toBe(name);
    expect(adNetworkOfHost(`cdn.${domain}`)?.network.name).toBe(name);
    expect(adNetworkOfHost(`CDN.${domain.toUpperCase()}.`)?.network.name).toBe(name);
    expect(adNetworkOfHost(`not${domain}`)).toBeUndefined();
    expect(adNetworkOfHost(`${domain}.gaswatch.example`)).toBeUndefined();
    const url = `https://cdn.${domain}/tag.js?id=1`;
    expect(adHostsIn(`load ${url} now`).map((match) => match.domain)).toEqual([domain]);
  });

  it.each(sdks)('SDK %s (%s) matches whole words of a specifier only', (sdk, name) => {
    expect(adSdkOfSpecifier(sdk)?.network.name).toBe(name);
    expect(adSdkOfSpecifier(`@vendor/react-native-${sdk}-plugin`)?.network.name).toBe(name);
    expect(adSdkOfSpecifier(`./lib/${sdk}/index.js`)?.network.name).toBe(name);
    expect(adSdkOfSpecifier(`./lib/${sdk}x/index.js`)).toBeUndefined();
    expect(adSdkOfSpecifier(`./lib/no${sdk}/index.js`)).toBeUndefined();
  });
});

describe('adHostsIn', () => {
  it('finds protocol-relative URLs, several URLs in HTML, and bare hosts', () => {
    expect(adHostsIn('//tpc.googlesyndication.com/x').map((match) => [match.start, match.host])).toEqual([[0, 'tpc.googlesyndication.com']]);
    expect(adHostsIn('<a href="https://a-ads.com/">x</a><script src="https://cdn.taboola.com/libtrc/loader.js">').map((match) => match.domain)).toEqual(['a-ads.com', 'taboola.com']);
    expect(adHostsIn('googleads.g.doubleclick.net/pagead/ads').map((match) => match.domain)).toEqual(['doubleclick.net']);
  });

  it('ignores prose and other hosts', () => {
    for (const text of ['Powered by Taboola', 'doubleclick.net is an ad server', 'https://api.gaswatch.example/v1', 'the admob.com console', 'ads.txt']) {
      expect(adHostsIn(text), text).toEqual([]);
    }
  });
});
