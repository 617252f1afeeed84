/** @bmplint/language-server: bmplint's findings in any LSP editor. */
export { startServer, type ServerOptions, type Settings } from './server.js';
export { openSession, type LintSession } from './session.js';
export { codeActionsFor, disableComment, type FindingFix, type FindingSuggestion, type FixableFinding } from './code-actions.js';
export { toDiagnostics, messageOf, rangeOf, RelatedFindings } from './diagnostics.js';
export { findProjectRoot, pathInside } from './project-root.js';
export { startStdioServer } from './stdio.js';
