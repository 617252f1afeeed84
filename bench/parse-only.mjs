#!/usr/bin/env node
/**
 * The parse floor: reads every file of a bundle directory and parses it with the parsers bmplint
 * uses, with the same options (packages/core/src/parse/), and nothing else: no project model, no
 * rules, no analyses, no output beyond one summary line on stderr.
 *
 *   node bench/parse-only.mjs <dir>
 *
 * - .js .mjs .cjs .jsx .ts .tsx .mts .cts: @babel/parser `parse` (sourceType unambiguous, error
 *   recovery, the dialect's plugins); .bns: the same as a script with no plugins.
 * - .bxml: inline `<bns>` bodies and `{{ }}` bindings are blanked (offsets kept), the rest goes through
 *   htmlparser2's Tokenizer in XML mode; each binding and each inline module is parsed with Babel.
 * - .bxss .css: postcss.parse.  .json: jsonc-parser parseTree, strict.
 * - Images and other files are not read (bmplint reads image metadata only when a rule needs it).
 * Every text file is decoded as strict UTF-8 first, as bmplint does.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const requireFromCore = createRequire(new URL('../packages/core/package.json', import.meta.url));
const load = async (name) => import(pathToFileURL(requireFromCore.resolve(name)).href);
const babel = await load('@babel/parser');
const { Tokenizer } = await load('htmlparser2');
const postcss = (await load('postcss')).default;
const jsonc = await load('jsonc-parser');

const PLUGINS = {
  js: ['jsx', 'decorators-legacy'],
  jsx: ['jsx', 'decorators-legacy'],
  ts: ['typescript', 'decorators-legacy'],
  tsx: ['typescript', 'jsx', 'decorators-legacy'],
  bns: [],
};
const DIALECT = { js: 'js', mjs: 'js', cjs: 'js', jsx: 'jsx', ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx', bns: 'bns' };
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function decode(bytes) {
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJs(text, dialect, offset) {
  try {
    return babel.parse(text, {
      sourceType: dialect === 'bns' ? 'script' : 'unambiguous',
      plugins: PLUGINS[dialect],
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowUndeclaredExports: true,
      attachComment: false,
      ...offset,
    });
  } catch {
    return null;
  }
}

const noop = () => {};
const TOKENIZER_CALLBACKS = {
  onopentagname: noop, onattribname: noop, onattribdata: noop, onattribentity: noop, onattribend: noop,
  onopentagend: noop, onselfclosingtag: noop, onclosetag: noop, ontext: noop, ontextentity: noop,
  oncomment: noop, oncdata: noop, ondeclaration: noop, onprocessinginstruction: noop, onend: noop,
};

function parseBxml(text) {
  const spans = [];
  const open = /<bns\b(?:"[^"]*"|'[^']*'|[^'">])*>/gi;
  let match;
  while ((match = open.exec(text))) {
    if (match[0].endsWith('/>')) continue;
    const start = match.index + match[0].length;
    const close = /<\/bns\s*>/gi;
    close.lastIndex = start;
    const end = close.exec(text)?.index ?? text.length;
    spans.push({ start, end, script: true });
    open.lastIndex = end;
  }
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) break;
    const inScript = spans.find((span) => span.script && start >= span.start && start < span.end);
    if (inScript) {
      from = inScript.end;
      continue;
    }
    const close = text.indexOf('}}', start + 2);
    if (close < 0) break;
    let end = close + 2;
    while (text[end] === '}') end++;
    spans.push({ start, end, script: false });
    from = end;
  }
  spans.sort((a, b) => a.start - b.start);
  let blanked = '';
  let at = 0;
  for (const span of spans) {
    blanked += text.slice(at, Math.max(at, span.start)) + text.slice(Math.max(at, span.start), span.end).replace(/[^\r\n]/g, ' ');
    at = Math.max(at, span.end);
  }
  blanked += text.slice(at);
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, TOKENIZER_CALLBACKS);
  tokenizer.write(blanked);
  tokenizer.end();
  for (const span of spans) {
    if (span.script) {
      parseJs(text.slice(span.start, span.end), 'bns', { startIndex: span.start });
    } else {
      const code = text.slice(span.start + 2, span.end - 2);
      if (!code.trim()) continue;
      try {
        babel.parseExpression(code, { startIndex: span.start + 2, plugins: [] });
      } catch {
        // bmplint records a parse error here; the floor only pays for the parse
      }
    }
  }
}

function parseCss(text, path) {
  try {
    postcss.parse(text, { from: path });
  } catch {
    // a syntax error
  }
}

function parseJson(text) {
  const errors = [];
  jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
}

export function parseDirectory(root) {
  const counts = { js: 0, bxml: 0, bxss: 0, json: 0, skipped: 0 };
  const pending = [''];
  while (pending.length) {
    const dir = pending.pop();
    for (const dirent of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) {
        if (!SKIPPED_DIRS.has(dirent.name)) pending.push(path);
        continue;
      }
      if (!dirent.isFile()) continue;
      const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
      const dialect = DIALECT[ext];
      if (dialect) {
        parseJs(decode(readFileSync(join(root, path))), dialect);
        counts.js++;
      } else if (ext === 'bxml') {
        parseBxml(decode(readFileSync(join(root, path))));
        counts.bxml++;
      } else if (ext === 'bxss' || ext === 'css') {
        parseCss(decode(readFileSync(join(root, path))), path);
        counts.bxss++;
      } else if (ext === 'json') {
        parseJson(decode(readFileSync(join(root, path))));
        counts.json++;
      } else {
        counts.skipped++;
      }
    }
  }
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('usage: node bench/parse-only.mjs <dir>\n');
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const counts = parseDirectory(root);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stderr.write(`parse-only: ${JSON.stringify(counts)} in ${ms.toFixed(0)} ms\n`);
}
