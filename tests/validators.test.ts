import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWithSchema } from '@bmplint/core';
// @ts-expect-error: a plain .mjs script without types.
import { validatorSource, validatorTargets } from '../scripts/generate-validators.mjs';

const root = join(import.meta.dirname, '..');
const targets: Array<{ out: string; from: string; schema: object }> = await validatorTargets();

describe('validators compiled ahead of time', () => {
  it.each(targets.map((target) => [target.out, target] as const))('%s is up to date (run scripts/generate-validators.mjs)', (_out, target) => {
    expect(readFileSync(join(root, target.out), 'utf8')).toBe(validatorSource(target.schema, target.from));
  });

  it('gives the errors a runtime-compiled ajv gives', async () => {
    const listing = targets.find((target) => target.out.includes('listing'))!;
    const value = { name: 7, logo: '', serviceDomains: ['http://x', 3], extra: true };
    // A structurally equal copy of the schema is not registered, so ajv compiles it at run time.
    const runtime = validateWithSchema(JSON.parse(JSON.stringify(listing.schema)), value);
    const { listingSchema } = await import('@bmplint/core');
    const compiled = validateWithSchema(listingSchema, value);
    expect(runtime.length).toBeGreaterThan(1);
    expect(compiled).toEqual(runtime);
  });
});
