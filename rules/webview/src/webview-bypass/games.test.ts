import { describe, expect, it } from 'vitest';
import { GAMES, gameReason } from './games.js';

describe('H5 game data', () => {
  it('cites its source and clause', () => {
    expect(GAMES.source).toMatch(/^Curated by the bmplint maintainers.*Operation Rules 3\.4\.4/s);
    expect(GAMES.clauses).toEqual(['3.4.4']);
  });

  it.each(GAMES.hosts.map((entry) => [entry.host]))('%s and its subdomains are games', (host) => {
    expect(gameReason(`https://${host}/some/page`)).toContain(host);
    expect(gameReason(`https://www.${host}/`)).toContain(host);
    expect(gameReason(`https://not${host}/`) ?? "").not.toContain(`${host} is`);
  });

  it.each(GAMES.words.map((entry) => [entry.word]))('"%s" as a word of the host or path is a game', (word) => {
    expect(gameReason(`https://${word}.example.com/`)).toContain(`"${word}"`);
    expect(gameReason(`https://cdn.example.com/static/${word}/index.html`)).toContain(`"${word}"`);
    expect(gameReason(`https://cdn.example.com/static/my-${word}-v2/`)).toContain(`"${word}"`);
  });

  it('does not take other URLs for games', () => {
    for (const url of [
      'https://docs.example.com/about', 'https://video.example.com/player/12', 'https://example.com/display', 'https://example.com/gameplay-tips',
      'https://example.com/article?from=game', 'https://h5.example.com/', 'https://replay.example.com/', 'https://example.com/community',
    ]) expect(gameReason(url), url).toBeUndefined();
  });
});
