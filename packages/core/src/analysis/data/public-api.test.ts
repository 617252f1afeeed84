import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
// Plain-JS generator module (not part of the tsc build; tests are excluded from it).
import { extractPublicApi, readInstalledPackage, toJsonText } from '../../../scripts/extract-public-api.mjs';

interface Member {
  name: string;
  kind: string;
  origin: 'bn' | 'default-export-only';
  declaredIn: string[];
}
interface PublicApiData {
  source: { package: string; version: string };
  members: Member[];
}

const jsonUrl = new URL('./public-api.json', import.meta.url);
const checkedInText = readFileSync(jsonUrl, 'utf8');
const checkedIn = JSON.parse(checkedInText) as PublicApiData;

const installed = readInstalledPackage() as { version: string; dtsText: string };
const fresh = extractPublicApi(installed.dtsText, { version: installed.version }) as PublicApiData;

const byName = new Map(checkedIn.members.map((m) => [m.name, m]));
const REGEN = 'packages/core/src/analysis/data/public-api.json is out of date with the installed @binance/mp-service: run `pnpm gen:api` and commit the result';

describe('public-api.json (derived from @binance/mp-service type declarations)', () => {
  it('matches a fresh extraction from the installed package (drift test)', () => {
    expect(fresh, REGEN).toEqual(checkedIn);
    expect(toJsonText(fresh), `${REGEN} (formatting differs)`).toBe(checkedInText);
  });

  it('records the package it was derived from', () => {
    expect(checkedIn.source).toEqual({ package: '@binance/mp-service', version: installed.version });
  });

  it('is sorted by name and has no duplicates', () => {
    const names = checkedIn.members.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(names).size).toBe(names.length);
  });

  it('contains well-known public bn APIs', () => {
    for (const name of [
      'request',
      'navigateTo',
      'showModal',
      'requestPayment',
      'login',
      'getLocation',
      'chooseImage',
      'setStorageSync',
      'connectSocket',
    ]) {
      expect(byName.get(name), name).toMatchObject({ name, kind: 'function', origin: 'bn' });
    }
  });

  it('marks Taro-heritage members as default-export-only', () => {
    for (const name of ['useDidShow', 'getCurrentInstance', 'eventCenter', 'getEnv']) {
      expect(byName.get(name)?.origin, name).toBe('default-export-only');
    }
  });

  it('excludes names that are declared in the d.ts but are not members of the bn/default-export type', () => {
    const absent = [
      // fields of the WeChat/Taro-copied `AppConfig$1` / `WindowConfig$1` config types
      'requiredBackgroundModes',
      'navigateToMiniProgramAppIdList',
      'usingComponents',
      'navigationBarTitleText',
      // plugin `privateApis` (login plugin's PrivateAPI)
      'setUserToken',
      'captchaVerify',
      'getDeviceId',
      // plugin internal `methods`
      'getApp',
      'getAppInternalInstance',
      'emitAppLaunch',
      'createOnOffManager',
      'getMatchedRootField',
      // underscore-prefixed internals
      '_name',
      '_handlers',
      '__WEB_VITALS_POLYFILL__',
    ];
    for (const name of absent) {
      // Guard: the name really occurs in the d.ts, so its absence proves the filter works.
      expect(new RegExp(`\\b${name}\\b`).test(installed.dtsText), `${name} should occur in the d.ts`).toBe(true);
      expect(byName.has(name), `${name} must not be public`).toBe(false);
    }
    expect(checkedIn.members.filter((m) => m.name.startsWith('_'))).toEqual([]);
  });

  it('has a sane size (2.0.12: 203 members, 149 of them on bn)', () => {
    expect(checkedIn.members.length).toBeGreaterThanOrEqual(203);
    expect(checkedIn.members.filter((m) => m.origin === 'bn').length).toBeGreaterThanOrEqual(149);
  });
});
