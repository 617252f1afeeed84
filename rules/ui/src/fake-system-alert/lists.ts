import { TermMatcher, validateTermList, type TermList } from '@bmplint/core';
import fakeAlertEn from './fake-alert.en.json' with { type: 'json' };
import fakeAlertZh from './fake-alert.zh-Hans.json' with { type: 'json' };
import systemWordingEn from './system-wording.en.json' with { type: 'json' };
import systemWordingZh from './system-wording.zh-Hans.json' with { type: 'json' };
import deviceStateEn from './device-state.en.json' with { type: 'json' };
import deviceStateZh from './device-state.zh-Hans.json' with { type: 'json' };
import lureEn from './lure.en.json' with { type: 'json' };
import lureZh from './lure.zh-Hans.json' with { type: 'json' };
import cuesEn from './cues.en.json' with { type: 'json' };
import cuesZh from './cues.zh-Hans.json' with { type: 'json' };

/**
 * The lists of ui/fake-system-alert, by file name. A new language is one `<topic>.<lang>.json` per
 * topic plus its lines here (a test fails when a data file is not registered).
 */
export const DATA_FILES: Record<string, unknown> = {
  'fake-alert.en.json': fakeAlertEn,
  'fake-alert.zh-Hans.json': fakeAlertZh,
  'system-wording.en.json': systemWordingEn,
  'system-wording.zh-Hans.json': systemWordingZh,
  'device-state.en.json': deviceStateEn,
  'device-state.zh-Hans.json': deviceStateZh,
  'lure.en.json': lureEn,
  'lure.zh-Hans.json': lureZh,
  'cues.en.json': cuesEn,
  'cues.zh-Hans.json': cuesZh,
};

export const LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/ui/src/fake-system-alert/${name}`));

/**
 * `fake-alert`: false claims about the device, reported alone. `system-wording` (titles of system
 * dialogs), `device-state` (battery, memory) and `lure` (tap to fix): reported only in context.
 */
export type Topic = 'fake-alert' | 'system-wording' | 'device-state' | 'lure' | 'cues';

/** `fake-alert` for `fake-alert-zh-Hans`. */
export function topicOf(list: TermList): Topic {
  return list.id.slice(0, list.id.length - list.language.length - 1) as Topic;
}

/** Every topic in one matcher, so overlaps resolve once; cues drop warned-against matches. */
export const MATCHER = new TermMatcher(LISTS.filter((list) => topicOf(list) !== 'cues'), { cues: LISTS.filter((list) => topicOf(list) === 'cues') });
