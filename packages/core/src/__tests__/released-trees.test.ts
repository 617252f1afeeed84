import { describe, expect, it } from 'vitest';
import { lint } from '../runner/lint.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { defineRule, type AnyRule } from '../rules/rule.js';
import { RecentMap } from '../memo.js';
import { miniApp, runRule } from '../testing/index.js';
import type { Project } from '../project/project.js';

const SCRIPT = 'pages/index/index.js';
const SHEET = 'pages/index/index.bxss';
const TEMPLATE = 'pages/index/index.bxml';

/** An AST-reading rule whose hook reports whether each file's tree is still held, and what it reads. */
function treeRule(treesRead: AnyRule['meta']['treesRead'], read: (project: Project) => string): AnyRule {
  return defineRule({
    meta: {
      id: 'test/trees',
      clauses: ['6.3'],
      severity: 'warning',
      suppressible: true,
      docs: { description: 'test' },
      messages: { held: 'held {{what}}', read: 'read {{what}}' },
      projectInput: 'asts',
      ...(treesRead ? { treesRead } : {}),
    },
    create(context) {
      return {
        // Every file is parsed and walked in the file phase.
        file: { enter: () => {} },
        project(project) {
          const held = [SCRIPT, TEMPLATE, SHEET].filter((path) => project.holds(path)).join(',');
          context.report({ file: SCRIPT, messageId: 'held', data: { what: held } });
          context.report({ file: SCRIPT, messageId: 'read', data: { what: read(project) } });
        },
      };
    },
  });
}

const readSheet = (project: Project) => {
  const sheet = project.parsed(SHEET);
  return sheet?.kind === 'bxss' && sheet.root ? sheet.root.nodes.map((node) => (node.type === 'rule' ? node.selector : node.type)).join(' ') : 'nothing';
};

async function messages(rule: AnyRule, strictTrees = false): Promise<string[]> {
  const result = await lint(openMemoryBundle(miniApp()), { rules: [rule], strictTrees });
  return result.findings.map((finding) => finding.message);
}

describe('trees kept for the project phase (meta.treesRead)', () => {
  it('keeps every kind of tree for an AST-reading hook that does not say which it reads', async () => {
    expect(await messages(treeRule(undefined, readSheet))).toEqual([`held ${SCRIPT},${TEMPLATE},${SHEET}`, 'read .page']);
  });

  it('keeps only the declared kinds; a hook that reads another kind gets it parsed again', async () => {
    expect(await messages(treeRule(['js', 'bxml'], readSheet))).toEqual([`held ${SCRIPT},${TEMPLATE}`, 'read .page']);
    expect(await messages(treeRule(['js'], () => 'none'))).toEqual([`held ${SCRIPT}`, 'read none']);
  });

  it('in a test run, fails a hook that reads a released tree of a kind it did not declare', async () => {
    const failures = (await messages(treeRule(['js'], readSheet), true)).filter((message) => message.startsWith('rule test/trees failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(`the project hook read the bxss tree of ${SHEET}, released after the file phase: add 'bxss' to meta.treesRead`);
    // The same hook with the kind declared passes; RuleTester's runs are strict.
    await expect(runRule(treeRule(['js', 'bxss'], readSheet), miniApp())).resolves.toHaveLength(2);
  });

  it('releases trees parsed while another file was walked before the project phase', async () => {
    // A per-file rule that reads the stylesheet while the script is walked (as ui rules read a template's sheets).
    const reader = defineRule({
      meta: { id: 'test/reader', clauses: ['6.3'], severity: 'warning', suppressible: true, docs: { description: 'test' }, messages: { m: 'm' } },
      create(context) {
        return { js: { Program: () => void context.project.parsed(SHEET) } };
      },
    });
    // The stylesheet comes first: walked and released, then parsed again while the script is walked.
    const result = await lint(openMemoryBundle({ [SHEET]: '.page { padding: 24rpx; }\n', ...miniApp() }), { rules: [reader, treeRule(['js'], () => 'none')] });
    expect(result.findings.map((finding) => finding.message)).toEqual([`held ${SCRIPT}`, 'read none']);
  });

  it('peekParsed reads a tree without holding it, and still counts as a read of the file', async () => {
    const peeker = defineRule({
      meta: { id: 'test/peek', clauses: ['6.3'], severity: 'warning', suppressible: true, docs: { description: 'test' }, messages: { m: '{{n}} {{held}}' } },
      create(context) {
        return {
          js: {
            Program: () => {
              if (context.file?.path !== SCRIPT) return;
              const sheet = context.project.peekParsed(SHEET);
              context.report({ file: SCRIPT, messageId: 'm', data: { n: String(sheet?.kind === 'bxss' ? sheet.root?.nodes.length : -1), held: String(context.project.holds(SHEET)) } });
            },
          },
        };
      },
    });
    const files = miniApp();
    const stored = new Map<string, string>();
    const resultCache = { get: (key: string) => (stored.has(key) ? JSON.parse(stored.get(key)!) : undefined), set: (key: string, value: unknown) => void stored.set(key, JSON.stringify(value)) };
    const first = await lint(openMemoryBundle(files), { rules: [peeker], resultCache });
    expect(first.findings.map((finding) => finding.message)).toEqual(['1 false']);
    // The script's cached result depends on the stylesheet it peeked at: changing the sheet walks the script again.
    const changed = await lint(openMemoryBundle({ ...files, [SHEET]: '.a { color: red; }\n.b { color: blue; }\n' }), { rules: [peeker], resultCache });
    expect(changed.findings.map((finding) => finding.message)).toEqual(['2 false']);
  });
});

describe('RecentMap', () => {
  it('keeps the entries set last, up to its limit', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3); // set again: now the newest
    map.set('c', 4);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([3, undefined, 4]);
  });
});
