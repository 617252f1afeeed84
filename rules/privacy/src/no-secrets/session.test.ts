import { describe, expect, it } from 'vitest';
import type { LintResult } from '@bmplint/core';
import { miniApp, replaySession, type SessionEdit } from '@bmplint/core/testing';
import rule from './index.js';

/** Assembled, so that no token-shaped string sits in this file. */
const aws = ['AKIA', 'Z7Q2XK4MNB5RTW3P'].join('');
const app = miniApp({ 'notes.txt': 'Release notes\n', 'utils/keys.js': "export const REGION = 'eu-west-1';\n" }) as Record<string, string>;
const described = (result: LintResult) => result.findings.map((finding) => `${finding.messageId} ${finding.file}:${finding.line}`).sort();

describe('privacy/no-secrets in a session', () => {
  it('gives what a fresh lint() gives after each edit of a script and of an unparsed file', async () => {
    const steps: Array<[...SessionEdit, string[]]> = [
      ['utils/keys.js', `export const REGION = 'eu-west-1';\nexport const KEY = '${aws}';\n`, ['knownKey utils/keys.js:2']],
      ['notes.txt', `Release notes\nAWS_ACCESS_KEY_ID=${aws}\n`, ['knownKey notes.txt:2', 'knownKey utils/keys.js:2']],
      ['utils/keys.js', "export const REGION = 'eu-west-1';\n", ['knownKey notes.txt:2']],
      // Renamed: the same text under another path is scanned as that path.
      ['notes.txt', null, []],
      ['docs/notes.txt', `Release notes\nAWS_ACCESS_KEY_ID=${aws}\n`, ['knownKey docs/notes.txt:2']],
      ['docs/notes.txt', 'Release notes\n', []],
    ];
    await replaySession({ rules: [rule] }, app, steps.map(([path, content]) => [path, content]), (result, step) => {
      expect(described(result)).toEqual(steps[step][2]);
    });
  });
});
