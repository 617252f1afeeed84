import { describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../runner/lint.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { defineRule } from '../rules/rule.js';
import type { IndexSpec } from '../project/project.js';
import { miniApp, steppedSession } from '../testing/index.js';

/**
 * Issue #9: a lookup in a project index (`Project.rememberIndex`) while a file is walked is a
 * dependency on the answer for that key, not on every indexed file: an edit that gains or loses
 * the key re-walks the reader, an unrelated edit does not.
 */

/** For each run (each `create`), the files its walk saw, in order. */
let runs: string[][] = [];

const callNames = (text: string) => [...text.matchAll(/([A-Za-z_]\w*)\(/g)].map((match) => match[1]);

/** Which scripts call something by each name. */
const CALLS: IndexSpec = {
  kind: 'test/calls',
  paths: (project) => project.paths.filter((path) => path.endsWith('.js')),
  keysOf: (project, path) => callNames(project.jsFile(path)?.text ?? ''),
};

/**
 * For each function declared in `utils/`, the other scripts calling it by name and how often
 * (their content): found through an index of the names each script calls, with the walked file as
 * the reader, as privacy's `callersOf` does.
 */
const callersRule = defineRule({
  meta: { id: 'test/callers', clauses: ['6.3'], severity: 'warning', suppressible: true, docs: { description: 'test' }, messages: { callers: '{{name}} is called in {{files}}' } },
  create(context) {
    const walked: string[] = [];
    runs.push(walked);
    return {
      js: {
        Program: () => void walked.push(context.file!.path),
        FunctionDeclaration: (node) => {
          const reader = context.file!;
          if (!reader.path.startsWith('utils/') || !node.id) return;
          const name = node.id.name;
          const project = context.project;
          const index = project.rememberIndex(CALLS);
          const files = index
            .lookup(name, reader)
            .filter((path) => path !== reader.path)
            .map((path) => `${path}×${callNames(project.jsFile(path)!.text).filter((called) => called === name).length}`);
          context.report({ node, messageId: 'callers', data: { name, files: files.join(' ') || 'nowhere' } });
        },
      },
    };
  },
});

const files = (): Record<string, string> => ({
  ...(miniApp() as Record<string, string>),
  'utils/request.js': 'export function get(url) { return url; }\nexport function post(url) { return url; }\n',
  'pages/index/index.js': "import { get } from '../../utils/request.js';\nPage({ onLoad() { get('/a'); } });\n",
  'lib/a.js': 'export function a() { return helper(); }\nfunction helper() { return 1; }\n',
  'lib/b.js': 'export function b() { return 2; }\n',
});

/** The rule's messages, without the severity policy's note on code nothing loads. */
const messages = (result: LintResult) => result.findings.filter((finding) => finding.ruleId === 'test/callers').map((finding) => finding.message.split(' — ')[0]);

describe('a session re-walks a file that looked a key up only when the answer changed', () => {
  it('follows callers gained, lost, renamed, files added and deleted, and the callee edited, as a fresh lint() does', async () => {
    const session = await steppedSession({ rules: [callersRule] }, files());
    expect(messages(await session.check())).toEqual(['get is called in pages/index/index.js×1', 'post is called in nowhere']);

    const step = async (path: string, content: string | null) => {
      session.set(path, content);
      runs = [];
      const result = await session.check(`after editing ${path}`);
      // check() runs the session, then a fresh lint().
      expect(runs).toHaveLength(2);
      return { found: messages(result), walkedBySession: [...runs[0]].sort() };
    };

    // Unrelated edits: the key sets of get and post hold, so utils/request.js is not walked again.
    let after = await step('lib/b.js', 'export function b() { return 3; }\n');
    expect(after.found).toEqual(['get is called in pages/index/index.js×1', 'post is called in nowhere']);
    expect(after.walkedBySession).toEqual(['lib/b.js']);
    after = await step('lib/a.js', 'export function a() { return helper() + helper(); }\nfunction helper() { return 1; }\n');
    expect(after.walkedBySession).toEqual(['lib/a.js']);

    // A caller gained in another file: the reader is walked again.
    after = await step('lib/b.js', 'export function b() { return post(3); }\n');
    expect(after.found).toEqual(['get is called in pages/index/index.js×1', 'post is called in lib/b.js×1']);
    expect(after.walkedBySession).toEqual(['lib/b.js', 'utils/request.js']);
    // A caller's content changed, its keys not (a second call): what the reader read of it changed.
    after = await step('lib/b.js', 'export function b() { return post(3) + post(4); }\n');
    expect(after.found).toEqual(['get is called in pages/index/index.js×1', 'post is called in lib/b.js×2']);
    // A caller renamed (post → get): post loses lib/b.js, get gains it.
    after = await step('lib/b.js', 'export function b() { return get(3); }\n');
    expect(after.found).toEqual(['get is called in pages/index/index.js×1 lib/b.js×1', 'post is called in nowhere']);
    // A caller removed.
    after = await step('pages/index/index.js', 'Page({ onLoad() {} });\n');
    expect(after.found).toEqual(['get is called in lib/b.js×1', 'post is called in nowhere']);
    // A file added and one deleted.
    after = await step('lib/c.js', 'export const c = () => post(1);\n');
    expect(after.found).toEqual(['get is called in lib/b.js×1', 'post is called in lib/c.js×1']);
    after = await step('lib/b.js', null);
    expect(after.found).toEqual(['get is called in nowhere', 'post is called in lib/c.js×1']);
    // The callee's file edited.
    after = await step('utils/request.js', 'export function get(url) { return url; }\nexport function put(url) { return url; }\n');
    expect(after.found).toEqual(['get is called in nowhere', 'put is called in nowhere']);
    // And an unrelated edit after all that still walks the edited file alone.
    after = await step('lib/a.js', 'export function a() { return helper(); }\nfunction helper() { return 1; }\n');
    expect(after.walkedBySession).toEqual(['lib/a.js']);
  });

  it('a result cached by another run (no session) is walked again when the key set changed there', async () => {
    const cache = new Map<string, unknown>();
    const resultCache = { get: (key: string) => cache.get(key) as never, set: (key: string, value: unknown) => void cache.set(key, JSON.parse(JSON.stringify(value))) };
    const current = files();
    await lint(openMemoryBundle(current), { rules: [callersRule], resultCache });
    current['lib/b.js'] = 'export function b() { return post(3); }\n';
    const cached = await lint(openMemoryBundle(current), { rules: [callersRule], resultCache });
    expect(messages(cached)).toEqual(['get is called in pages/index/index.js×1', 'post is called in lib/b.js×1']);
    expect(cached).toEqual(await lint(openMemoryBundle(current), { rules: [callersRule] }));
  });
});
