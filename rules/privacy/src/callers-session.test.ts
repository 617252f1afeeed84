import { describe, expect, it } from 'vitest';
import type { LintResult } from '@bmplint/core';
import { miniApp, replaySession, type SessionEdit } from '@bmplint/core/testing';
import consentBeforeAccess from './consent-before-access/index.js';
import personalDataLeak from './personal-data-leak/index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const ANALYTICS = lines(
  'export function track(event, props) {',
  "  return bn.request({ url: 'https://api.mixpanel.com/track', data: { event, properties: props } });",
  '}',
);

/**
 * Helpers whose callers are found through the session's index of called names: a tracking helper
 * (personal-data-leak follows its callers) and a location helper (consent-before-access does).
 */
const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/map/index'] }),
  'listing.json': JSON.stringify({ name: 'Gas Tracker', description: 'Gas prices', serviceDomains: ['https://api.example.com'] }),
  'utils/analytics.js': ANALYTICS,
  'utils/forms.js': 'export function save(form) { return form; }\n',
  'utils/location.js': 'export function locate() { return bn.getLocation({ type: "wgs84" }); }\n',
  'pages/index/index.js': 'Page({ onLoad() {} });\n',
  'pages/map/index.js': 'Page({ data: { ready: false } });\n',
  'pages/map/index.bxml': '<view>Map</view>\n',
}) as Record<string, string>;

const described = (result: LintResult) => result.findings.map((finding) => `${finding.ruleId.replace('privacy/', '')} ${finding.messageId} ${finding.file}:${finding.line}`).sort();

describe('callers across files in a session', () => {
  it('follow calls added, removed, renamed and deleted in other files, as a fresh lint() does', async () => {
    const steps: Array<[...SessionEdit, string[]]> = [
      // A script that called nothing by the helper's name starts calling it: the helper's file is checked again.
      ['utils/forms.js', lines("import { track } from './analytics';", "export function save(form) { track('save', { email: form.email }); }"), [
        'personal-data-leak toTracker utils/forms.js:2',
      ]],
      ['pages/index/index.js', lines("import { track } from '../../utils/analytics';", "Page({ onBind() { track('bind', { phone: this.data.phone }); } });"), [
        'personal-data-leak toTracker pages/index/index.js:2',
        'personal-data-leak toTracker utils/forms.js:2',
      ]],
      // The call goes: so does its finding.
      ['utils/forms.js', 'export function save(form) { return form; }\n', ['personal-data-leak toTracker pages/index/index.js:2']],
      // Renamed helper (a delete and an add): the page's import no longer resolves, then follows it.
      ['utils/analytics.js', null, []],
      // Called by nobody: what it sends cannot be followed.
      ['lib/analytics.js', ANALYTICS, ['personal-data-leak mayLeak lib/analytics.js:2']],
      ['pages/index/index.js', lines("import { track } from '../../lib/analytics';", "Page({ onBind() { track('bind', { phone: this.data.phone }); } });"), [
        'personal-data-leak toTracker pages/index/index.js:2',
      ]],
      // Called through an import alias: the index keys the imported name.
      ['utils/forms.js', lines("import { track as log } from '../lib/analytics';", "export function save(form) { log('save', { email: form.email }); }"), [
        'personal-data-leak toTracker pages/index/index.js:2',
        'personal-data-leak toTracker utils/forms.js:2',
      ]],
      // A deleted caller takes its finding with it.
      ['utils/forms.js', null, ['personal-data-leak toTracker pages/index/index.js:2']],
      // A page starts calling the location helper on load: consent-before-access finds the hook through the callers.
      ['pages/map/index.js', lines("import { locate } from '../../utils/location';", 'Page({ onLoad() { locate(); } });'), [
        'consent-before-access noConsent utils/location.js:1',
        'personal-data-leak toTracker pages/index/index.js:2',
      ]],
      ['pages/map/index.js', 'Page({ data: { ready: false } });\n', ['personal-data-leak toTracker pages/index/index.js:2']],
    ];
    await replaySession({ rules: [personalDataLeak, consentBeforeAccess] }, app, steps.map(([path, content]) => [path, content]), (result, step) => {
      expect(described(result).filter((finding) => !finding.startsWith('consent-before-access unresolved')), `step ${step}`).toEqual(steps[step][2]);
    });
  });
});
