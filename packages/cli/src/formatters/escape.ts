/**
 * Text from a bundle (messages quote its strings and keys, file names, code) is shown to people in
 * terminals, CI logs and browsers. A hostile bundle must not be able to recolour or rewrite a
 * terminal, reorder what a reviewer reads, or inject markup, so every such text passes through here.
 */

// C0 and C1 controls (ESC, CSI, BEL, CR, …), DEL, bidi marks, embeddings, overrides and isolates,
// zero-width space and word joiner, line and paragraph separators, the BOM, interlinear
// annotation marks, and lone surrogates.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_KEEP_TAB = new RegExp(UNSAFE.source.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000a-\\u001f'), 'g');

const codePoint = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Shows control and direction characters as `\u001b`-style escapes: safe for a terminal line. */
export function visible(text: string): string {
  return text.replace(UNSAFE, codePoint);
}

/** As `visible`, keeping tabs: for lines of code shown as code. */
export function visibleCode(text: string): string {
  return text.replace(UNSAFE_KEEP_TAB, codePoint);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML or XML element content or a quoted attribute value. */
export function escapeMarkup(text: string | number): string {
  return visible(String(text)).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}

/** Code for a `<pre>`: tabs kept, everything else as `escapeMarkup`. */
export function escapeMarkupCode(text: string): string {
  return visibleCode(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}
