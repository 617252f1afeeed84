import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, openMemoryBundle } from '@bmplint/core';
import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const LISTING = 'listing.json';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const GOOD = {
  appId: 'mp_9f3kQ2moonswap',
  name: 'MoonSwap',
  description: 'Swap BEP-20 tokens on BNB Chain at the best rate.',
  logo: 'assets/logo.png',
  category: 'Tools',
  tags: ['DeFi', 'Swap'],
  serviceDomains: ['https://api.moonswap.io', 'wss://stream.moonswap.io'],
  businessDomains: ['https://h5.moonswap.io'],
  testAccount: { id: 'review@moonswap.io', password: 'Review#2024' },
};

/** A bundle with listing.json written as given (lines matter) and the logo at assets/logo.png. */
const withListing = (text: string) => miniApp({ [LISTING]: text, 'assets/logo.png': PNG });

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing.json', files: miniApp() },
    { name: 'a complete listing whose logo is in the bundle', files: withListing(JSON.stringify(GOOD, null, 2)) },
    { name: 'only the required fields, no test account', files: withListing(JSON.stringify({ name: 'MoonSwap', description: '', logo: 'assets/logo.png', testAccount: null }, null, 2)) },
    { name: 'a logo path starting with ./', files: miniApp({ [LISTING]: JSON.stringify({ ...GOOD, logo: './assets/logo.png' }), 'assets/logo.png': PNG }) },
    { name: 'a listing.json that does not parse (a syntax error, reported elsewhere)', files: withListing('{\n  "name": 42,\n  "logo": "missing.png",\n}\n') },
  ],
  invalid: [
    {
      name: 'fields of the wrong type',
      files: withListing('{\n  "name": 42,\n  "description": "Swap tokens.",\n  "logo": "assets/logo.png",\n  "tags": ["DeFi", 7]\n}\n'),
      errors: [
        { messageId: 'invalid', file: LISTING, line: 2, column: 11, endLine: 2, endColumn: 13, message: 'Invalid listing: "name" must be of type string (2.2.6).' },
        { messageId: 'invalid', file: LISTING, line: 5, column: 20, message: '"tags.1" must be of type string' },
      ],
    },
    {
      name: 'a missing required field and an unknown property (reported at its key)',
      files: withListing('{\n  "name": "MoonSwap",\n  "logo": "assets/logo.png",\n  "website": "https://moonswap.io"\n}\n'),
      errors: [
        { messageId: 'invalid', file: LISTING, line: 1, column: 1, endLine: 1, endColumn: 2, message: 'the file is missing the required property "description"' },
        { messageId: 'invalid', file: LISTING, line: 4, column: 3, endLine: 4, endColumn: 12, message: '"website" is not a known property' },
      ],
    },
    {
      name: 'an empty name',
      files: withListing('{\n  "name": "",\n  "description": "Swap tokens.",\n  "logo": "assets/logo.png"\n}\n'),
      errors: [{ messageId: 'invalid', file: LISTING, line: 2, column: 11, message: '"name" must not be empty' }],
    },
    {
      name: 'a service domain with a path and a duplicate one',
      files: withListing(
        '{\n  "name": "MoonSwap",\n  "description": "Swap tokens.",\n  "logo": "assets/logo.png",\n  "serviceDomains": ["https://api.moonswap.io/v1", "https://a.moonswap.io", "https://a.moonswap.io"]\n}\n',
      ),
      errors: [
        { messageId: 'invalid', file: LISTING, line: 5, column: 22, message: '"serviceDomains.0" must be an origin such as "https://api.example.com"' },
        { messageId: 'invalid', file: LISTING, line: 5, column: 77, message: '"serviceDomains" lists the same value twice (items 1 and 2)' },
      ],
    },
    {
      name: 'a test account object with an empty id and no password: the errors of the object branch only',
      files: withListing('{\n  "name": "MoonSwap",\n  "description": "Swap tokens.",\n  "logo": "assets/logo.png",\n  "testAccount": { "id": "" }\n}\n'),
      errors: [
        { messageId: 'invalid', file: LISTING, line: 5, column: 18, message: '"testAccount" is missing the required property "password"' },
        { messageId: 'invalid', file: LISTING, line: 5, column: 26, message: '"testAccount.id" must not be empty' },
      ],
    },
    {
      name: 'a test account that is neither null nor an object: one error',
      files: withListing('{\n  "name": "MoonSwap",\n  "description": "Swap tokens.",\n  "logo": "assets/logo.png",\n  "testAccount": "review / 1234"\n}\n'),
      errors: [{ messageId: 'invalid', file: LISTING, line: 5, column: 18, message: '"testAccount" must be of type null or object' }],
    },
    {
      name: 'the logo file is not in the bundle',
      files: miniApp({ [LISTING]: JSON.stringify(GOOD, null, 2) }),
      errors: [{ messageId: 'logoMissing', file: LISTING, line: 5, column: 11, endColumn: 28, data: { logo: 'assets/logo.png', where: 'is not in the bundle' } }],
    },
    {
      name: 'the logo path leaves the bundle',
      files: withListing(JSON.stringify({ ...GOOD, logo: '../brand/logo.png' }, null, 2)),
      errors: [{ messageId: 'logoMissing', file: LISTING, line: 5, column: 11, message: 'The logo "../brand/logo.png" points outside the folder of listing.json, so it is not read' }],
    },
  ],
});

describe('basic-info/listing-schema with a listing.json outside the bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bmplint-listing-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(listing: object, files: Record<string, Uint8Array> = {}) {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const listingPath = join(dir, 'listing.json');
    writeFileSync(listingPath, JSON.stringify(listing, null, 2));
    const bundle = openMemoryBundle(Object.fromEntries(Object.entries(miniApp()).filter((entry): entry is [string, string] => typeof entry[1] === 'string')));
    return (await lint(bundle, { rules: [rule], listingPath })).findings;
  }

  it('accepts a logo file beside the listing', async () => {
    expect(await run({ ...GOOD, logo: 'logo.png' }, { 'logo.png': PNG })).toEqual([]);
  });

  it('reports a logo file that does not exist beside the listing, at the logo value', async () => {
    const findings = await run({ ...GOOD, logo: 'missing-logo.png' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'basic-info/listing-schema', messageId: 'logoMissing', line: 5, column: 11 });
    expect(findings[0].message).toContain('does not exist beside listing.json');
    expect(findings[0].message).not.toContain(dir);
    expect(findings[0].file.endsWith('listing.json')).toBe(true);
  });
});
