#!/usr/bin/env node
// Extracts the clauses of the Binance "Mini Program Platform Operation Rules"
// (plus the two Management Portal domain requirements) from the plain-text
// seeds and writes packages/core/src/clauses/clauses.json.
//
// Usage: node scripts/extract-clauses.mjs [seedsDir]
//   seedsDir defaults to ../shared/seeds relative to the repository root.
//
// No dependencies. The pure functions `extractClauses` and `serializeClauses`
// are exported so the test-suite can check the checked-in JSON for drift.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(SCRIPT_DIR, '..');
export const DEFAULT_SEEDS_DIR = resolve(REPO_ROOT, '../shared/seeds');
export const OUTPUT_FILE = resolve(REPO_ROOT, 'packages/core/src/clauses/clauses.json');
export const OPERATION_RULES_FILE = 'operation-rules.txt';
export const MANAGEMENT_PORTAL_FILE = 'management-portal.txt';

export const PORTAL_SERVICE_DOMAIN = 'portal:service-domain';
export const PORTAL_BUSINESS_DOMAIN = 'portal:business-domain';

/** Collapse every whitespace run to one space and trim. */
export function normalizeWhitespace(s) {
  return s.replace(/\s+/g, ' ').trim();
}

const NUMBERED_RE = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/;
const BULLET_RE = /^[•●▪◦‣∙]/;

/**
 * Natural comparison of clause ids: numeric segments compared as numbers
 * ("2.1.2" < "2.1.10", "5" < "5.1"); non-numeric ids (portal:*) sort last,
 * alphabetically among themselves.
 */
export function compareClauseIds(a, b) {
  const numA = /^\d+(?:\.\d+)*$/.test(a);
  const numB = /^\d+(?:\.\d+)*$/.test(b);
  if (numA !== numB) return numA ? -1 : 1;
  if (!numA) return a < b ? -1 : a > b ? 1 : 0;
  const sa = a.split('.').map(Number);
  const sb = b.split('.').map(Number);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (sa[i] !== sb[i]) return sa[i] - sb[i];
  }
  return sa.length - sb.length;
}

function tokenize(text) {
  const tokens = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = normalizeWhitespace(raw);
    if (!line) continue;
    if (BULLET_RE.test(line)) {
      tokens.push({ kind: 'bullet', text: line });
      continue;
    }
    const m = NUMBERED_RE.exec(line);
    if (m) tokens.push({ kind: 'numbered', id: m[1], rest: normalizeWhitespace(m[2]), line });
    else tokens.push({ kind: 'prose', text: line });
  }
  return tokens;
}

function parentId(id) {
  const i = id.lastIndexOf('.');
  return i === -1 ? null : id.slice(0, i);
}

/**
 * Parses the Operation Rules text.
 *
 * A numbered line is a *heading* when the next non-empty line is either prose
 * (its body) or one of its own numbered children; otherwise it is a clause
 * whose text follows the number on the same line ("2.1.1 The developer ...",
 * "6.1 The Mini Program submitted ...").
 *
 * Entries produced:
 *  - every inline numbered clause, section = its parent heading line;
 *  - every heading with prose body and no numbered children ("4.4", "5.6",
 *    "9", ...), title = heading text, text = the prose paragraphs joined by a
 *    space, section = parent heading line (own heading line for top-level
 *    sections, which have no parent).
 * Consequence bullets ("• Once found, ...") are never part of a clause text.
 * Intro prose of headings that do have numbered children (2.2, 5.7, 5.11) is
 * not a clause.
 */
function extractOperationRules(text) {
  const tokens = tokenize(text);
  const headings = new Map(); // id -> heading line
  const clauses = [];
  let previousId = null;

  const numberedIdx = tokens.flatMap((t, i) => (t.kind === 'numbered' ? [i] : []));
  const allIds = numberedIdx.map((i) => tokens[i].id);

  for (const i of numberedIdx) {
    const tok = tokens[i];
    if (previousId !== null && compareClauseIds(previousId, tok.id) >= 0) {
      throw new Error(`operation rules: clause ids out of order: ${previousId} then ${tok.id}`);
    }
    previousId = tok.id;

    const next = tokens[i + 1];
    const hasChildren = allIds.some((id) => id.startsWith(`${tok.id}.`));
    const isHeading =
      next !== undefined &&
      (next.kind === 'prose' || (next.kind === 'numbered' && next.id.startsWith(`${tok.id}.`)));

    const pid = parentId(tok.id);
    if (pid !== null && !headings.has(pid)) {
      throw new Error(`operation rules: clause ${tok.id} has no parent heading ${pid}`);
    }

    if (!isHeading) {
      if (hasChildren) throw new Error(`operation rules: clause ${tok.id} has children but no heading shape`);
      clauses.push({
        id: tok.id,
        section: headings.get(pid),
        title: null,
        text: tok.rest,
        source: 'operation-rules',
      });
      continue;
    }

    headings.set(tok.id, tok.line);

    // Body prose: up to the next numbered line; stop at consequence bullets.
    const body = [];
    let j = i + 1;
    for (; j < tokens.length && tokens[j].kind === 'prose'; j++) body.push(tokens[j].text);
    for (; j < tokens.length && tokens[j].kind === 'bullet'; j++);
    if (j < tokens.length && tokens[j].kind === 'prose') {
      throw new Error(`operation rules: unexpected prose after consequence bullets in ${tok.id}: ${tokens[j].text}`);
    }
    if (body.length === 0 || hasChildren) continue;

    clauses.push({
      id: tok.id,
      section: pid === null ? tok.line : headings.get(pid),
      title: tok.rest,
      text: normalizeWhitespace(body.join(' ')),
      source: 'operation-rules',
    });
  }
  return clauses;
}

