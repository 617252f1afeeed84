import type { Finding } from '@bmplint/core';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { toDiagnostics, RelatedFindings } from './diagnostics.js';
import { DiagnosticsPublisher, type UriFindings } from './publisher.js';

const uriOf = (path: string) => `file:///app/${path}`;
const docsUrl = (ruleId: string) => `https://docs.example/${ruleId}.md`;

function finding(file: string, line: number, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'api/no-private-api', clauses: ['4.1.2'], severity: 'error', messageId: 'private',
    message: 'bn._x is private', file, line, column: 3, endLine: line, endColumn: 9, ...overrides,
  };
}

/** A publisher whose sends are recorded, and a publish of `findings` with `open` documents. */
function recorder() {
  const sent: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
  const publisher = new DiagnosticsPublisher((uri, diagnostics) => sent.push({ uri, diagnostics }));
  const publish = (findings: Finding[], open: string[] = []) => {
    const byUri = new Map<string, UriFindings>();
    for (const item of findings) {
      const uri = uriOf(item.file);
      byUri.set(uri, { findings: [...(byUri.get(uri)?.findings ?? []), item] });
    }
    sent.length = 0;
    const count = publisher.publish({ byUri, findings, openUris: open.map(uriOf), docsUrl, uriOf });
    expect(count).toBe(sent.length);
    return [...sent];
  };
  return { publisher, publish, sent };
}

describe('DiagnosticsPublisher', () => {
  it('sends only the URIs whose diagnostics changed, and an empty list to one whose findings went away', () => {
    const { publish } = recorder();
    const a = finding('a.js', 1);
    const b = finding('b.js', 2);
    expect(publish([a, b]).map((item) => item.uri)).toEqual([uriOf('a.js'), uriOf('b.js')]);
    // Equal findings (new objects, as each lint makes): nothing goes out.
    expect(publish([finding('a.js', 1), finding('b.js', 2)])).toEqual([]);
    // a.js moves a line: only a.js, with what toDiagnostics makes of it.
    const moved = finding('a.js', 4);
    expect(publish([moved, b])).toEqual([{ uri: uriOf('a.js'), diagnostics: toDiagnostics([moved], docsUrl, new RelatedFindings([moved, b], uriOf)) }]);
    // b.js is fixed: it hears an empty list, once.
    expect(publish([moved])).toEqual([{ uri: uriOf('b.js'), diagnostics: [] }]);
    expect(publish([moved])).toEqual([]);
  });

  it('clears URIs that have nothing any more before it sends the new ones', () => {
    const { publish } = recorder();
    publish([finding('a.js', 1)]);
    // A client may take two spellings for one file: the empty list must not come last.
    expect(publish([finding('b.js', 1)]).map((item) => [item.uri, item.diagnostics.length])).toEqual([[uriOf('a.js'), 0], [uriOf('b.js'), 1]]);
  });

  it('tells an open document once that it is clean, and nothing to a clean file that is not open', () => {
    const { publish } = recorder();
    expect(publish([], ['a.js'])).toEqual([{ uri: uriOf('a.js'), diagnostics: [] }]);
    expect(publish([], ['a.js'])).toEqual([]);
    expect(publish([finding('a.js', 1)], ['a.js']).map((item) => item.diagnostics.length)).toEqual([1]);
    expect(publish([], ['a.js'])).toEqual([{ uri: uriOf('a.js'), diagnostics: [] }]);
  });

  it('re-sends a file whose own findings are unchanged when a repeat it links to moves', () => {
    const { publish } = recorder();
    const group = { group: 'g1' };
    const sent = publish([finding('a.js', 1, group), finding('b.js', 2, group)]);
    expect(sent.find((item) => item.uri === uriOf('a.js'))!.diagnostics[0].relatedInformation).toEqual([
      { location: { uri: uriOf('b.js'), range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } } }, message: 'the same problem (api/no-private-api) also at b.js:2:3' },
    ]);
    const again = publish([finding('a.js', 1, group), finding('b.js', 7, group)]);
    expect(again.map((item) => item.uri).sort()).toEqual([uriOf('a.js'), uriOf('b.js')]);
    expect(again.find((item) => item.uri === uriOf('a.js'))!.diagnostics[0].relatedInformation![0].location.range.start.line).toBe(6);
  });

  it('lists at most 20 repeats, and a change past them re-sends only the file it is in', () => {
    const { publish } = recorder();
    const group = { group: 'g1' };
    const many = Array.from({ length: 30 }, (_, i) => finding(`p${i}.js`, 1, group));
    const first = publish(many);
    expect(first).toHaveLength(30);
    expect(first[0].diagnostics[0].relatedInformation).toHaveLength(20);
    expect(first[29].diagnostics[0].relatedInformation!.map((item) => item.location.uri)).toEqual(many.slice(0, 20).map((item) => uriOf(item.file)));
    const moved = [...many.slice(0, 29), finding('p29.js', 5, group)];
    expect(publish(moved).map((item) => item.uri)).toEqual([uriOf('p29.js')]);
  });

  it('re-sends when the message, severity or range changes, and clear() empties what it sent', () => {
    const { publish, publisher, sent } = recorder();
    publish([finding('a.js', 1)], ['a.js', 'c.js']);
    expect(publish([finding('a.js', 1, { severity: 'warning' })], ['a.js', 'c.js'])).toHaveLength(1);
    expect(publish([finding('a.js', 1, { severity: 'warning', message: 'other' })], ['a.js', 'c.js'])).toHaveLength(1);
    expect(publish([finding('a.js', 1, { severity: 'warning', message: 'other', endColumn: 12 })], ['a.js', 'c.js'])).toHaveLength(1);
    sent.length = 0;
    publisher.clear();
    // c.js was only told it is clean: nothing to clear there.
    expect(sent).toEqual([{ uri: uriOf('a.js'), diagnostics: [] }]);
  });
});
