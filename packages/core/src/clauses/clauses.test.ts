import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain .mjs script without type declarations
import { extractClauses, serializeClauses, readSeeds } from '../../../../scripts/extract-clauses.mjs';
import { allClauses, getClause, isKnownClause } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
const jsonPath = resolve(here, 'clauses.json');
const seedsDir = resolve(repoRoot, '../shared/seeds');
const seedsExist =
  existsSync(resolve(seedsDir, 'operation-rules.txt')) && existsSync(resolve(seedsDir, 'management-portal.txt'));

const REQUIRED_IDS = (
  '2.1.5 2.2.1 2.2.2 2.2.3 2.2.4 2.2.5 2.2.6 2.3.2 2.3.4 2.3.5 2.3.6 3.1.1 3.1.2 3.1.3 3.1.4 3.1.5 3.1.6 ' +
  '3.2.2 3.2.3 3.4.1 3.4.3 3.4.4 4.1.1 4.2.1 4.2.3 4.3.1 4.3.2 4.4 4.5 5.1 5.2.1 5.2.2 5.2.3 5.2.6 5.2.7 ' +
  '5.2.9 5.2.11 5.2.14 5.5 5.6 5.7.1 5.7.2 5.11.1 5.11.2 6.1 6.2 6.3 6.5 7.3 7.4 ' +
  'portal:service-domain portal:business-domain'
).split(' ');

describe('clauses', () => {
  it('quotes 3.4.1 verbatim', () => {
    expect(getClause('3.4.1')).toEqual({
      id: '3.4.1',
      section: '3.4 Rules for Embedding Web Pages in Mini Programs',
      title: null,
      text:
        'The Mini Program can only open the web page through the embedded web-view, and is not allowed to embed ' +
        'the web page directly on the homepage of the Mini Program as its primary content.',
      source: 'operation-rules',
    });
  });

  it('quotes 4.1.1 verbatim', () => {
    expect(getClause('4.1.1')).toEqual({
      id: '4.1.1',
      section: '4.1 Use of APIs',
      title: null,
      text: 'Non-public API programs shall not be used.',
      source: 'operation-rules',
    });
  });

  it('quotes 2.2.5 verbatim', () => {
    expect(getClause('2.2.5')).toEqual({
      id: '2.2.5',
      section: '2.2 Rules for Basic Information',
      title: null,
      text:
        'The basic information of the Mini Program accounts shall not have attraction click and distribution ' +
        'related content, and shall not contain official website, invitation code, URL, telephone, address, ' +
        'social account and other related contact information of attraction behavior, interfering with the use of users.',
      source: 'operation-rules',
    });
  });

  it('quotes section-level clause 4.4 (Sharing Service) verbatim', () => {
    expect(getClause('4.4')).toEqual({
      id: '4.4',
      section: '4. Rules for Technology Implementation',
      title: 'Sharing Service',
      text:
        'Developers shall not abuse the sharing feature in the services offered by their Mini Programs. ' +
        'Examples are forcing users to share, and inducing users to share with incentives, either express or implied.',
      source: 'operation-rules',
    });
  });

  it('quotes 5.6 (Fraud) verbatim, keeping the seed typo and excluding consequence bullets', () => {
    const c = getClause('5.6');
    expect(c).toEqual({
      id: '5.6',
      section: '5. Code of Conduct',
      title: 'Fraud',
      text:
        'Fraud includes but is not limited to fake Red Packets, fake promotional campaigns, false advertising, ' +
        'as well as counterfeiting Binane’s or other entities\' services.',
      source: 'operation-rules',
    });
  });

  it('quotes 6.1 verbatim', () => {
    expect(getClause('6.1')).toEqual({
      id: '6.1',
      section: '6. Rules for Availability and Completeness',
      title: null,
      text: 'The Mini Program submitted shall be a finished product, which can be opened and used, and shall not be a test version.',
      source: 'operation-rules',
    });
  });

  it('quotes the two Management Portal domain requirements', () => {
    expect(getClause('portal:service-domain')).toMatchObject({
      source: 'management-portal',
      section: 'Manage the development settings of application',
      text:
        'All the domains, which are used in the mini program api, like request and websocket, ' +
        'should be added to the Service Domain list.',
    });
    expect(getClause('portal:business-domain')).toMatchObject({
      source: 'management-portal',
      section: 'Manage the development settings of application',
      text:
        'all the domains, which can be open in the <WebView /> components, should be added to the Business Domain list.',
    });
  });

  it('never includes consequence bullets in clause texts', () => {
    for (const c of allClauses()) {
      expect(c.text).not.toMatch(/•|Once found/);
      expect(c.text).toBe(c.text.replace(/\s+/g, ' ').trim());
      expect(c.text.length).toBeGreaterThan(0);
    }
  });

  it('has unique ids', () => {
    const ids = allClauses().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('knows every clause id cited by the rules', () => {
    const missing = REQUIRED_IDS.filter((id) => !isKnownClause(id) || getClause(id)?.id !== id);
    expect(missing).toEqual([]);
  });

  it('does not know made-up ids', () => {
    expect(isKnownClause('9.9.9')).toBe(false);
    expect(getClause('portal:nope')).toBeUndefined();
  });

  it('lists clauses in natural id order with portal clauses last', () => {
    const ids = allClauses().map((c) => c.id);
    expect(ids.indexOf('2.1.2')).toBeLessThan(ids.indexOf('2.1.3'));
    expect(ids.indexOf('5.2.9')).toBeLessThan(ids.indexOf('5.2.10'));
    expect(ids.indexOf('5.9')).toBeLessThan(ids.indexOf('5.10'));
    expect(ids.indexOf('8.3')).toBeLessThan(ids.indexOf('9'));
    expect(ids.indexOf('9')).toBeLessThan(ids.indexOf('10'));
    expect(ids.slice(-2).every((id) => id.startsWith('portal:'))).toBe(true);
  });

  it('checked-in JSON is in canonical generated form', () => {
    expect(serializeClauses(allClauses())).toBe(readFileSync(jsonPath, 'utf8'));
  });

  it.skipIf(!seedsExist)('checked-in JSON matches a fresh extraction from the seeds', () => {
    const { operationRulesText, portalText } = readSeeds(seedsDir);
    const fresh = extractClauses(operationRulesText, portalText);
    expect(serializeClauses(fresh)).toBe(readFileSync(jsonPath, 'utf8'));
    expect(fresh).toEqual([...allClauses()]);
    // Every text is a verbatim (whitespace-normalised) quote of its seed.
    const norm = (t: string) => t.replace(/\s+/g, ' ');
    const seeds = { 'operation-rules': norm(operationRulesText), 'management-portal': norm(portalText) };
    for (const c of allClauses()) expect(seeds[c.source]).toContain(c.text);
  });
});
