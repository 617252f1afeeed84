import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, openSession, type LintOptions, type LintResult } from '@bmplint/core';
import { miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const options: LintOptions = { rules: [rule] };
/** Assembled, so that no token-shaped string sits in this file. */
const aws = ['AKIA', 'Z7Q2XK4MNB5RTW3P'].join('');
const app = miniApp({ 'notes.txt': 'Release notes\n', 'utils/keys.js': "export const REGION = 'eu-west-1';\n" }) as Record<string, string>;

const plain = (result: LintResult) => JSON.parse(JSON.stringify(result)) as LintResult;
const fresh = async (files: Record<string, string>) => plain(await lint(openMemoryBundle(files), options));
const described = (result: LintResult) => result.findings.map((finding) => `${finding.messageId} ${finding.file}:${finding.line}`).sort();

describe('privacy/no-secrets in a session', () => {
  it('gives what a fresh lint() gives after each edit of a script and of an unparsed file', async () => {
    const session = await openSession(openMemoryBundle(app), options);
    const files = { ...app };
    expect(plain(await session.lint())).toEqual(await fresh(files));
    const steps: Array<[path: string, content: string | null, present: string[]]> = [
      ['utils/keys.js', `export const REGION = 'eu-west-1';\nexport const KEY = '${aws}';\n`, ['knownKey utils/keys.js:2']],
      ['notes.txt', `Release notes\nAWS_ACCESS_KEY_ID=${aws}\n`, ['knownKey notes.txt:2', 'knownKey utils/keys.js:2']],
      ['utils/keys.js', "export const REGION = 'eu-west-1';\n", ['knownKey notes.txt:2']],
      // Renamed: the same bytes under another path are scanned as that path.
      ['notes.txt', null, []],
      ['docs/notes.txt', `Release notes\nAWS_ACCESS_KEY_ID=${aws}\n`, ['knownKey docs/notes.txt:2']],
      ['docs/notes.txt', 'Release notes\n', []],
    ];
    for (const [path, content, present] of steps) {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
      const incremental = plain(await session.lint());
      expect(incremental).toEqual(await fresh(files));
      expect(described(incremental)).toEqual(present);
    }
  });
});
