import { defineRule, type Project } from '@bmplint/core';
import { spanOf } from '../listing-text.js';
import { FEATURES, GENERIC_WORDS } from '../data/lists.js';
import { listingFields, quote } from '../text/fields.js';

/** WeChat's limit for a mini program description (Binance documents none). */
export const MAX_DESCRIPTION = 120;

/**
 * What shows a feature is there: words a script, template or page config of the bundle uses
 * (identifiers, API names, page text), matched as lower-case substrings. Generous on purpose: any
 * trace of the feature is enough, so only a description promising something absent is reported.
 * Words that hide inside common code words are left out (`lend` in `calendar`, `mining` in
 * `determining`, `order` in `border`, `draw` in `drawer`, `pay` in `payload`).
 */
export const FEATURE_EVIDENCE: Record<string, readonly string[]> = {
  swap: ['swap', 'exchange', '兑换', '闪兑'],
  trade: ['trade', 'trading', '交易', '买卖', '下单'],
  staking: ['stak', '质押'],
  nft: ['nft', 'erc721', 'erc1155', 'collectible', '藏品'],
  payment: ['payment', 'checkout', '支付', '付款'],
  lending: ['lending', 'lender', 'borrow', 'loan', '借', '贷'],
  bridge: ['bridge', 'crosschain', 'cross-chain', 'cross_chain', '跨链'],
  mint: ['mint', '铸造'],
  farming: ['farm', 'liquidity', '挖矿', '流动性'],
  lottery: ['lottery', 'raffle', 'lucky', 'prize', '抽奖'],
};

/** Files that describe the project rather than being it: they may repeat the description. */
const NOT_EVIDENCE = /(^|\/)(listing|project\.config|project\.private\.config|package|package-lock|tsconfig)\.json$/;
/** Most bytes of code read when looking for evidence; past that, a feature counts as present. */
const MAX_EVIDENCE_BYTES = 32 * 1024 * 1024;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when every letter and digit of the name is inside a generic word. */
export function isGenericOnly(name: string): boolean {
  const matches = GENERIC_WORDS.scan(name);
  if (!matches.length) return false;
  const covered = new Uint8Array(name.length);
  for (const match of matches) covered.fill(1, match.start, match.end);
  for (let i = 0; i < name.length; i++) if (!covered[i] && LETTER_OR_DIGIT.test(name[i])) return false;
  return true;
}

/** The features of `wanted` that no script, template or page config of the bundle shows; undefined when there is no code to look at. */
function missingFeatures(project: Project, wanted: Set<string>): Set<string> | undefined {
  const missing = new Set(wanted);
  const listingPath = project.listing?.file;
  let read = 0;
  let files = 0;
  for (const path of project.paths) {
    const kind = project.kindOf(path);
    if ((kind !== 'js' && kind !== 'bxml' && kind !== 'json') || path === listingPath || NOT_EVIDENCE.test(path) || path.includes('node_modules/')) continue;
    const bytes = project.bundle.read(path);
    read += bytes.length;
    if (read > MAX_EVIDENCE_BYTES) return new Set();
    files++;
    const text = bytes.toString('utf8').toLowerCase();
    for (const feature of missing) if (FEATURE_EVIDENCE[feature]?.some((word) => text.includes(word))) missing.delete(feature);
    if (!missing.size) break;
  }
  return files ? missing : undefined;
}

export default defineRule({
  meta: {
    id: 'basic-info/name-and-description',
    clauses: ['2.2.2', '2.2.6'],
    severity: 'warning',
    suppressible: true,
    needs: ['listing'],
    projectInput: 'facts',
    confidence: 'medium',
    docs: { description: `The listing name should be distinctive (not only generic words), the description present and at most ${MAX_DESCRIPTION} characters, and the features it names found in the pages.` },
    messages: {
      genericName: 'The listing name "{{name}}" is made only of generic words: add a brand or distinctive word so users can tell the app apart (2.2.6).',
      emptyDescription: 'The listing description is empty: describe what the mini program does (2.2.6).',
      longDescription: `The listing description has {{length}} characters: keep it to ${MAX_DESCRIPTION} (WeChat's limit; Binance documents none) (2.2.6).`,
      missingFeature: 'The listing description mentions "{{text}}" ({{feature}}), but no page, script or template of the bundle does: the description must match what the app offers (2.2.2).',
    },
  },
  create(context) {
    return {
      project(project) {
        const listing = project.listing;
        if (!listing) return;
        for (const text of listingFields(project, ['name', 'description'])) {
          if (text.field === 'name') {
            if (text.value.trim() && isGenericOnly(text.value)) context.report({ file: listing.file, span: text.span, messageId: 'genericName', data: { name: quote(text.value) } });
            continue;
          }
          const trimmed = text.value.trim();
          if (!trimmed) {
            context.report({ file: listing.file, span: text.span, messageId: 'emptyDescription' });
            continue;
          }
          const characters = [...trimmed];
          if (characters.length > MAX_DESCRIPTION) {
            // Point at the characters past the limit.
            const lead = text.value.length - text.value.trimStart().length;
            const from = lead + characters.slice(0, MAX_DESCRIPTION).join('').length;
            context.report({ file: listing.file, span: spanOf(text, from, lead + trimmed.length), messageId: 'longDescription', data: { length: characters.length } });
          }
          const firstMention = new Map<string, { start: number; end: number; text: string }>();
          for (const match of FEATURES.scan(text.value)) {
            const feature = match.entry.note;
            if (feature && !firstMention.has(feature)) firstMention.set(feature, match);
          }
          if (!firstMention.size) continue;
          const missing = missingFeatures(project, new Set(firstMention.keys()));
          if (!missing) continue;
          for (const [feature, match] of firstMention) {
            if (!missing.has(feature)) continue;
            context.report({ file: listing.file, span: spanOf(text, match.start, match.end), messageId: 'missingFeature', data: { text: quote(match.text), feature }, confidence: 'low' });
          }
        }
      },
    };
  },
});
