import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, openSession, type AnyRule } from '@bmplint/core';
import api from '@bmplint/rules-api';
import availability from '@bmplint/rules-availability';
import basicInfo from '@bmplint/rules-basic-info';
import content from '@bmplint/rules-content';
import network from '@bmplint/rules-network';
import privacy from '@bmplint/rules-privacy';
import ui from '@bmplint/rules-ui';
import webview from '@bmplint/rules-webview';

const rules = [availability, basicInfo, webview, api, network, content, privacy, ui].flat() as AnyRule[];
const app = join(import.meta.dirname, '../fixtures/apps/problem-app');

function filesOf(root: string, prefix = ''): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const name of readdirSync(join(root, prefix)).sort()) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(root, path)).isDirectory()) Object.assign(files, filesOf(root, path));
    else files[path] = readFileSync(join(root, path));
  }
  return files;
}

describe('the incremental API with the built-in rules', () => {
  it('matches a fresh lint() after each edit of the problem app', async () => {
    const files: Record<string, string | Buffer> = filesOf(app);
    const fresh = async () => JSON.parse(JSON.stringify(await lint(openMemoryBundle(files, undefined, 'problem-app'), { rules })));
    const session = await openSession(openMemoryBundle(files, undefined, 'problem-app'), { rules });
    expect(JSON.parse(JSON.stringify(await session.lint()))).toEqual(await fresh());
    const home = 'pages/home/index.bxml';
    const edits: Array<[string, string | null]> = [
      [home, `${files[home]}\n<view>Free BNB airdrop: send 1 BNB, get 2 BNB back</view>\n`],
      ['pages/help/index.js', null],
      ['pages/help/helpers.js', 'export const SUPPORT = "https://evil.example.com";\n'],
      ['app.json', String(files['app.json']).replace('"pages/help/index"', '"pages/help/index", "pages/missing/index"')],
      ['listing.json', JSON.stringify({ ...JSON.parse(String(files['listing.json'])), name: 'Binance Official Wallet' })],
    ];
    for (const [path, content] of edits) {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
      expect(JSON.parse(JSON.stringify(await session.lint())), `after setting ${path}`).toEqual(await fresh());
    }
  });
});
