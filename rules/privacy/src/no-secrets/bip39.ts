import { createHash } from 'node:crypto';
import wordlist from './data/bip39-english.json' with { type: 'json' };

/** The BIP-39 English word list, word → index. */
export const BIP39_INDEX: ReadonlyMap<string, number> = new Map(wordlist.words.map((word, index) => [word, index]));

/** Phrase lengths BIP-39 defines (128–256 bits of entropy). */
export const MNEMONIC_LENGTHS = new Set([12, 15, 18, 21, 24]);

/**
 * Whether the words are a valid BIP-39 mnemonic: every word in the list, a defined length, and
 * the checksum (the first ENT/32 bits of sha256(entropy)) matches the last bits of the phrase.
 * `index` maps words to their 11-bit values (the English list unless a test passes another).
 */
export function isMnemonic(words: readonly string[], index: ReadonlyMap<string, number> = BIP39_INDEX): boolean {
  if (!MNEMONIC_LENGTHS.has(words.length)) return false;
  const bits: number[] = [];
  for (const word of words) {
    const value = index.get(word);
    if (value === undefined) return false;
    for (let bit = 10; bit >= 0; bit--) bits.push((value >> bit) & 1);
  }
  const checksumBits = bits.length / 33;
  const entropyBits = bits.length - checksumBits;
  const entropy = Buffer.alloc(entropyBits / 8);
  for (let i = 0; i < entropyBits; i++) if (bits[i]) entropy[i >> 3] |= 0x80 >> (i & 7);
  const hash = createHash('sha256').update(entropy).digest();
  for (let i = 0; i < checksumBits; i++) {
    const expected = (hash[i >> 3] >> (7 - (i & 7))) & 1;
    if (bits[entropyBits + i] !== expected) return false;
  }
  return true;
}
