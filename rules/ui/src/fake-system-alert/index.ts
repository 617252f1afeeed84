import { defineRule, type RuleContext, type TermMatch } from '@bmplint/core';
import { scriptPieces, spanIn, templatePieces, type TextPiece } from '../support/page-text.js';
import { VENDOR_PATH } from '../support/words.js';
import { MATCHER, topicOf } from './lists.js';

export default defineRule({
  meta: {
    id: 'ui/fake-system-alert',
    clauses: ['7.4'],
    severity: 'error',
    suppressible: true,
    confidence: 'medium',
    docs: { description: 'The UI must not imitate system notifications or warnings (fake virus, battery or "System Alert" messages) to make users tap.' },
    messages: {
      fakeWarning: '{{where}} "{{text}}" is a fake device warning ({{kind}}): a mini program cannot scan the phone or read its battery, so this imitates a system warning to make users tap, which is not allowed (7.4).',
      imitatesSystem: '{{where}} "{{text}}" {{why}}: UI that imitates system notifications or warnings to induce tapping is not allowed (7.4).',
    },
  },
  create(context) {
    // Every piece of text, its dialog or banner and its look belong to one file: a file rule, cached
    // with the file (a template's result also depends on the stylesheets it reads).
    const own = (path: string) => !VENDOR_PATH.test(path);
    return {
      bxml: {
        document() {
          const template = context.file;
          if (template?.kind === 'bxml' && own(template.path)) check(context, templatePieces(context.project, template));
        },
      },
      js: {
        Program() {
          const file = context.jsFile;
          // Inline <bns> scripts of a template, declarations and .bns modules show nothing.
          if (!file || context.file?.kind !== 'js' || !own(file.path) || file.path.endsWith('.d.ts') || file.path.endsWith('.bns')) return;
          check(context, scriptPieces(context.project, file));
        },
      },
    };
  },
});

interface Found {
  piece: TextPiece;
  match: TermMatch;
}

/** Reports the fake warnings among one file's text pieces. */
function check(context: RuleContext, pieces: readonly TextPiece[]): void {
  const reported = new Set<string>();
  const report = (found: Found, messageId: 'fakeWarning' | 'imitatesSystem', data: Record<string, string>) => {
    const span = spanIn(found.piece, found.match.start, found.match.end);
    const key = `${found.piece.file}\0${span.start}\0${span.end}`;
    if (reported.has(key)) return;
    reported.add(key);
    context.report({ file: found.piece.file, span, messageId, data: { where: found.piece.where, text: excerpt(found.match.text), ...data } });
  };
  const groups = new Map<string, Found[]>();
  for (const piece of pieces) {
    for (const match of MATCHER.scan(piece.text)) {
      const found = { piece, match };
      const topic = topicOf(match.list);
      if (topic === 'fake-alert') {
        report(found, 'fakeWarning', { kind: match.entry.note ?? 'fake warning' });
        continue;
      }
      if (piece.imitation) {
        report(found, 'imitatesSystem', { why: `is shown in ${piece.imitation}, named or styled like a status bar or notification of the phone itself` });
        continue;
      }
      const group = groups.get(piece.group);
      if (group) group.push(found);
      else groups.set(piece.group, [found]);
    }
  }
  // System-dialog titles and device states count when a lure or the other kind stands with them in one dialog or banner.
  for (const group of groups.values()) {
    const of = (topic: string) => group.filter((found) => topicOf(found.match.list) === topic);
    const lure = of('lure')[0];
    const system = of('system-wording');
    const device = of('device-state');
    const seen = new Set<string>();
    for (const found of [...system, ...device]) {
      // Once per wording in a dialog or banner, however often it repeats.
      if (seen.has(found.match.term)) continue;
      seen.add(found.match.term);
      const other = topicOf(found.match.list) === 'system-wording' ? device[0] : system[0];
      if (lure) report(found, 'imitatesSystem', { why: `is shown with the call to action "${excerpt(lure.match.text)}", as fake system warnings are` });
      else if (other) report(found, 'imitatesSystem', { why: `is shown with "${excerpt(other.match.text)}", as fake system warnings are` });
    }
  }
}

/** The matched words for a message: whitespace collapsed, at most 60 characters. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
