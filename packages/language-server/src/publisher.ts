/**
 * A project's diagnostics on the wire: after each lint only the URIs whose diagnostics changed are
 * built and sent (as vscode-eslint does), compared by a key of the findings rather than by the
 * diagnostics themselves, so an edit in a project with thousands of findings costs the files it
 * changed.
 */
import type { Finding } from '@bmplint/core';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticsKey, RelatedFindings, toDiagnostics } from './diagnostics.js';

/** One URI's content for a publish: its findings, and diagnostics of the server's own (a config problem). */
export interface UriFindings {
  findings: readonly Finding[];
  extra?: Diagnostic[];
}

export interface PublishInput {
  /** Every URI with something to show. */
  byUri: ReadonlyMap<string, UriFindings>;
  /** All findings of the project (for the groups of repeats). */
  findings: readonly Finding[];
  /** Open documents of the project: each hears once that it is clean, so the client knows it was checked. */
  openUris: Iterable<string>;
  docsUrl(ruleId: string): string | undefined;
  uriOf(path: string): string;
}

export class DiagnosticsPublisher {
  /** Key of what was last sent per URI; '' for an open document told it is clean. */
  private readonly sent = new Map<string, string>();

  constructor(private readonly send: (uri: string, diagnostics: Diagnostic[]) => void) {}

  /** Sends the URIs whose diagnostics changed, and an empty list to those that have none any more; returns how many were sent. */
  publish(input: PublishInput): number {
    const related = new RelatedFindings(input.findings, input.uriOf);
    const open = new Set(input.openUris);
    let count = 0;
    // Stale URIs first: one a client takes for the same file as a new URI (spelt differently) must not clear it after.
    for (const [uri, key] of this.sent) {
      if (input.byUri.has(uri) || open.has(uri)) continue;
      this.sent.delete(uri);
      if (key !== '') {
        this.send(uri, []);
        count++;
      }
    }
    for (const [uri, { findings, extra }] of input.byUri) {
      const key = diagnosticsKey(findings, input.docsUrl, related) + (extra?.length ? JSON.stringify(extra) : '');
      if (this.sent.get(uri) === key) continue;
      const diagnostics = toDiagnostics(findings, input.docsUrl, related);
      if (extra) diagnostics.push(...extra);
      this.sent.set(uri, key);
      this.send(uri, diagnostics);
      count++;
    }
    for (const uri of open) {
      if (input.byUri.has(uri) || this.sent.get(uri) === '') continue;
      this.sent.set(uri, '');
      this.send(uri, []);
      count++;
    }
    return count;
  }

  /** Empties every URI this publisher has diagnostics on. */
  clear(): void {
    for (const [uri, key] of this.sent) if (key !== '') this.send(uri, []);
    this.sent.clear();
  }
}
