/**
 * Identifier and class-name words: `closeModalBtn`, `icon-close`, `pop_up`, `POPUP_MASK` all read as
 * lower-case words, so that names can be matched word by word (`player` is not `layer`).
 */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9\p{L}]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** The words of a name as a phrase, for term matching: `onCloseTap` → `on close tap`. */
export function phraseOf(name: string): string {
  return wordsOf(name).join(' ');
}

/** Whether any word of the names, or two adjacent words joined (`pop-up` → `popup`), is in `set`. */
export function hasWord(names: readonly string[], set: ReadonlySet<string>): string | undefined {
  for (const name of names) {
    const words = wordsOf(name);
    for (let i = 0; i < words.length; i++) {
      if (set.has(words[i])) return words[i];
      if (i + 1 < words.length && set.has(words[i] + words[i + 1])) return words[i] + words[i + 1];
    }
  }
  return undefined;
}

/** Paths the rules skip: third-party component libraries and npm output. */
export const VENDOR_PATH = /(^|\/)(node_modules|miniprogram_npm)\//;
