/** Turns file bytes into text, saying what was wrong with them instead of failing. */

export interface DecodedText {
  text: string;
  /** Set when the bytes are not clean UTF-8 text; the text is still the best decoding we could make. */
  problem?: 'utf16' | 'invalid-utf8' | 'binary';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), problem: 'utf16' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), problem: 'utf16' };
  }
  // A NUL byte never appears in source text; a file holding one is binary or UTF-16 without a BOM.
  if (bytes.subarray(0, 8192).includes(0)) {
    return { text: '', problem: 'binary' };
  }
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    return { text: lenientUtf8.decode(bytes), problem: 'invalid-utf8' };
  }
}
