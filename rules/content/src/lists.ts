import { TermMatcher, termSeverity, validateTermList, type TermList, type TermMatch } from '@bmplint/core';
import hateEn from './data/hate.en.json' with { type: 'json' };
import hateZh from './data/hate.zh-Hans.json' with { type: 'json' };
import goreEn from './data/gore.en.json' with { type: 'json' };
import goreZh from './data/gore.zh-Hans.json' with { type: 'json' };
import weaponsEn from './data/weapons.en.json' with { type: 'json' };
import weaponsZh from './data/weapons.zh-Hans.json' with { type: 'json' };
import sexualEn from './data/sexual.en.json' with { type: 'json' };
import sexualZh from './data/sexual.zh-Hans.json' with { type: 'json' };
import religionEn from './data/religion.en.json' with { type: 'json' };
import religionZh from './data/religion.zh-Hans.json' with { type: 'json' };
import fraudEn from './data/fraud.en.json' with { type: 'json' };
import fraudZh from './data/fraud.zh-Hans.json' with { type: 'json' };
import falseAdvertisingEn from './data/false-advertising.en.json' with { type: 'json' };
import falseAdvertisingZh from './data/false-advertising.zh-Hans.json' with { type: 'json' };
import rumourEn from './data/rumour.en.json' with { type: 'json' };
import rumourZh from './data/rumour.zh-Hans.json' with { type: 'json' };
import impersonationBinanceEn from './data/impersonation-binance.en.json' with { type: 'json' };
import impersonationBinanceZh from './data/impersonation-binance.zh-Hans.json' with { type: 'json' };
import impersonationAuthorityEn from './data/impersonation-authority.en.json' with { type: 'json' };
import impersonationAuthorityZh from './data/impersonation-authority.zh-Hans.json' with { type: 'json' };
import cuesEn from './data/cues.en.json' with { type: 'json' };
import cuesZh from './data/cues.zh-Hans.json' with { type: 'json' };

/**
 * Every term list of the content rules, by file name. A new language is a new JSON file per topic
 * in `data/` plus its line here (a test fails when a data file is not registered).
 */
export const DATA_FILES: Record<string, unknown> = {
  'hate.en.json': hateEn,
  'hate.zh-Hans.json': hateZh,
  'gore.en.json': goreEn,
  'gore.zh-Hans.json': goreZh,
  'weapons.en.json': weaponsEn,
  'weapons.zh-Hans.json': weaponsZh,
  'sexual.en.json': sexualEn,
  'sexual.zh-Hans.json': sexualZh,
  'religion.en.json': religionEn,
  'religion.zh-Hans.json': religionZh,
  'fraud.en.json': fraudEn,
  'fraud.zh-Hans.json': fraudZh,
  'false-advertising.en.json': falseAdvertisingEn,
  'false-advertising.zh-Hans.json': falseAdvertisingZh,
  'rumour.en.json': rumourEn,
  'rumour.zh-Hans.json': rumourZh,
  'impersonation-binance.en.json': impersonationBinanceEn,
  'impersonation-binance.zh-Hans.json': impersonationBinanceZh,
  'impersonation-authority.en.json': impersonationAuthorityEn,
  'impersonation-authority.zh-Hans.json': impersonationAuthorityZh,
  'cues.en.json': cuesEn,
  'cues.zh-Hans.json': cuesZh,
};

export const LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/content/src/data/${name}`));

/** The topic of a list: its file name without the language (`fraud` for `fraud.zh-Hans.json`). */
export type Topic = 'hate' | 'gore' | 'weapons' | 'sexual' | 'religion' | 'fraud' | 'false-advertising' | 'rumour' | 'impersonation-binance' | 'impersonation-authority' | 'cues';

export function topicOf(list: TermList): Topic {
  return list.id.slice(0, list.id.length - list.language.length - 1) as Topic;
}

const byTopic = (...topics: Topic[]) => LISTS.filter((list) => topics.includes(topicOf(list)));
const CUES = byTopic('cues');

/**
 * The matchers, compiled once. Each holds every entry of its lists, so that overlaps resolve the
 * same way for every rule; a rule then keeps the matches of the severity it reports (a fraud term
 * marked `warning` is found by both fraud matchers but reported only by content/false-advertising).
 */
export const PROHIBITED = new TermMatcher(byTopic('hate', 'gore', 'weapons', 'sexual', 'religion'), { cues: CUES });
export const FRAUD = new TermMatcher(byTopic('fraud'), { cues: CUES });
export const FALSE_ADVERTISING = new TermMatcher(byTopic('false-advertising', 'rumour', 'fraud'), { cues: CUES });
export const IMPERSONATION = new TermMatcher(byTopic('impersonation-binance', 'impersonation-authority'), { cues: CUES });

/** Which rule reports a match of this list and severity; undefined when none does. */
export function reportingRule(list: TermList, severity: TermMatch['severity'], where: 'page' | 'listing'): string | undefined {
  switch (topicOf(list)) {
    case 'hate':
    case 'gore':
    case 'weapons':
    case 'sexual':
    case 'religion':
      return where === 'page' && severity === 'error' ? 'content/prohibited-page-text' : undefined;
    case 'fraud':
      return severity === 'error' ? 'content/fraud-wording' : 'content/false-advertising';
    case 'false-advertising':
    case 'rumour':
      return 'content/false-advertising';
    case 'impersonation-binance':
    case 'impersonation-authority':
      if (where === 'page') return 'content/impersonation';
      return severity === 'error' ? 'content/impersonation-listing' : undefined;
    default:
      return undefined;
  }
}

export { termSeverity };
