import { TermMatcher, validateTermList, type TermList } from '@bmplint/core';
import adWordingEn from './ad-wording.en.json' with { type: 'json' };
import adWordingZh from './ad-wording.zh-Hans.json' with { type: 'json' };
import binanceEn from './binance.en.json' with { type: 'json' };
import binanceZh from './binance.zh-Hans.json' with { type: 'json' };
import brandsEn from './brands.en.json' with { type: 'json' };
import brandsZh from './brands.zh-Hans.json' with { type: 'json' };
import cuesEn from './cues.en.json' with { type: 'json' };
import cuesZh from './cues.zh-Hans.json' with { type: 'json' };
import featuresEn from './features.en.json' with { type: 'json' };
import featuresZh from './features.zh-Hans.json' with { type: 'json' };
import genericWordsEn from './generic-words.en.json' with { type: 'json' };
import genericWordsZh from './generic-words.zh-Hans.json' with { type: 'json' };
import hateEn from './hate.en.json' with { type: 'json' };
import hateZh from './hate.zh-Hans.json' with { type: 'json' };
import illegalEn from './illegal.en.json' with { type: 'json' };
import illegalZh from './illegal.zh-Hans.json' with { type: 'json' };
import officialEn from './official.en.json' with { type: 'json' };
import officialZh from './official.zh-Hans.json' with { type: 'json' };
import politicalEn from './political.en.json' with { type: 'json' };
import politicalZh from './political.zh-Hans.json' with { type: 'json' };
import popularAppsEn from './popular-apps.en.json' with { type: 'json' };
import popularAppsZh from './popular-apps.zh-Hans.json' with { type: 'json' };
import popularKeywordsEn from './popular-keywords.en.json' with { type: 'json' };
import popularKeywordsZh from './popular-keywords.zh-Hans.json' with { type: 'json' };
import sexualEn from './sexual.en.json' with { type: 'json' };
import sexualZh from './sexual.zh-Hans.json' with { type: 'json' };
import terrorEn from './terror.en.json' with { type: 'json' };
import terrorZh from './terror.zh-Hans.json' with { type: 'json' };
import violenceEn from './violence.en.json' with { type: 'json' };
import violenceZh from './violence.zh-Hans.json' with { type: 'json' };
import vulgarEn from './vulgar.en.json' with { type: 'json' };
import vulgarZh from './vulgar.zh-Hans.json' with { type: 'json' };

/**
 * Every term list of the basic-info rules, by file name (`<topic>.<language>.json`). A language is
 * a JSON file per topic plus its line here; a test fails when a data file is not registered or a
 * topic lacks English or Simplified Chinese.
 */
export const DATA_FILES: Record<string, unknown> = {
  'ad-wording.en.json': adWordingEn,
  'ad-wording.zh-Hans.json': adWordingZh,
  'binance.en.json': binanceEn,
  'binance.zh-Hans.json': binanceZh,
  'brands.en.json': brandsEn,
  'brands.zh-Hans.json': brandsZh,
  'cues.en.json': cuesEn,
  'cues.zh-Hans.json': cuesZh,
  'features.en.json': featuresEn,
  'features.zh-Hans.json': featuresZh,
  'generic-words.en.json': genericWordsEn,
  'generic-words.zh-Hans.json': genericWordsZh,
  'hate.en.json': hateEn,
  'hate.zh-Hans.json': hateZh,
  'illegal.en.json': illegalEn,
  'illegal.zh-Hans.json': illegalZh,
  'official.en.json': officialEn,
  'official.zh-Hans.json': officialZh,
  'political.en.json': politicalEn,
  'political.zh-Hans.json': politicalZh,
  'popular-apps.en.json': popularAppsEn,
  'popular-apps.zh-Hans.json': popularAppsZh,
  'popular-keywords.en.json': popularKeywordsEn,
  'popular-keywords.zh-Hans.json': popularKeywordsZh,
  'sexual.en.json': sexualEn,
  'sexual.zh-Hans.json': sexualZh,
  'terror.en.json': terrorEn,
  'terror.zh-Hans.json': terrorZh,
  'violence.en.json': violenceEn,
  'violence.zh-Hans.json': violenceZh,
  'vulgar.en.json': vulgarEn,
  'vulgar.zh-Hans.json': vulgarZh,
};

export const LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/basic-info/src/data/${name}`));

export type Topic =
  | 'sexual' | 'violence' | 'terror' | 'hate' | 'political' | 'vulgar' | 'illegal' | 'cues'
  | 'brands' | 'binance' | 'official' | 'popular-apps'
  | 'ad-wording' | 'popular-keywords' | 'generic-words' | 'features';

/** The topic of a list: its id without the language (`brands` for `brands-zh-Hans`). */
export function topicOf(list: TermList): Topic {
  return list.id.slice(0, list.id.length - list.language.length - 1) as Topic;
}

const byTopic = (...topics: Topic[]) => LISTS.filter((list) => topics.includes(topicOf(list)));

/** 2.2.1: the categories of prohibited wording, each a topic. */
export const PROHIBITED_TOPICS: readonly Topic[] = ['sexual', 'violence', 'terror', 'hate', 'political', 'vulgar', 'illegal'];

/** Compiled once, at module load. Each matcher's lists resolve overlaps among themselves. */
export const PROHIBITED = new TermMatcher(byTopic(...PROHIBITED_TOPICS), { cues: byTopic('cues') });
/** 2.2.4 in the name: Binance used as if official, other brands, popular apps, "official" claims. */
export const TRADEMARKS = new TermMatcher(byTopic('binance', 'brands', 'popular-apps', 'official'));
/** 2.2.3 in the name and description: advertising dictions. */
export const AD_WORDING = new TermMatcher(byTopic('ad-wording'));
/** 2.2.3 in the description: popular app names (in a name they are trademark-in-name's). */
export const POPULAR_APPS = new TermMatcher(byTopic('popular-apps'));
/** 2.2.3 keyword stuffing: popular search terms. */
export const POPULAR_KEYWORDS = new TermMatcher(byTopic('popular-keywords'));
/** 2.2.6: the words of a name that is too broad. */
export const GENERIC_WORDS = new TermMatcher(byTopic('generic-words'));
/** 2.2.2: features a description may promise. */
export const FEATURES = new TermMatcher(byTopic('features'));
