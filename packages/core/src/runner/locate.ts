import type { Range } from '../text/line-index.js';
import type { LineIndex } from '../text/line-index.js';
import type { ReportTarget } from '../rules/rule.js';

const BXML_TYPES = new Set(['document', 'element', 'attribute', 'text', 'expression', 'comment']);

/** The source range of any node a rule can report on: Babel, BXML, postcss or JSON. */
export function rangeOfTarget(target: ReportTarget, file: { lines: LineIndex }): Range {
  const node = target as unknown as Record<string, any>;
  if (node.source?.start && typeof node.source.start.line === 'number') {
    // postcss: 1-based lines and columns, `end` inclusive.
    const end = node.source.end ?? node.source.start;
    return { start: { line: node.source.start.line, column: node.source.start.column }, end: { line: end.line, column: end.column + 1 } };
  }
  if (typeof node.offset === 'number' && typeof node.length === 'number') {
    return file.lines.rangeOf(node.offset, node.offset + node.length);
  }
  if (BXML_TYPES.has(node.type) && typeof node.start === 'number') {
    // An element is reported at its opening tag, not across its whole body.
    const end = node.type === 'element' ? node.openEnd : node.end;
    return file.lines.rangeOf(node.start, end);
  }
  if (typeof node.start === 'number' && typeof node.end === 'number') {
    // Babel: offsets are absolute in the file, also for template expressions and inline scripts
    // (nodes carry no `loc`: see dropLocations).
    return file.lines.rangeOf(node.start, node.end);
  }
  return file.lines.rangeOf(0, 0);
}
