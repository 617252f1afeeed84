import { describe, expect, it } from 'vitest';
import { memoize, memoizeFrozen } from './memo.js';

describe('memoize', () => {
  it('computes once per argument, undefined results included', () => {
    const calls: string[] = [];
    const lookup = memoize((key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key.length;
    });
    expect([lookup('abc'), lookup('abc'), lookup('none'), lookup('none')]).toEqual([3, 3, undefined, undefined]);
    expect(calls).toEqual(['abc', 'none']);
  });

  it('forgets everything once the limit is reached, and keeps answering', () => {
    let computed = 0;
    const double = memoize((n: number) => (computed++, n * 2), 2);
    expect([double(1), double(2), double(3)]).toEqual([2, 4, 6]);
    expect(computed).toBe(3);
    expect(double(3)).toBe(6);
    expect(computed).toBe(3);
    expect(double(1)).toBe(2);
    expect(computed).toBe(4);
  });
});

describe('memoizeFrozen', () => {
  it('computes once per text and flag, and shares a frozen answer', () => {
    const calls: string[] = [];
    const origin = memoizeFrozen((text: string, complete: boolean) => {
      calls.push(`${complete}:${text}`);
      return text ? { text, complete } : undefined;
    });
    const first = origin('https://a.example', true);
    expect(first).toEqual({ text: 'https://a.example', complete: true });
    expect(origin('https://a.example', true)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(origin('https://a.example', false)).toEqual({ text: 'https://a.example', complete: false });
    expect(origin('', true)).toBeUndefined();
    expect(origin('', true)).toBeUndefined();
    expect(calls).toEqual(['true:https://a.example', 'false:https://a.example', 'true:']);
  });
});
