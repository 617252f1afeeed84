import { describe, expect, it } from 'vitest';
import { isKnownClause, openMemoryBundle } from '@bmplint/core';
import { miniApp, RuleTester } from '@bmplint/core/testing';
import { bundleSignature, encodeSignature } from '../similarity.js';
import storeRules from '../index.js';
import { describeDuplicate, nearDuplicateRule, NEAR_DUPLICATE_THRESHOLD } from './index.js';

describe('store/near-duplicate', () => {
  it('cites 2.1.5 and is not a lint rule of the package', () => {
    expect(nearDuplicateRule.meta.clauses).toEqual(['2.1.5']);
    expect(isKnownClause('2.1.5')).toBe(true);
    expect(nearDuplicateRule.meta.docs.url).toMatch(/store\/near-duplicate\.md$/);
    expect(storeRules).toEqual([]);
    expect(NEAR_DUPLICATE_THRESHOLD).toBe(0.8);
  });

  it('describes a duplicate by name and version, or by id', () => {
    const named = describeDuplicate({ id: 'app_42', similarity: 0.934 }, { name: 'Gas Watch', version: '1.3.0' });
    expect(named.messageId).toBe('nearDuplicate');
    expect(named.data).toEqual({ percent: 93, other: '"Gas Watch" (app_42) version 1.3.0', id: 'app_42' });
    expect(named.message).toBe('This bundle is 93% similar to "Gas Watch" (app_42) version 1.3.0: bulk registration and repeated submission of numerous similar mini programs are prohibited (2.1.5). Explain to the reviewer how this app differs, or merge the apps.');
    expect(describeDuplicate({ id: 'app_7', similarity: 1 }).message).toContain('100% similar to app app_7:');
  });
});

const notes = miniApp({
  'pages/index/index.js': `Page({\n  data: { notes: [], draft: '' },\n  onLoad() { this.setData({ notes: bn.getStorageSync('notes') || [] }); },\n  onInput(event) { this.setData({ draft: event.detail.value }); },\n  onSave() {\n    const notes = [...this.data.notes, { text: this.data.draft, at: Date.now() }];\n    bn.setStorageSync('notes', notes);\n    this.setData({ notes, draft: '' });\n  },\n  onDelete(event) {\n    const notes = this.data.notes.filter((_, index) => index !== event.currentTarget.dataset.index);\n    bn.setStorageSync('notes', notes);\n    this.setData({ notes });\n  },\n});\n`,
  'pages/index/index.bxml': '<view class="page">\n  <input value="{{draft}}" bindinput="onInput" />\n  <button bindtap="onSave">Save</button>\n  <view bn:for="{{notes}}" class="note" data-index="{{index}}" bindlongpress="onDelete">{{item.text}}</view>\n</view>\n',
});
const weather = miniApp({
  'pages/index/index.js': `Page({\n  data: { city: 'Lisbon', forecast: null },\n  onShow() {\n    bn.request({ url: 'https://api.weatherly.io/v1/forecast?city=' + this.data.city, success: (res) => this.setData({ forecast: res.data }) });\n  },\n  onPullDownRefresh() { this.onShow(); bn.stopPullDownRefresh(); },\n});\n`,
  'pages/index/index.bxml': '<view class="page">\n  <text class="city">{{city}}</text>\n  <view bn:if="{{forecast}}">{{forecast.summary}}, {{forecast.high}}° / {{forecast.low}}°</view>\n</view>\n',
});
const signatureOfApp = (files: Record<string, string>) => encodeSignature(bundleSignature(openMemoryBundle(files)));
const sibling = (files: Record<string, string>) => ({ appId: 'app_42', name: 'Jotter', versionId: 'ver_7', signature: signatureOfApp(files) });

describe('store/near-duplicate in the engine (context.history)', () => {
  new RuleTester().run(nearDuplicateRule, {
    valid: [
      { name: 'no history: bmplint check', files: notes },
      { name: 'another app of the developer that does something else', files: notes, history: { upload: { sha256: 'a' }, rejected: [], otherApps: [sibling(weather)] } },
      { name: 'a similar app, with the threshold raised to 1 (identical code only)', files: notes, options: { threshold: 1 }, history: { upload: { sha256: 'a' }, rejected: [], otherApps: [sibling({ ...notes, 'pages/index/index.bxml': '<view>other</view>\n' })] } },
    ],
    invalid: [
      {
        name: 'the same code as another app of the developer (signed here from the bundle)',
        files: notes,
        history: { upload: { sha256: 'a' }, rejected: [], otherApps: [sibling(notes)] },
        errors: [{ messageId: 'nearDuplicate', file: '', data: { percent: 100, other: '"Jotter" (app_42)', id: 'app_42' }, severity: 'warning' }],
      },
      {
        name: 'renamed variables and reworded strings, with the signature the portal computed',
        files: weather,
        history: {
          upload: { sha256: 'a', signature: signatureOfApp(weather) },
          rejected: [],
          otherApps: [sibling({ ...weather, 'pages/index/index.js': weather['pages/index/index.js'].replace(/forecast/g, 'outlook').replace('Lisbon', 'Porto') })],
        },
        errors: [{ messageId: 'nearDuplicate', file: '', severity: 'warning' }],
      },
    ],
  });
});
