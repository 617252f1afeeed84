import { closestName, InputError } from '@bmplint/core';

/** The languages bmplint speaks: English and Simplified Chinese. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The locale of `--locale`, else of the environment as gettext reads it (`LC_ALL`, then
 * `LC_MESSAGES`, then `LANG`): `zh_CN.UTF-8`, `zh_SG` and `zh-Hans` are Simplified Chinese;
 * anything else, `C` and `POSIX` included, is English.
 */
export function resolveLocale(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  if (option !== undefined) {
    const match = LOCALES.find((locale) => locale.toLowerCase() === option.toLowerCase().replace('_', '-'));
    if (match) return match;
    const closest = closestName(option, LOCALES);
    throw new InputError(`unknown locale "${option}": bmplint speaks ${LOCALES.join(' and ')}${closest ? `; did you mean ${closest}?` : ''}`);
  }
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh(?:[-_](?:CN|SG|Hans)\b|$|\.)/i.test(value) ? 'zh-CN' : 'en';
}
