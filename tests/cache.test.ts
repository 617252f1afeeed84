import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, type Run } from './run-cli.js';

const fixture = join(root, 'fixtures/apps/problem-app');


const bmplint = (args: string[]): Promise<Run> => runCli(args);

function copyOfApp(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'bmplint-cache-')), 'app');
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** The JSON report with and without `--cache`: they must be the same, byte for byte. */
async function expectSameWithCache(app: string, extra: string[] = []): Promise<string> {
  const cached = await bmplint(['check', app, '--format', 'json', '--cache', ...extra]);
  const fresh = await bmplint(['check', app, '--format', 'json', ...extra]);
  expect(cached.stderr).toBe(fresh.stderr);
  expect(cached.stdout).toBe(fresh.stdout);
  expect(cached.code).toBe(fresh.code);
  return cached.stdout;
}

const edit = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, 'utf8')));
const messages = (report: string) => (JSON.parse(report) as { findings: Array<{ file: string; message: string }> }).findings.map((finding) => `${finding.file}: ${finding.message}`);

// Each case runs the CLI a dozen times on a shared, busy machine.
describe('--cache', { timeout: 180_000 }, () => {
  it('writes .bmplint-cache in the checked folder, leaves it out of the bundle, and gives the same report', async () => {
    const app = copyOfApp();
    const first = await expectSameWithCache(app);
    expect(existsSync(join(app, '.bmplint-cache/bmplint-results.json'))).toBe(true);
    const again = await expectSameWithCache(app);
    expect(again).toBe(first);
    expect(JSON.parse(again).bundle.files).toBe(JSON.parse(first).bundle.files);
  });

  it('follows files being changed, added, renamed and deleted', async () => {
    const app = copyOfApp();
    await expectSameWithCache(app);
    edit(join(app, 'pages/help/index.bxml'), (text) => `${text}\n<view>Free BNB airdrop: send 1 BNB, get 2 BNB back</view>\n`);
    expect(messages(await expectSameWithCache(app)).some((line) => line.startsWith('pages/help/index.bxml') && line.includes('scam wording'))).toBe(true);
    writeFileSync(join(app, 'pages/help/extra.js'), 'debugger;\nbn.request({ url: "http://insecure.example.com/api" });\n');
    const added = messages(await expectSameWithCache(app));
    expect(added.some((line) => line.startsWith('pages/help/extra.js'))).toBe(true);
    renameSync(join(app, 'pages/help/extra.js'), join(app, 'pages/help/moved.js'));
    const renamed = messages(await expectSameWithCache(app));
    expect(renamed.some((line) => line.startsWith('pages/help/extra.js'))).toBe(false);
    expect(renamed.some((line) => line.startsWith('pages/help/moved.js'))).toBe(true);
    rmSync(join(app, 'pages/help/moved.js'));
    expect(messages(await expectSameWithCache(app)).some((line) => line.startsWith('pages/help/moved.js'))).toBe(false);
  });

  it('follows app.json, a page config and the listing', async () => {
    const app = copyOfApp();
    const before = messages(await expectSameWithCache(app));
    edit(join(app, 'app.json'), (text) => text.replace('"pages/help/index"', '"pages/help/index", "pages/nowhere/index"'));
    const pages = messages(await expectSameWithCache(app));
    expect(pages).not.toEqual(before);
    expect(pages.some((line) => line.includes('pages/nowhere/index'))).toBe(true);
    edit(join(app, 'pages/help/index.json'), () => '{ "navigationBarTitleText": "Free BNB airdrop" }\n');
    expect(messages(await expectSameWithCache(app)).some((line) => line.startsWith('pages/help/index.json'))).toBe(true);
    edit(join(app, 'listing.json'), (text) => text.replace('"Moon Rewards 月亮奖励中心"', '"Binance Official Rewards"'));
    expect(messages(await expectSameWithCache(app)).some((line) => line.startsWith('listing.json') && line.includes('Binance'))).toBe(true);
    // A listing outside the folder (--listing).
    const outside = join(app, '..', 'listing.json');
    writeFileSync(outside, readFileSync(join(app, 'listing.json')));
    await expectSameWithCache(app, ['--listing', outside]);
    edit(outside, (text) => text.replace('"Binance Official Rewards"', '"Moon"'));
    await expectSameWithCache(app, ['--listing', outside]);
  });

  it('follows the config: rules turned off, severities and options', async () => {
    const app = copyOfApp();
    const before = await expectSameWithCache(app);
    writeFileSync(join(app, 'bmplint.config.json'), JSON.stringify({ rules: { 'content/fraud-wording': 'off', 'content/share-wording': ['warning', {}] } }));
    const changed = await expectSameWithCache(app);
    expect(changed).not.toBe(before);
    expect(messages(changed).some((line) => line.includes('scam wording'))).toBe(false);
    rmSync(join(app, 'bmplint.config.json'));
    expect(await expectSameWithCache(app)).toBe(before);
  });

  it('ignores a corrupt or foreign cache file with a warning', async () => {
    const app = copyOfApp();
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'bmplint-cache-loc-')), 'cache');
    const fresh = (await bmplint(['check', app, '--format', 'json'])).stdout;
    await bmplint(['check', app, '--format', 'json', '--cache-location', cacheDir]);
    const file = join(cacheDir, 'bmplint-results.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
    const corrupt = await bmplint(['check', app, '--format', 'json', '--cache-location', cacheDir]);
    expect(corrupt.stdout).toBe(fresh);
    expect(corrupt.stderr).toMatch(/warning: the cache file .* is corrupt/);
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow(); // rewritten whole
    writeFileSync(file, JSON.stringify({ name: 'something else', entries: [] }));
    const foreign = await bmplint(['check', app, '--format', 'json', '--cache-location', cacheDir]);
    expect(foreign.stdout).toBe(fresh);
    expect(foreign.stderr).toMatch(/is not a bmplint cache/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ name: 'something else', entries: [] });
    // An entry of the wrong shape is a miss, not a crash.
    rmSync(file);
    await bmplint(['check', app, '--format', 'json', '--cache-location', cacheDir]);
    const cache = JSON.parse(readFileSync(file, 'utf8'));
    for (const key of Object.keys(cache.entries)) cache.entries[key] = { findings: 'no' };
    cache.runs = {};
    writeFileSync(file, JSON.stringify(cache));
    expect((await bmplint(['check', app, '--format', 'json', '--cache-location', cacheDir])).stdout).toBe(fresh);
  });

  it('gives every concurrent run sharing a cache the same report, and leaves a whole cache file', async () => {
    const app = copyOfApp();
    const other = copyOfApp();
    edit(join(other, 'pages/home/index.bxml'), (text) => `${text}\n<view>Free BNB airdrop</view>\n`);
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'bmplint-cache-shared-')), 'cache');
    const fresh = [(await bmplint(['check', app, '--format', 'json'])).stdout, (await bmplint(['check', other, '--format', 'json'])).stdout];
    for (let round = 0; round < 2; round++) {
      const runs = await Promise.all([app, other, app, other, app, other].map((path) => bmplint(['check', path, '--format', 'json', '--cache-location', cacheDir])));
      runs.forEach((run, index) => {
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(fresh[index % 2]);
      });
      expect(() => JSON.parse(readFileSync(join(cacheDir, 'bmplint-results.json'), 'utf8'))).not.toThrow();
    }
  });
});
