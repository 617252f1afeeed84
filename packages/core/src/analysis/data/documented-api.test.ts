import { describe, expect, it } from 'vitest';
import documentedApi from './documented-api.json' with { type: 'json' };
import publicApi from './public-api.json' with { type: 'json' };
import { PUBLIC_API, isBinanceMember } from '../bn-api-names.js';

const SOURCES = new Set(['docs: open data', 'official demo']);

describe('documented-api.json (hand-curated names the docs and the official demo use but the types lack)', () => {
  const names = documentedApi.members.map((member) => member.name);

  it('gives every name a known source and a reference', () => {
    for (const member of documentedApi.members) {
      expect(SOURCES.has(member.source), `${member.name}: source "${member.source}"`).toBe(true);
      expect(member.reference, member.name).toMatch(/\S/);
      expect(member.name, 'a bn API name').toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
  });

  it('is sorted and has no duplicates', () => {
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists only names the type package lacks (drop an entry once @binance/mp-service declares it)', () => {
    const typed = new Set(publicApi.members.map((member) => member.name));
    expect(names.filter((name) => typed.has(name))).toEqual([]);
  });

  it('holds the open-data APIs and the demo APIs of PLATFORM.md §4.1', () => {
    for (const name of ['getOpenId', 'getPhoneNumber', 'getEmailAddress', 'getUserOpenId', 'requestBinanceCardInfo', 'checkBinanceCardAvailable', 'openWidget', 'closeWidget', 'createChartContext', 'toast']) {
      expect(PUBLIC_API.get(name)?.origin, name).toBe('documented');
    }
  });
});

describe('isBinanceMember', () => {
  it('holds public APIs of every origin and the members every object has, not other names', () => {
    for (const name of ['request', 'useDidShow', 'getOpenId', 'hasOwnProperty', 'default', '__esModule']) expect(isBinanceMember(name), name).toBe(true);
    for (const name of ['getXrFrameSystem', 'cloud', 'setUserToken', '_name', 'constructor']) expect(isBinanceMember(name), name).toBe(false);
  });
});