/**
 * Parses the Management Portal page: the paragraph under the
 * "Service Domain and Business Domain" heading holds one sentence per domain
 * list. Headings in that seed end with "#".
 */
function extractPortal(text) {
  const lines = text.split(/\r?\n/).map(normalizeWhitespace).filter(Boolean);
  const isHeading = (l) => l.endsWith('#');
  const at = lines.findIndex((l) => l.replace(/#$/, '').trim() === 'Service Domain and Business Domain');
  if (at === -1) throw new Error('management portal: "Service Domain and Business Domain" heading not found');
  let parent = null;
  for (let k = at - 1; k >= 0; k--) {
    if (isHeading(lines[k])) {
      parent = lines[k].replace(/#$/, '').trim();
      break;
    }
  }
  if (parent === null) throw new Error('management portal: no parent heading for the domain section');
  const body = [];
  for (let k = at + 1; k < lines.length && !isHeading(lines[k]); k++) body.push(lines[k]);
  const sentences = normalizeWhitespace(body.join(' ')).split(/(?<=[.!?])\s+/);
  const pick = (needle) => {
    const found = sentences.filter((s) => s.includes(needle));
    if (found.length !== 1) throw new Error(`management portal: expected one sentence with "${needle}", got ${found.length}`);
    return found[0];
  };
  const title = lines[at].replace(/#$/, '').trim();
  return [
    { id: PORTAL_SERVICE_DOMAIN, section: parent, title, text: pick('Service Domain list'), source: 'management-portal' },
    { id: PORTAL_BUSINESS_DOMAIN, section: parent, title, text: pick('Business Domain list'), source: 'management-portal' },
  ];
}

/**
 * Pure extraction: returns all clauses, naturally sorted by id (portal ids last).
 * @param {string} operationRulesText
 * @param {string} portalText
 * @returns {Array<{id: string, section: string, title: string | null, text: string, source: 'operation-rules' | 'management-portal'}>}
 */
export function extractClauses(operationRulesText, portalText) {
  const all = [...extractOperationRules(operationRulesText), ...extractPortal(portalText)];
  const seen = new Set();
  for (const c of all) {
    if (seen.has(c.id)) throw new Error(`duplicate clause id ${c.id}`);
    seen.add(c.id);
  }
  return all.sort((a, b) => compareClauseIds(a.id, b.id));
}

/**
 * Serialises clauses as a JSON object keyed by id, 2-space indented, with a
 * trailing newline. Written by hand so that the natural id order is kept in
 * the file (JSON.stringify would hoist integer-like keys such as "9", "10").
 */
export function serializeClauses(clauses) {
  const sorted = [...clauses].sort((a, b) => compareClauseIds(a.id, b.id));
  const body = sorted
    .map((c) => {
      const entry = { id: c.id, section: c.section, title: c.title, text: c.text, source: c.source };
      return `  ${JSON.stringify(c.id)}: ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ')}`;
    })
    .join(',\n');
  return `{\n${body}\n}\n`;
}

export function readSeeds(seedsDir = DEFAULT_SEEDS_DIR) {
  return {
    operationRulesText: readFileSync(resolve(seedsDir, OPERATION_RULES_FILE), 'utf8'),
    portalText: readFileSync(resolve(seedsDir, MANAGEMENT_PORTAL_FILE), 'utf8'),
  };
}

function main() {
  const seedsDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_SEEDS_DIR;
  const { operationRulesText, portalText } = readSeeds(seedsDir);
  const clauses = extractClauses(operationRulesText, portalText);
  mkdirSync(dirname(OUTPUT_FILE), { recursive: true });
  writeFileSync(OUTPUT_FILE, serializeClauses(clauses));
  console.log(`extract-clauses: wrote ${clauses.length} clauses to ${OUTPUT_FILE}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main();
}
