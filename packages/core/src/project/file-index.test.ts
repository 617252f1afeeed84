import { describe, expect, it } from 'vitest';
import { FileIndex, FileIndexLookups } from './file-index.js';
import { Project, type ParseCache } from './project.js';
import { AnalysisCache } from './analysis-cache.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { miniApp } from '../testing/index.js';

/** Keys of a "file" given as a space-separated word list; counts the files keyed. */
function keyer(contents: Record<string, string>) {
  const keyed: string[] = [];
  return { keyed, keysOf: (path: string) => (keyed.push(path), contents[path].split(' ').filter(Boolean)) };
}

/** The files of `contents` in order, and each one's token (its content). */
const listed = (contents: Record<string, string>) => [Object.keys(contents), (path: string) => contents[path]] as const;

describe('FileIndex', () => {
  it('answers which files have a key, in the order the files were listed', () => {
    const contents = { 'b.js': 'load show', 'a.js': 'load', 'c.js': 'show' };
    const index = new FileIndex();
    expect(index.update(...listed(contents), keyer(contents).keysOf)).toBe(3);
    expect(index.lookup('load')).toEqual(['b.js', 'a.js']);
    expect(index.lookup('show')).toEqual(['b.js', 'c.js']);
    expect(index.lookup('missing')).toEqual([]);
    expect(index.paths).toEqual(['b.js', 'a.js', 'c.js']);
  });

  it('re-keys only the files whose token changed: keys gained and lost show at once', () => {
    const contents: Record<string, string> = { 'a.js': 'load', 'b.js': 'show', 'c.js': 'load show' };
    const index = new FileIndex();
    index.update(...listed(contents), keyer(contents).keysOf);
    expect(index.lookup('load')).toEqual(['a.js', 'c.js']);
    contents['b.js'] = 'load';
    contents['c.js'] = 'show';
    const { keyed, keysOf } = keyer(contents);
    expect(index.update(...listed(contents), keysOf)).toBe(2);
    expect(keyed).toEqual(['b.js', 'c.js']);
    expect(index.lookup('load')).toEqual(['a.js', 'b.js']);
    expect(index.lookup('show')).toEqual(['c.js']);
    // Nothing changed: nothing is keyed again.
    const again = keyer(contents);
    expect(index.update(...listed(contents), again.keysOf)).toBe(0);
    expect(again.keyed).toEqual([]);
  });

  it('with the changed paths, asks the tokens of those alone', () => {
    const contents: Record<string, string> = { 'a.js': 'load', 'b.js': 'show', 'c.js': 'show' };
    const index = new FileIndex();
    index.update(...listed(contents), keyer(contents).keysOf);
    contents['b.js'] = 'load';
    const asked: string[] = [];
    const { keyed, keysOf } = keyer(contents);
    expect(index.update(Object.keys(contents), (path) => (asked.push(path), contents[path]), keysOf, new Set(['b.js', 'gone.js']))).toBe(1);
    expect(asked).toEqual(['b.js']);
    expect(keyed).toEqual(['b.js']);
    expect(index.lookup('load')).toEqual(['a.js', 'b.js']);
    // A changed list is followed whatever the changed paths say.
    delete contents['a.js'];
    expect(index.update(...listed(contents), keysOf, new Set())).toBe(0);
    expect(index.lookup('load')).toEqual(['b.js']);
  });

  it('drops deleted files, keys added ones, and follows a rename (a drop and an add) and a new order', () => {
    const contents: Record<string, string> = { 'a.js': 'load', 'b.js': 'load', 'c.js': 'show' };
    const index = new FileIndex();
    index.update(...listed(contents), keyer(contents).keysOf);
    expect(index.lookup('load')).toEqual(['a.js', 'b.js']);
    const renamed: Record<string, string> = { 'z.js': contents['b.js'], 'a.js': contents['a.js'], 'd.js': 'load show' };
    const { keyed, keysOf } = keyer(renamed);
    expect(index.update(...listed(renamed), keysOf)).toBe(2);
    expect(keyed.sort()).toEqual(['d.js', 'z.js']);
    expect(index.lookup('load')).toEqual(['z.js', 'a.js', 'd.js']);
    expect(index.lookup('show')).toEqual(['d.js']);
    expect(index.paths).toEqual(['z.js', 'a.js', 'd.js']);
  });
});

