import { parseOrigin } from '@bmplint/core';
import data from './game-hosts.json' with { type: 'json' };

export interface GameData {
  id: string;
  clauses: string[];
  source: string;
  hosts: Array<{ host: string; note: string }>;
  words: Array<{ word: string; note: string }>;
}

/** Checks the data file's shape once, when the module loads. */
function validate(value: unknown): GameData {
  const list = value as GameData;
  const fail = (problem: string): never => {
    throw new Error(`rules/webview/src/webview-bypass/game-hosts.json: ${problem}`);
  };
  if (!list || typeof list.source !== 'string' || !list.source || !Array.isArray(list.clauses) || !list.clauses.length) fail('needs a source and clauses');
  if (!Array.isArray(list.hosts) || !Array.isArray(list.words)) fail('needs hosts and words');
  for (const { host, note } of list.hosts) if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) || !note) fail(`bad host entry "${host}"`);
  for (const { word, note } of list.words) if (!/^[a-z0-9]+$/.test(word) || !note) fail(`bad word entry "${word}"`);
  return list;
}

export const GAMES = validate(data);
const WORDS = new Map(GAMES.words.map((entry) => [entry.word, entry.note]));

/** Why a URL (or its known start) looks like a web game; undefined when it does not. */
export function gameReason(url: string): string | undefined {
  const origin = parseOrigin(url, false);
  const host = origin?.host;
  if (host) {
    const listed = GAMES.hosts.find((entry) => host === entry.host || host.endsWith(`.${entry.host}`));
    if (listed) return `${listed.host} is a ${listed.note}`;
  }
  // Words of the host labels and the path, not the query: `?from=game` says nothing of the page.
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[?#].*$/, '');
  const words = rest.split(/[^A-Za-z0-9]+/).flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(' ')).filter(Boolean);
  for (const word of words) {
    const note = WORDS.get(word);
    if (note) return `"${word}" in the URL: ${note}`;
  }
  return undefined;
}
