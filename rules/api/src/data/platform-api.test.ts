import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
// Plain-JS generator module (not part of the tsc build; tests are excluded from it).
import { buildPlatformData, toPlatformJsonText } from '../../scripts/extract-platform-api.mjs';
import { PUBLIC_API } from '@bmplint/core';
import { binanceAlternative, platformOf } from '../platforms.js';
import alternatives from './binance-alternatives.json' with { type: 'json' };

const checkedInText = readFileSync(new URL('./platform-api.json', import.meta.url), 'utf8');

describe('platform-api.json (derived from the WeChat, Alipay and Douyin type packages)', () => {
  it('matches a fresh extraction from the installed packages (drift test)', () => {
    expect(toPlatformJsonText(buildPlatformData()), 'rules/api/src/data/platform-api.json is out of date: run `pnpm gen:api` and commit the result').toBe(checkedInText);
  });

  it('names the platform of APIs the reader will recognise', () => {
    expect(platformOf('getXrFrameSystem')).toEqual({ labels: ['WeChat'], spelled: 'wx.getXrFrameSystem' });
    expect(platformOf('alert')?.labels).toEqual(['Alipay']);
    expect(platformOf('getAccountInfoSync')?.labels[0]).toBe('WeChat');
    expect(platformOf('launchRocket')).toBeUndefined();
  });
});

describe('binance-alternatives.json', () => {
  it('proposes only public Binance APIs, for names Binance lacks and another platform has', () => {
    for (const entry of alternatives.entries) {
      expect(PUBLIC_API.get(entry.use)?.origin, `${entry.name} → ${entry.use}`).toBe('bn');
      expect(PUBLIC_API.has(entry.name), entry.name).toBe(false);
      expect(platformOf(entry.name), entry.name).toBeDefined();
      expect(entry.how).toContain(`bn.${entry.use}`);
    }
    expect(binanceAlternative('showNavigationBarLoading')?.use).toBe('showLoading');
  });
});
