/**
 * SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers). One result per problem: the
 * repeats of a group are `relatedLocations` of its first occurrence, so 120 calls of one missing
 * API are one alert. Problems of the run itself are tool notifications, not results.
 */
import { INTERNAL_ERROR_RULE_ID, type Finding, type LintResult, type Severity } from '@bmplint/core';
import type { Location, Log, Notification, ReportingDescriptor, Result, Suppression } from 'sarif';
import { defaultTool, groupBy, isToolProblem, marksOf, pathShower, plural, ruleCatalog, type ReportOptions } from './report.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The key of bmplint's fingerprint in `partialFingerprints`; the suffix versions its recipe. */
export const FINGERPRINT_KEY = 'bmplintFingerprint/v1';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(result: LintResult, options: ReportOptions = {}): string {
  const tool = defaultTool(options);
  const show = pathShower(options);
  const catalog = ruleCatalog(result.findings, options);
  const problems = result.findings.filter((finding) => !isToolProblem(finding));
  const notices = result.findings.filter(isToolProblem);

  const ruleIds = [...new Set(problems.map((finding) => finding.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules: ReportingDescriptor[] = ruleIds.map((id) => {
    const rule = catalog.get(id)!;
    const clauses = rule.clauses.length ? ` Operation Rules clause${rule.clauses.length > 1 ? 's' : ''} ${rule.clauses.join(', ')}.` : '';
    return {
      id,
      name: id,
      shortDescription: { text: rule.description },
      fullDescription: { text: `${rule.description}${clauses}` },
      help: { text: `${rule.description}${clauses} See ${rule.url}`, markdown: `${rule.description}${clauses}\n\n[Rule documentation](${rule.url})` },
      helpUri: rule.url,
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: rule.clauses.map((clause) => `clause:${clause}`), clauses: rule.clauses },
    };
  });

  const location = (finding: Finding, id?: number, message?: string): Location => ({
    ...(id === undefined ? {} : { id }),
    physicalLocation: {
      artifactLocation: { uri: encodeUri(show(finding.file)), ...(options.cwd ? { uriBaseId: '%SRCROOT%' } : {}) },
      region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    },
    ...(message ? { message: { text: message } } : {}),
  });

  // Baselined, suppressed and live findings of one group are different results: each has its own state.
  const problemKey = (finding: Finding, index: number) => {
    const { baselined, suppressed } = marksOf(finding);
    return `${finding.group ?? `#${index}`}\u0000${baselined ? 'baselined' : ''}\u0000${suppressed?.kind ?? ''}`;
  };
  const results: Result[] = [];
  for (const all of groupBy(problems, problemKey).values()) {
    const first = all[0];
    const files = new Set(all.map((finding) => finding.file)).size;
    const { vendor, baselined, suppressed } = marksOf(first);
    const suppressions: Suppression[] = [];
    if (suppressed) suppressions.push({ kind: suppressed.kind, status: 'accepted', ...(suppressed.justification ? { justification: suppressed.justification } : {}) });
    if (baselined) suppressions.push({ kind: 'external', status: 'accepted', justification: 'in the bmplint baseline' });
    results.push({
      ruleId: first.ruleId,
      ruleIndex: ruleIndex.get(first.ruleId),
      level: LEVEL[first.severity],
      message: { text: all.length > 1 ? `${first.message} (${all.length} times in ${plural(files, 'file')}; the others are related locations)` : first.message },
      locations: [location(first)],
      ...(all.length > 1 ? { relatedLocations: all.slice(1).map((repeat, index) => location(repeat, index + 1, `occurrence ${index + 2} of ${all.length}`)) } : {}),
      ...(first.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: first.fingerprint } } : {}),
      ...(suppressions.length ? { suppressions } : {}),
      properties: {
        clauses: first.clauses,
        ...(first.confidence ? { confidence: first.confidence } : {}),
        ...(first.group ? { group: first.group } : {}),
        ...(vendor ? { vendor } : {}),
        ...(first.suggestion ? { suggestion: first.suggestion } : {}),
      },
    });
  }

  const notifications: Notification[] = notices.map((finding) => ({
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding)],
    descriptor: { id: finding.ruleId },
  }));

  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules } },
        invocations: [
          {
            executionSuccessful: !notices.some((finding) => finding.ruleId === INTERNAL_ERROR_RULE_ID),
            toolExecutionNotifications: notifications,
          },
        ],
        ...(options.cwd ? { originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder bmplint was run from.' } } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `?`, `%`). */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
