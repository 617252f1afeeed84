import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm } from '@bmplint/core';
import { CLOSE_MATCHER, WORDING, WORDING_FILES, isCloseName, isCloseText } from './wording.js';

const entries = WORDING.flatMap((list) => list.terms.map((entry) => [`${list.id}: ${entry.term}`, list, entry] as const));

describe('close-control wording', () => {
  it('registers every data file, one per language, each citing 7.3', () => {
    const files = readdirSync(new URL('./', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(WORDING_FILES).sort()).toEqual(files);
    expect(WORDING.map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']);
    for (const list of WORDING) expect(list.source).toMatch(/^Curated by the bmplint maintainers.*Operation Rules 7\.3/s);
  });

  it.each(entries)('%s is found as a button label', (_, list, entry) => {
    for (const alternative of expandTerm(entry.term)) {
      const text = list.language.startsWith('zh') ? `按钮：${alternative}` : `Button: ${alternative}`;
      const match = CLOSE_MATCHER.scan(text).find((candidate) => candidate.term === alternative);
      expect(match, text).toBeDefined();
      expect(match!.entry).toBe(entry);
    }
  });

  it('reads handler and class names word by word', () => {
    expect(['onCloseTap', 'hideMask', 'btn-close', 'icon_guanbi', 'onCancel', 'handleOK', 'dismissDialog'].filter((name) => !isCloseName(name))).toEqual([]);
    expect(['onClaim', 'closet', 'disclosed', 'okx', 'background', 'feedback', 'buyNow', 'player'].filter(isCloseName)).toEqual([]);
  });

  it('takes a close glyph alone as a close label', () => {
    expect(['×', ' ✕ ', 'X', '✖'].every(isCloseText)).toBe(true);
    expect(['Xbox', 'x2 bonus', 'Claim'].some(isCloseText)).toBe(false);
  });
});
