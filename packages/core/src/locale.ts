/**
 * Messages in other languages. A finding keeps `messageId` + `data`, so its message can be
 * rendered again from a translated template. Translations are data beside each rule package
 * (`rules/<area>/src/locales/<locale>.json`, keyed by rule id then message id) and exported by the
 * package as `locales`; a finding without a translation keeps its English message.
 */
import type { Finding } from './findings.js';
import { renderMessage } from './findings.js';
import coreZhCN from './locales/zh-CN.json' with { type: 'json' };

/** Rule id → message id → template. */
export type MessageTable = Record<string, Record<string, string>>;
/** Locale (`zh-CN`) → its message table. */
export type MessageCatalog = Record<string, MessageTable>;

export const DEFAULT_LOCALE = 'en';

/** The translations of the tool's own findings (disable directives). */
export const CORE_LOCALES: MessageCatalog = { 'zh-CN': coreZhCN as MessageTable };

/** Merges the catalogs of several packages. */
export function mergeCatalogs(...catalogs: ReadonlyArray<MessageCatalog | undefined>): MessageCatalog {
  const merged: MessageCatalog = {};
  for (const catalog of catalogs) {
    for (const [locale, table] of Object.entries(catalog ?? {})) merged[locale] = { ...merged[locale], ...table };
  }
  return merged;
}

/** Renders each finding's message in `locale` where the catalog has its template (in place). */
export function localizeFindings(findings: Finding[], catalog: MessageCatalog, locale: string): Finding[] {
  const table = catalog[locale];
  if (!table) return findings;
  for (const finding of findings) {
    const template = table[finding.ruleId]?.[finding.messageId];
    if (template !== undefined) finding.message = renderMessage(template, finding.data);
  }
  return findings;
}

/** The `{{name}}` placeholders of a template, sorted (a translation must use the same ones). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*([A-Za-z_$][\w$]*)\s*\}\}/g)].map((match) => match[1]))].sort();
}
