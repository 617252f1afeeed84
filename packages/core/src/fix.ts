/**
 * Fixes, as ESLint makes them: a fixable rule (`meta.fixable: 'code'`) passes
 * `fix: (fixer) => fixer.replaceTextRange(...)` to `report()`. The edits are resolved at once into
 * one serialisable `{ range, text }` on the finding (offsets into the finding's file), so stored
 * reports, the CLI's `--fix` and the language server's quick fixes all apply the same edit.
 */
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import type { LintResult } from './runner/lint.js';

const jsonc = createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;

/** Replace `text.slice(range[0], range[1])` with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** An edit offered, not applied by `--fix` (the user picks it in an editor). */
export interface Suggestion {
  desc: string;
  fix: Fix;
}

export interface RuleFixer {
  replaceTextRange(range: readonly [number, number], text: string): Fix;
  insertTextBeforeRange(range: readonly [number, number], text: string): Fix;
  insertTextAfterRange(range: readonly [number, number], text: string): Fix;
  removeRange(range: readonly [number, number]): Fix;
}

export type FixFunction = (fixer: RuleFixer) => Fix | Iterable<Fix> | null | undefined;

export const ruleFixer: RuleFixer = {
  replaceTextRange: (range, text) => ({ range: [range[0], range[1]], text }),
  insertTextBeforeRange: (range, text) => ({ range: [range[0], range[0]], text }),
  insertTextAfterRange: (range, text) => ({ range: [range[1], range[1]], text }),
  removeRange: (range) => ({ range: [range[0], range[1]], text: '' }),
};

/**
 * Runs a fix function against the file's text and merges its edits into one (ESLint's
 * `mergeFixes`): overlapping edits are a bug in the rule and throw.
 */
export function resolveFix(fix: FixFunction, text: string): Fix | undefined {
  const produced = fix(ruleFixer);
  if (!produced) return undefined;
  const edits = (isFix(produced) ? [produced] : [...produced]).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  if (!edits.length) return undefined;
  for (const edit of edits) {
    const [start, end] = edit.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      throw new Error(`fix range [${start}, ${end}] is outside the file (length ${text.length})`);
    }
  }
  if (edits.length === 1) return edits[0];
  const start = edits[0].range[0];
  const end = Math.max(...edits.map((edit) => edit.range[1]));
  let merged = '';
  let at = start;
  for (const edit of edits) {
    if (edit.range[0] < at) throw new Error('a fix has overlapping edits');
    merged += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  merged += text.slice(at, end);
  return { range: [start, end], text: merged };
}

function isFix(value: unknown): value is Fix {
  return Boolean(value) && typeof value === 'object' && Array.isArray((value as Fix).range) && typeof (value as Fix).text === 'string';
}

/** The `fix` and `suggestions` of a report, resolved against the file's text (absent when there is no text). */
export function fixesOf(
  descriptor: { fix?: FixFunction; suggestions?: ReadonlyArray<{ desc: string; fix: FixFunction }> },
  meta: { id: string; fixable?: 'code' },
  text: string | undefined,
): { fix?: Fix; suggestions?: Suggestion[] } {
  const out: { fix?: Fix; suggestions?: Suggestion[] } = {};
  if (descriptor.fix) {
    if (meta.fixable !== 'code') throw new Error(`rule ${meta.id} reports a fix but its meta does not set fixable: 'code'`);
    const fix = text === undefined ? undefined : resolveFix(descriptor.fix, text);
    if (fix) out.fix = fix;
  }
  if (descriptor.suggestions?.length && text !== undefined) {
    const suggestions = descriptor.suggestions.flatMap(({ desc, fix }) => {
      const resolved = resolveFix(fix, text);
      return resolved ? [{ desc, fix: resolved }] : [];
    });
    if (suggestions.length) out.suggestions = suggestions;
  }
  return out;
}

/**
 * Applies non-overlapping fixes to a text, in order of position; a fix that overlaps or touches
 * one already applied waits for the next pass (as ESLint does).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let at = 0;
  let last = -1;
  let applied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start <= last || end > text.length) continue;
    output += text.slice(at, start) + fix.text;
    at = end;
    last = end;
    applied++;
  }
  return { output: output + text.slice(at), applied };
}

export const MAX_FIX_PASSES = 10;

export interface FixRun {
  /** The findings of the fixed files (what remains to do by hand). */
  result: LintResult;
  /** New content of each changed file, by bundle path. */
  outputs: Map<string, string>;
  /** Fixes applied over all passes. */
  fixed: number;
}

/**
 * Lints, applies every finding's fix per file, and lints the fixed files again, up to
 * `MAX_FIX_PASSES` passes or until no fix applies. `lintWith(outputs)` lints the bundle with the
 * given files replaced; `read(path)` gives a file's current text (undefined: not fixable, e.g. a
 * listing outside the bundle).
 */
export async function fixFiles(
  lintWith: (outputs: ReadonlyMap<string, string>) => Promise<LintResult>,
  read: (path: string) => string | undefined,
  maxPasses = MAX_FIX_PASSES,
): Promise<FixRun> {
  const outputs = new Map<string, string>();
  let fixed = 0;
  for (let pass = 0; ; pass++) {
    const result = await lintWith(outputs);
    if (pass === maxPasses) return { result, outputs, fixed };
    const byFile = new Map<string, Fix[]>();
    for (const finding of result.findings) {
      if (!finding.fix) continue;
      const list = byFile.get(finding.file);
      if (list) list.push(finding.fix);
      else byFile.set(finding.file, [finding.fix]);
    }
    let changed = false;
    for (const [file, fixes] of byFile) {
      const text = outputs.get(file) ?? read(file);
      if (text === undefined) continue;
      const { output, applied } = applyFixes(text, fixes);
      if (output === text) continue;
      outputs.set(file, output);
      fixed += applied;
      changed = true;
    }
    if (!changed) return { result, outputs, fixed };
  }
}

/**
 * The edit that adds (`value`) or removes (`undefined`) the property at `path` of a JSON text,
 * touching nothing else: a removed property takes its comma with it, an added one copies the
 * spacing between the object's brace and its first property. Undefined when the text is not JSON,
 * the parent is not an object, or there is nothing to do.
 */
export function jsonEdit(text: string, path: ReadonlyArray<string | number>, value: unknown): Fix | undefined {
  const root = jsonc.parseTree(text);
  if (!root || !path.length) return undefined;
  const key = String(path[path.length - 1]);
  const object = jsonc.findNodeAtLocation(root, [...path.slice(0, -1)]);
  if (object?.type !== 'object') return undefined;
  const properties = object.children ?? [];
  const index = properties.findIndex((property) => property.children?.[0]?.value === key);
  const end = (node: Jsonc.Node) => node.offset + node.length;
  if (value === undefined) {
    if (index < 0) return undefined;
    const property = properties[index];
    if (properties.length === 1) return { range: [object.offset + 1, end(object) - 1], text: '' };
    if (index + 1 < properties.length) return { range: [property.offset, properties[index + 1].offset], text: '' };
    return { range: [end(properties[index - 1]), end(property)], text: '' };
  }
  if (index >= 0) return undefined;
  const entry = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  if (!properties.length) return { range: [object.offset + 1, end(object) - 1], text: entry };
  const spacing = text.slice(object.offset + 1, properties[0].offset);
  const last = properties[properties.length - 1];
  return { range: [end(last), end(last)], text: `,${spacing}${entry}` };
}
