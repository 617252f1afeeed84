/**
 * Every message of every built-in rule, of the tool's own findings and of the CLI exists in English
 * and Simplified Chinese, with the same placeholders, so a report renders fully in either language.
 */
import { describe, expect, it } from 'vitest';
import { CORE_LOCALES, DIRECTIVE_MESSAGES, DIRECTIVE_RULE_ID, localizeFindings, placeholdersOf, type Finding } from '@bmplint/core';
import { loadRuleSet } from '../packages/cli/src/load-rules.js';
import { CLI_MESSAGES } from '../packages/cli/src/messages.js';
import { resolveLocale } from '../packages/cli/src/locale.js';

const { rules, catalog } = await loadRuleSet();
const zh = catalog['zh-CN'];
const english: Array<[ruleId: string, messageId: string, template: string]> = [
  ...rules.flatMap((rule) => Object.entries(rule.meta.messages).map(([id, text]) => [rule.meta.id, id, text] as [string, string, string])),
  ...Object.entries(DIRECTIVE_MESSAGES).map(([id, text]) => [DIRECTIVE_RULE_ID, id, text] as [string, string, string]),
];

describe('zh-CN messages', () => {
  it.each(english)('%s %s has a translation with the same placeholders', (ruleId, messageId, template) => {
    const translated = zh[ruleId]?.[messageId];
    expect(translated, `${ruleId} ${messageId}`).toEqual(expect.any(String));
    expect(placeholdersOf(translated)).toEqual(placeholdersOf(template));
    expect(translated).toMatch(/[\u4e00-\u9fff]/);
    // Clause ids stay as written.
    for (const clause of template.match(/\b\d+(?:\.\d+)+\b/g) ?? []) expect(translated).toContain(clause);
  });

  it('has no translation of a message that does not exist (a renamed or removed message)', () => {
    const known = new Set(english.map(([ruleId, messageId]) => `${ruleId} ${messageId}`));
    const stale = Object.entries(zh).flatMap(([ruleId, table]) => Object.keys(table).map((messageId) => `${ruleId} ${messageId}`)).filter((key) => !known.has(key));
    expect(stale).toEqual([]);
  });

  it('the CLI\'s own messages exist in both languages with the same placeholders', () => {
    expect(Object.keys(CLI_MESSAGES['zh-CN']).sort()).toEqual(Object.keys(CLI_MESSAGES.en).sort());
    for (const [id, text] of Object.entries(CLI_MESSAGES.en)) {
      expect(placeholdersOf(CLI_MESSAGES['zh-CN'][id as keyof typeof CLI_MESSAGES.en]), id).toEqual(placeholdersOf(text));
    }
  });

  it('re-renders a finding from messageId and data; a finding without a translation keeps its message', () => {
    const finding = (ruleId: string, messageId: string, data?: Record<string, string>): Finding => ({
      ruleId, messageId, data, message: 'english', clauses: [], severity: 'warning', file: 'app.json', line: 1, column: 1, endLine: 1, endColumn: 1,
    });
    const findings = [finding('availability/entry-page-path', 'missingEntryPagePath', { page: 'pages/a/index' }), finding('bmplint/bundle', 'unreadable')];
    localizeFindings(findings, catalog, 'zh-CN');
    expect(findings[0].message).toBe('未设置 entryPagePath，因此运行时会打开第一个页面 pages/a/index。请设置 entryPagePath，以免调整页面顺序时首页随之改变（6.3）。');
    expect(findings[1].message).toBe('english');
    expect(CORE_LOCALES['zh-CN'][DIRECTIVE_RULE_ID]).toBeDefined();
  });
});

describe('the locale', () => {
  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LC_ALL: 'zh_SG.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ LC_MESSAGES: 'zh_CN', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{ LANG: 'zh_TW.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('comes from the environment %j: %s', (env, expected) => {
    expect(resolveLocale(undefined, env)).toBe(expected);
  });

  it('--locale wins over the environment and is checked', () => {
    expect(resolveLocale('zh-cn', { LANG: 'en_US' })).toBe('zh-CN');
    expect(resolveLocale('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(() => resolveLocale('fr', {})).toThrow('unknown locale "fr": bmplint speaks en and zh-CN');
  });
});
