import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions, type LintResult } from '../runner/lint.js';
import { openSession } from '../runner/session.js';
import { defineRule } from '../rules/rule.js';
import { scanFiles } from '../analysis/file-scans.js';
import { Project, type ParseCache } from '../project/project.js';
import { AnalysisCache } from '../project/analysis-cache.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { miniApp } from '../testing/index.js';

/** 50 scripts, each calling one function by name. */
const project50 = (): Record<string, string> => {
  const files: Record<string, string> = miniApp() as Record<string, string>;
  for (let at = 0; at < 50; at++) files[`lib/f${String(at).padStart(2, '0')}.js`] = `export function f${at}() { return call${at % 5}(); }\n`;
  return files;
};
const scripts = (project: Project) => project.paths.filter((path) => path.endsWith('.js'));
const callsIn = (text: string) => text.match(/call\d+/g) ?? [];
const callsOf = (project: Project, path: string) => callsIn(project.parsed(path)?.text ?? '');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * One run over `files` as a session's run would be: the analysis cache told `changed` (undefined:
 * not known). Counts the parses scanFiles asked for and the content hashes rememberIndex asked for.
 */
function runOnce(files: Record<string, string>, cache: AnalysisCache, parses: ParseCache, changed: ReadonlySet<string> | undefined, maxParseBytes?: number) {
  cache.beginRun(changed);
  let asked = 0;
  let hashed = 0;
  const project = new Project(openMemoryBundle(files), { analysisCache: cache, parseCache: parses, maxParseBytes, onAccess: () => asked++, contentHash: (path) => (hashed++, sha1(files[path] ?? '')) });
  const scanned: string[] = [];
  asked = 0;
  const list = scanFiles(project, 'test/calls', (file) => (scanned.push(file.path), file.kind === 'js' ? callsIn(file.text) : undefined));
  const scanAsks = asked;
  const keyed: string[] = [];
  const paths = scripts(project);
  hashed = 0;
  const index = project.rememberIndex('test/calls', paths, (path) => (keyed.push(path), callsOf(project, path)));
  const tokens = hashed;
  cache.nextGeneration();
  const fresh = new Project(openMemoryBundle(files), { maxParseBytes });
  const freshIndex = fresh.rememberIndex('test/calls', scripts(fresh), (path) => callsOf(fresh, path));
  expect(list.map(({ path, value }) => [path, value])).toEqual(scanFiles(fresh, 'test/calls', (file) => (file.kind === 'js' ? callsOf(fresh, file.path) : undefined)).map(({ path, value }) => [path, value]));
  for (const key of ['call0', 'call1', 'call4', 'call9']) expect(index.lookup(key)).toEqual(freshIndex.lookup(key));
  return { list, scanned, keyed, scanAsks, tokens };
}

