import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closest.js';

const ids = ['api/login-exit', 'api/no-dynamic-api-access', 'availability/entry-page-path', 'availability/unknown-page', 'network/service-domain'];

describe('closestName', () => {
  it.each([
    ['API/Login-Exit', 'api/login-exit'],
    ['login-exit', 'api/login-exit'],
    ['availability/entry-page', 'availability/entry-page-path'],
    ['api/no-dynamic-acess', 'api/no-dynamic-api-access'],
    ['network/servce-domain', 'network/service-domain'],
  ])('%s → %s', (typed, expected) => expect(closestName(typed, ids)).toBe(expected));

  it('proposes nothing when nothing is close', () => {
    expect(closestName('content/fraud', ids)).toBeUndefined();
    expect(closestName('xy', ['ab', 'cd'])).toBeUndefined();
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('exit', 'exti')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
