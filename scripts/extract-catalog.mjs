#!/usr/bin/env node
// Extracts the clause → check catalog (the table of ../shared/RULES.md) into
// packages/core/src/clauses/catalog.json, so the repo can test that every row has a rule.
//
// Usage: node scripts/extract-catalog.mjs [path/to/RULES.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_RULES_FILE = resolve(REPO_ROOT, '../shared/RULES.md');
export const OUTPUT_FILE = resolve(REPO_ROOT, 'packages/core/src/clauses/catalog.json');

/** "3.1.1–3.1.5" → 3.1.1 … 3.1.5; "3.2.2 / 3.2.3" → both; "portal:x" as is. */
export function expandClauses(cell) {
  const out = [];
  for (const part of cell.split('/').map((piece) => piece.trim()).filter(Boolean)) {
    const range = /^(\d+(?:\.\d+)*)\.(\d+)\s*[–-]\s*\1\.(\d+)$/.exec(part);
    if (range) {
      for (let n = Number(range[2]); n <= Number(range[3]); n++) out.push(`${range[1]}.${n}`);
    } else out.push(part);
  }
  return out;
}

export function extractCatalog(markdown) {
  const rows = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length !== 4 || cells[0] === 'clause' || /^-+$/.test(cells[0])) continue;
    const [clause, check, evidence, severity] = cells;
    rows.push({ clauses: expandClauses(clause), check, evidence: evidence.split(',').map((item) => item.trim()), severity });
  }
  return rows;
}

export const serializeCatalog = (rows) => `${JSON.stringify(rows, null, 2)}\n`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = extractCatalog(readFileSync(process.argv[2] ?? DEFAULT_RULES_FILE, 'utf8'));
  writeFileSync(OUTPUT_FILE, serializeCatalog(rows));
  console.log(`wrote ${rows.length} catalog rows to ${OUTPUT_FILE}`);
}
