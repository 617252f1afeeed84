import { scanScriptText } from '@bmplint/core';
import { testOriginOf, type TestOrigin } from './hosts.js';

/**
 * The text pass of a script too large to parse (`limits.maxParseBytes`): what marks a test build
 * and can be read from the text, in code (not comments). Mock data loaded by a `require`, `import`
 * or `import()` of a mock module, and `Mock.mock(…)` calls, are the same evidence as in a parsed
 * file. A test server's URL in a string is found too, but whether the code holding it runs only in
 * development (`if (isDev)`, an environment table's `dev:` entry) takes the syntax around it, so
 * the rule reports those as warnings.
 */
export interface TextMarkers {
  origins: Array<{ start: number; end: number; url: string; found: TestOrigin; where: string }>;
  mockImports: Array<{ start: number; end: number; specifier: string; what: string }>;
  mockCalls: Array<{ start: number; end: number; call: string }>;
  /** Every string literal's value (and each template literal's first piece), for the pages it names. */
  strings: string[];
}

/** How the literal that follows names a module, read from the text just before it. */
const MODULE_USES: Array<[RegExp, string]> = [
  [/(?<![\w$.])require\s*\(\s*$/, 'The require'],
  [/(?<![\w$.])import\s*\(\s*$/, 'The dynamic import'],
  [/(?<![\w$.])import\s*$/, 'The import'],
  [/(?<![\w$.])from\s*$/, 'from'],
];
const MOCK_CALL = /\s*\.\s*(mock|setup)\s*\(/y;
const URL_START = /^\s*(?:https?|wss?):\/\//i;

export function testMarkersInText(text: string, isMockModule: (specifier: string) => boolean): TextMarkers {
  const markers: TextMarkers = { origins: [], mockImports: [], mockCalls: [], strings: [] };
  scanScriptText(text, {
    literal({ value, start, end, partial }) {
      markers.strings.push(value);
      const what = partial ? undefined : moduleUse(text, start);
      if (what) {
        if (isMockModule(value)) markers.mockImports.push({ start, end, specifier: value, what });
        return;
      }
      if (!URL_START.test(value)) return;
      const found = testOriginOf(value, true) ?? testOriginOf(value, false);
      if (found) markers.origins.push({ start, end, url: value, found, where: text[start] === '`' ? 'The template literal' : 'The string' });
    },
    words: new Set(['Mock']),
    word(_word, start) {
      if (/[\w$.]\s*$/.test(text.slice(Math.max(0, start - 8), start))) return; // `x.Mock`
      MOCK_CALL.lastIndex = start + 4;
      const call = MOCK_CALL.exec(text);
      if (call) markers.mockCalls.push({ start, end: MOCK_CALL.lastIndex, call: `Mock.${call[1]}(…)` });
    },
  });
  // A file that loads a mock module: its `Mock.mock()` calls are that import's finding.
  if (markers.mockImports.length) markers.mockCalls = [];
  return markers;
}

function moduleUse(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [pattern, what] of MODULE_USES) {
    if (!pattern.test(before)) continue;
    if (what !== 'from') return what;
    // `… from 'x'` ends an import or a re-export: whichever keyword is nearer.
    const window = text.slice(Math.max(0, start - 2000), start);
    return window.lastIndexOf('export') > window.lastIndexOf('import') ? 'The re-export' : 'The import';
  }
  return undefined;
}