describe("scanFiles and FileIndex take a session's changed paths", () => {
  it('after one edit in a 50-file project, look at that file alone; a fresh project agrees', () => {
    const files = project50();
    const cache = new AnalysisCache();
    const parses: ParseCache = new Map();
    const first = runOnce(files, cache, parses, undefined);
    expect(first.keyed.length).toBeGreaterThan(50);

    files['lib/f07.js'] = 'export function f7() { return call9(); }\n';
    const edited = runOnce(files, cache, parses, new Set(['lib/f07.js']));
    expect(edited.scanned).toEqual(['lib/f07.js']);
    expect(edited.keyed).toEqual(['lib/f07.js']);
    // The changed paths alone were asked: no other file's parse or content hash.
    expect(edited.scanAsks).toBe(1);
    expect(edited.tokens).toBe(1);

    // Nothing changed: nothing asked, and the same list.
    const still = runOnce(files, cache, parses, new Set());
    expect(still).toMatchObject({ scanned: [], keyed: [], scanAsks: 0, tokens: 0 });
    expect(still.list).toBe(edited.list);
  });

  it('without the changed paths, compares file by file: the same answers', () => {
    const files = project50();
    const cache = new AnalysisCache();
    const parses: ParseCache = new Map();
    runOnce(files, cache, parses, undefined);
    files['lib/f07.js'] = 'export function f7() { return call9(); }\n';
    const edited = runOnce(files, cache, parses, undefined);
    expect(edited.scanned).toEqual(['lib/f07.js']);
    expect(edited.keyed).toEqual(['lib/f07.js']);
    expect(edited.scanAsks).toBeGreaterThan(50);
    expect(edited.tokens).toBeGreaterThan(50);
    const still = runOnce(files, cache, parses, undefined);
    expect(still.list).toBe(edited.list);
  });

  it('a script that grows past the parse limit leaves the scanned files and comes back in its place', () => {
    const files = project50();
    const cache = new AnalysisCache();
    const parses: ParseCache = new Map();
    const limit = 200;
    runOnce(files, cache, parses, undefined, limit);
    const small = files['lib/f03.js'];
    files['lib/f03.js'] = `${small}// ${'x'.repeat(limit)}\n`;
    expect(runOnce(files, cache, parses, new Set(['lib/f03.js']), limit).list.map(({ path }) => path)).not.toContain('lib/f03.js');
    files['lib/f03.js'] = small;
    const back = runOnce(files, cache, parses, new Set(['lib/f03.js']), limit);
    expect(back.scanned).toEqual(['lib/f03.js']);
    expect(back.list.map(({ path }) => path).indexOf('lib/f03.js')).toBe(back.list.map(({ path }) => path).indexOf('lib/f02.js') + 1);
  });
});

/** A project hook over a scan and an index: reports each script calling `call9`, found both ways. */
const rule = defineRule({
  meta: { id: 'test/calls', clauses: ['4.2.1'], severity: 'error', suppressible: true, projectInput: 'asts', checksScripts: true, docs: { description: 'test' }, messages: { scanned: 'scanned call9', indexed: 'indexed call9' } },
  create(context) {
    return {
      project(project) {
        for (const { path } of scanFiles(project, 'test/call9', (file) => (file.kind === 'js' && file.text.includes('call9(') ? true : undefined))) {
          context.report({ file: path, messageId: 'scanned' });
        }
        for (const path of project.rememberIndex('test/calls', scripts(project), (path) => callsOf(project, path)).lookup('call9')) context.report({ file: path, messageId: 'indexed' });
      },
    };
  },
});
const found = (result: LintResult) => result.findings.map((finding) => `${finding.file} ${finding.messageId}`).sort();
const plain = (result: LintResult) => JSON.parse(JSON.stringify(result)) as LintResult;

describe('runs whose changed paths are not known', () => {
  it('plain lint() twice with a shared parse cache gives the fresh result', async () => {
    const files = project50();
    const options: LintOptions = { rules: [rule], parseCache: new Map() };
    expect(found(await lint(openMemoryBundle(files), options))).toEqual([]);
    files['lib/f07.js'] = 'export function f7() { return call9(); }\n';
    const again = await lint(openMemoryBundle(files), options);
    expect(found(again)).toEqual(['lib/f07.js indexed', 'lib/f07.js scanned']);
    expect(plain(again)).toEqual(plain(await lint(openMemoryBundle(files), { rules: [rule] })));
  });

  it("a session given the caller's parse cache follows edits as a fresh lint() does", async () => {
    const files = project50();
    const session = await openSession(openMemoryBundle(files), { rules: [rule], parseCache: new Map() });
    await session.lint();
    for (const [path, content] of [['lib/f07.js', 'export function f7() { return call9(); }\n'], ['lib/f11.js', 'export const f11 = () => call9();\n'], ['lib/f07.js', null]] as const) {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
      expect(plain(await session.lint())).toEqual(plain(await lint(openMemoryBundle(files), { rules: [rule] })));
    }
  });
});