describe('FileIndexLookups', () => {
  const contents = { 'a.js': 'load', 'b.js': 'show', 'c.js': 'load' };
  const setUp = (remembering = false) => {
    const index = new FileIndex();
    index.update(...listed(contents), keyer(contents).keysOf);
    const uses: string[][] = [];
    const answers: Array<[string, string]> = [];
    const lookups = new FileIndexLookups(index, (paths) => uses.push([...paths]), (key, hash) => answers.push([key, hash]), () => remembering);
    return { index, uses, answers, lookups };
  };

  it("notes a reader's lookup as a dependency on the answer for the key and a use of the files in it", () => {
    const { index, uses, answers, lookups } = setUp();
    const reader = {};
    expect(lookups.lookup('load', reader)).toEqual(['a.js', 'c.js']);
    expect(lookups.lookup('show', reader)).toEqual(['b.js']);
    expect(lookups.lookup('none', reader)).toEqual([]);
    expect(uses).toEqual([['a.js', 'c.js'], ['b.js'], []]);
    expect(answers.map(([key]) => key)).toEqual(['load', 'show', 'none']);
    expect(answers.map(([, hash]) => hash)).toEqual([index.answerHash('load'), index.answerHash('show'), index.answerHash('none')]);
    expect(new Set(answers.map(([, hash]) => hash)).size).toBe(3);
  });

  it('notes every indexed file on a lookup without a reader, or while an analysis is being remembered', () => {
    const plain = setUp();
    plain.lookups.lookup('load');
    plain.lookups.lookup('load');
    expect(plain.uses).toEqual([['a.js', 'b.js', 'c.js'], ['a.js', 'b.js', 'c.js']]);
    expect(plain.answers).toEqual([]);
    const remembering = setUp(true);
    remembering.lookups.lookup('load', {});
    expect(remembering.uses).toEqual([['a.js', 'b.js', 'c.js']]);
    expect(remembering.answers).toEqual([]);
  });

  it("changes an answer's hash exactly when a file gains or loses the key, or the answer's order changes", () => {
    const current: Record<string, string> = { ...contents };
    const index = new FileIndex();
    index.update(...listed(current), keyer(current).keysOf);
    const load = index.answerHash('load');
    const show = index.answerHash('show');
    current['b.js'] = 'show other';
    index.update(...listed(current), keyer(current).keysOf);
    expect([index.answerHash('load'), index.answerHash('show')]).toEqual([load, show]);
    current['b.js'] = 'show load';
    index.update(...listed(current), keyer(current).keysOf);
    expect(index.answerHash('load')).not.toBe(load);
    expect(index.answerHash('show')).toBe(show);
    current['b.js'] = 'show';
    index.update(...listed(current), keyer(current).keysOf);
    expect(index.answerHash('load')).toBe(load);
    const reordered = { 'c.js': current['c.js'], 'b.js': current['b.js'], 'a.js': current['a.js'] };
    index.update(...listed(reordered), keyer(reordered).keysOf);
    expect(index.lookup('load')).toEqual(['c.js', 'a.js']);
    expect(index.answerHash('load')).not.toBe(load);
  });
});

describe('Project.rememberIndex', () => {
  const words = (project: Project) => (path: string) => (project.parsed(path)?.text ?? '').match(/\w+/g) ?? [];
  const scripts = (project: Project) => project.paths.filter((path) => path.endsWith('.js'));

  it('with an analysis cache, keys only the scripts changed since the last run; a fresh index agrees', () => {
    const cache = new AnalysisCache();
    const parses: ParseCache = new Map();
    const files: Record<string, string> = miniApp({ 'a.js': 'load();\n', 'b.js': 'show();\n', 'c.js': 'load(); show();\n' }) as Record<string, string>;
    const run = () => {
      const project = new Project(openMemoryBundle(files), { analysisCache: cache, parseCache: parses });
      const keyed: string[] = [];
      const keysOf = words(project);
      const lookups = project.rememberIndex('test/words', scripts(project), (path) => (keyed.push(path), keysOf(path)));
      cache.nextGeneration();
      const fresh = new Project(openMemoryBundle(files));
      const expected = fresh.rememberIndex('test/words', scripts(fresh), words(fresh));
      for (const key of ['load', 'show', 'track']) expect(lookups.lookup(key)).toEqual(expected.lookup(key));
      return { keyed, lookups };
    };
    expect(run().keyed.sort()).toEqual(['a.js', 'app.js', 'b.js', 'c.js', 'pages/index/index.js'].filter((path) => path in files));
    files['b.js'] = 'load(); track();\n';
    const second = run();
    expect(second.keyed).toEqual(['b.js']);
    expect(second.lookups.lookup('track')).toEqual(['b.js']);
    delete files['a.js'];
    files['d.js'] = 'load();\n';
    const third = run();
    expect(third.keyed).toEqual(['d.js']);
    expect(third.lookups.lookup('load')).toEqual(['b.js', 'c.js', 'd.js']);
  });

  it('builds the index once per run for a kind', () => {
    const project = new Project(openMemoryBundle(miniApp({ 'a.js': 'load();\n' }) as Record<string, string>));
    let keyed = 0;
    const keysOf = words(project);
    const first = project.rememberIndex('test/words', scripts(project), (path) => (keyed++, keysOf(path)));
    const count = keyed;
    expect(project.rememberIndex('test/words', scripts(project), keysOf)).toBe(first);
    expect(keyed).toBe(count);
    expect(first.lookup('load')).toEqual(['a.js']);
  });
});
