/** The CLI's own messages, in each locale (rule messages live beside the rules). */
import { renderMessage } from '@bmplint/core';
import type { Locale } from './locale.js';

export const CLI_MESSAGES = {
  en: {
    tooManyWarnings: 'bmplint found too many warnings (maximum: {{max}}, found: {{count}}).',
    baselineWritten: 'wrote {{file}}: {{count}} findings in {{files}} files are now the baseline.',
    baselineHidden: '{{count}} findings are known from the baseline; {{hard}} of them are from hard platform rules, which the reviewer still applies.',
    fixWritten: 'fixed {{count}} problems in {{files}} files.',
    fixDryRun: 'would fix {{count}} problems in {{files}} files (nothing written: --fix-dry-run).',
    fixNothing: 'nothing to fix.',
    initWritten: 'wrote {{file}}',
    initExists: '{{file}} exists: not overwritten (use --force to replace it).',
  },
  'zh-CN': {
    tooManyWarnings: 'bmplint 发现的警告过多（上限：{{max}}，实际：{{count}}）。',
    baselineWritten: '已写入 {{file}}：{{files}} 个文件中的 {{count}} 个问题已记为基线。',
    baselineHidden: '有 {{count}} 个问题已记录在基线中；其中 {{hard}} 个来自平台硬性规则，审核人员仍会按这些规则审核。',
    fixWritten: '已修复 {{files}} 个文件中的 {{count}} 个问题。',
    fixDryRun: '可修复 {{files}} 个文件中的 {{count}} 个问题（--fix-dry-run：未写入任何文件）。',
    fixNothing: '没有可自动修复的问题。',
    initWritten: '已写入 {{file}}',
    initExists: '{{file}} 已存在，未覆盖（如需替换，请使用 --force）。',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type CliMessageId = keyof (typeof CLI_MESSAGES)['en'];

export function cliMessage(locale: Locale, id: CliMessageId, data?: Record<string, string | number>): string {
  return renderMessage(CLI_MESSAGES[locale][id], data);
}
