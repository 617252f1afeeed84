import { describe, expect, it } from 'vitest';
import { editDistance } from '@bmplint/core';
import { closestPublicName } from './api-names.js';

describe('closestPublicName', () => {
  it.each([
    ['navigatTo', 'navigateTo'],
    ['shwoToast', 'showToast'],
    ['SetStorageSync', 'setStorageSync'],
    ['getPhoneNumbr', 'getPhoneNumber'],
    ['requst', 'request'],
  ])('%s → %s', (typo, expected) => expect(closestPublicName(typo)).toBe(expected));

  it.each(['getAccountInfoSync', 'chooseMedia', 'fakeApi', 'ok', 'xyz'])('%s → nothing', (name) => expect(closestPublicName(name)).toBeUndefined());

  it('counts a transposition as one edit', () => {
    expect(editDistance('shwo', 'show')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'ab')).toBe(2);
  });
});
