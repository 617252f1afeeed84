import { describe, expect, it } from 'vitest';
import { DEV_PORTS, ENVIRONMENT_WORDS, PRIVATE_TLDS, testOriginOf } from './hosts.js';

describe('testOriginOf', () => {
  it.each([
    ['http://localhost:3000/api', 'localhost'],
    ['http://127.0.0.1/x', 'localhost'],
    ['http://[::1]:8080', 'localhost'],
    ['http://0.0.0.0:9000', 'localhost'],
    ['http://10.0.0.5/api', 'a private IP address'],
    ['https://192.168.1.20:8443', 'a private IP address'],
    ['http://172.16.3.4', 'a private IP address'],
    ['http://printer.local/x', 'a local network host (.local)'],
    ['https://nezha-mock.fe.qa1fdg.net/api', 'a mock environment host'],
  ])('%s is %s', (url, reason) => {
    expect(testOriginOf(url)?.reason).toBe(reason);
  });

  it.each([...ENVIRONMENT_WORDS])('the environment word %s marks a subdomain, with or without a number or a dash', (word) => {
    expect(testOriginOf(`https://${word}.gaswatch.example`)?.reason).toBe(`a ${word} environment host`);
    expect(testOriginOf(`https://api-${word}2.gaswatch.example/v1`)?.reason).toBe(`a ${word} environment host`);
    expect(testOriginOf(`https://api.${word}.gaswatch.co.uk`)?.reason).toBe(`a ${word} environment host`);
    // The registrable domain itself is the product's name, not an environment.
    expect(testOriginOf(`https://api.${word}.example`)).toBeUndefined();
    expect(testOriginOf(`https://${word}x.gaswatch.example`)).toBeUndefined();
  });

  it.each([...PRIVATE_TLDS].filter((tld) => tld !== 'localhost' && tld !== 'local'))('the .%s top-level name is not public', (tld) => {
    expect(testOriginOf(`https://api.gaswatch.${tld}/v1`)?.reason).toBe(`a .${tld} host, which is not on the public internet`);
  });

  it.each([...DEV_PORTS])('port %s is a development server', (port) => {
    expect(testOriginOf(`https://api.gaswatch.example:${port}/v1`)?.reason).toBe(`a development server port (:${port})`);
  });

  it('leaves production hosts, public IPs, testnets and developer portals alone', () => {
    for (const url of [
      'https://api.gaswatch.example/v1', 'wss://stream.gaswatch.example', 'https://203.0.113.7:8443/v1', 'https://testnet.bscscan.com',
      'https://data-seed-prebsc-1-s1.binance.org:8545', 'https://developer.gaswatch.example', 'https://dev.to/gaswatch', 'https://stagecoach.example',
      'https://devnet.solana.example', 'https://latest.gaswatch.example', 'https://api.gaswatch.example:443', 'mailto:dev@gaswatch.example', 'ftp://localhost',
    ]) expect(testOriginOf(url), url).toBeUndefined();
  });

  it('reads the known start of a URL only once its host is complete', () => {
    expect(testOriginOf('http://localhost:3000/', false)?.origin).toBe('http://localhost:3000');
    expect(testOriginOf('http://local', false)).toBeUndefined();
  });
});
