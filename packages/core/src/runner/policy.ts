import type { Finding, Severity } from '../findings.js';
import type { Project } from '../project/project.js';
import type { RuleMeta } from '../rules/rule.js';
import { unboundMethods } from '../analysis/unbound-methods.js';
import { statementsAfterExit } from '../analysis/dead-code.js';
import { unusedTemplates } from '../analysis/template-uses.js';
import { fileKindOf } from '../parse/source-file.js';

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** The lower of the rule's configured severity and the one a report asks for (a report may lower, never raise). */
export function reportedSeverity(configured: Severity, requested: Severity | undefined): Severity {
  return requested && RANK[requested] < RANK[configured] ? requested : configured;
}

/**
 * The severity policy applied to a run's findings, after suppressions (docs/severity.md):
 * - files matched by `ignorePatterns` exist for resolution but are not reported on;
 * - a low-confidence finding never fails a run: an error becomes a warning, its confidence kept;
 * - a finding in third-party code carries `vendor`;
 * - a finding in a file the app never loads is marked `unreachable` and an error there becomes a
 *   low-confidence warning, unless its rule says the file's presence is the problem
 *   (`meta.reachability: 'any-file'`); findings of bundle checks (no rule meta) stand; the same
 *   for a finding inside a page or component method that nothing binds, calls or mentions, after
 *   a `return` in its block, or in a `<template name>` that no template instantiates;
 * - one root cause, one finding: a rule's finding is dropped where a rule it defers to
 *   (`meta.defersTo`) reported on the same line of the same file.
 */
export function applySeverityPolicy(findings: Finding[], project: Project, metaOf: (ruleId: string) => RuleMeta | undefined): Finding[] {
  const kept = findings.filter((finding) => !project.isIgnored(finding.file));
  for (const finding of kept) lowerIfUnreachable(finding, project, metaOf(finding.ruleId));
  lowerInUnboundMethods(kept, project, metaOf);
  lowerInDeadCode(kept, project, metaOf);
  for (const finding of kept) {
    if (finding.confidence === 'low' && finding.severity === 'error') finding.severity = 'warning';
    const vendor = project.vendorOf(finding.file);
    if (vendor) finding.vendor = vendor;
  }
  return dropDeferred(kept, metaOf);
}

const UNREACHABLE_NOTE = ' — in code nothing in the app loads';

function lowerIfUnreachable(finding: Finding, project: Project, meta: RuleMeta | undefined): void {
  if (!meta || meta.reachability === 'any-file' || project.isReachable(finding.file)) return;
  finding.unreachable = true;
  finding.message += UNREACHABLE_NOTE;
  if (finding.severity === 'error') finding.confidence = 'low';
}

/** Errors inside methods nothing can call; the method analysis runs only for files holding such errors. */
function lowerInUnboundMethods(findings: Finding[], project: Project, metaOf: (ruleId: string) => RuleMeta | undefined): void {
  const lowerable = findings.filter((finding) => {
    const meta = metaOf(finding.ruleId);
    return finding.severity === 'error' && !finding.unreachable && meta && meta.reachability !== 'any-file';
  });
  if (!lowerable.length) return;
  const unbound = unboundMethods(project, lowerable.map((finding) => finding.file));
  for (const finding of lowerable) {
    const method = unbound.get(finding.file)?.find((candidate) => candidate.startLine <= finding.line && finding.endLine <= candidate.endLine);
    if (!method) continue;
    finding.unreachable = true;
    finding.message += ` — in ${method.name}(), which nothing in the app calls`;
    finding.confidence = 'low';
  }
}

/** Errors in code of a reachable file that never runs: after a `return`, or in a `<template name>` nothing instantiates. */
function lowerInDeadCode(findings: Finding[], project: Project, metaOf: (ruleId: string) => RuleMeta | undefined): void {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const meta = metaOf(finding.ruleId);
    const kind = fileKindOf(finding.file);
    if (finding.severity !== 'error' || finding.unreachable || !meta || meta.reachability === 'any-file' || (kind !== 'js' && kind !== 'bxml')) continue;
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  for (const [path, list] of byFile) {
    const spans = fileKindOf(path) === 'js' ? deadStatementsOf(project, path) : unusedTemplateSpans(project, path);
    const file = spans.length ? project.textOf(path) : undefined;
    if (!file) continue;
    for (const finding of list) {
      const start = file.lines.offsetAt({ line: finding.line, column: finding.column });
      const end = file.lines.offsetAt({ line: finding.endLine, column: finding.endColumn });
      const span = spans.find((candidate) => candidate.start <= start && end <= candidate.end);
      if (!span) continue;
      finding.unreachable = true;
      finding.message += span.note;
      finding.confidence = 'low';
    }
  }
}

interface NotedSpan {
  start: number;
  end: number;
  note: string;
}

/**
 * A script's statements after an exit depend on its path and bytes alone: found once per content
 * (keyed by the bytes object, which a session keeps while the file is unchanged), so a re-run
 * neither walks nor parses again the files whose findings it checks.
 */
const deadStatementsByContent = new WeakMap<Uint8Array, { path: string; maxParseBytes: number; spans: readonly NotedSpan[] }>();

function deadStatementsOf(project: Project, path: string): readonly NotedSpan[] {
  if (!project.bundle.has(path)) return [];
  const bytes = project.bundle.read(path);
  const known = deadStatementsByContent.get(bytes);
  if (known?.path === path && known.maxParseBytes === project.maxParseBytes) return known.spans;
  const file = project.jsFile(path);
  const spans = file ? statementsAfterExit(file).map((span) => ({ start: span.start, end: span.end, note: ` — after a ${span.after}, where it never runs` })) : [];
  deadStatementsByContent.set(bytes, { path, maxParseBytes: project.maxParseBytes, spans });
  return spans;
}

function unusedTemplateSpans(project: Project, path: string): NotedSpan[] {
  return unusedTemplates(project, path).map((template) => ({ start: template.start, end: template.end, note: ` — in <template name="${template.name}">, which no template uses` }));
}

function dropDeferred(findings: Finding[], metaOf: (ruleId: string) => RuleMeta | undefined): Finding[] {
  const deferring = findings.filter((finding) => metaOf(finding.ruleId)?.defersTo?.length);
  if (!deferring.length) return findings;
  // Only the files that hold a finding that may be dropped are looked at.
  const byFile = new Map<string, Finding[]>(deferring.map((finding) => [finding.file, []]));
  for (const finding of findings) byFile.get(finding.file)?.push(finding);
  const dropped = new Set(deferring.filter((finding) => {
    const defersTo = metaOf(finding.ruleId)!.defersTo!;
    // The same start line, not overlapping spans: a finding about a whole file (a missing key) spans every line.
    return byFile.get(finding.file)!.some((other) => other !== finding && defersTo.includes(other.ruleId) && other.line === finding.line);
  }));
  return dropped.size ? findings.filter((finding) => !dropped.has(finding)) : findings;
}
