import { defineRule, JSON_COMMENT, TRAILING_COMMA, type ParsedFile, type ParseError } from '@bmplint/core';

/** The decode problems of core's parse-file: reported as one unreadable file, whatever its kind. */
const ENCODING_PROBLEM = /^the file (?:is|holds) /;

/** What a JS file is called in the message, by dialect. */
const JS_LANGUAGE: Record<string, string> = {
  js: 'JavaScript',
  jsx: 'JSX',
  ts: 'TypeScript',
  tsx: 'TSX',
  bns: 'BNS module',
};

/**
 * Tool config files that their own tools read as JSON with comments (JSONC); they are not part of
 * the mini program's runtime, so comments and trailing commas there are not errors.
 */
const JSONC_FILE = /(?:^|\/)(?:(?:ts|js)config(?:\.[^/]*)?\.json|\.vscode\/[^/]+\.json)$/;

export default defineRule({
  meta: {
    id: 'availability/syntax-error',
    clauses: ['6.2', '6.3'],
    severity: 'error',
    suppressible: false,
    // The platform compiles every file of the package: one that does not parse fails the build.
    reachability: 'any-file',
    docs: { description: 'Every script, template, style and JSON file must parse: a syntax error makes the page crash or the mini program fail to build.' },
    messages: {
      jsSyntax: 'Syntax error in this {{language}} file: {{detail}}. The code cannot run; the page or app using it fails to load (6.2).',
      templateSyntax: 'BXML template error: {{detail}}. The page cannot render as written (6.2).',
      templateScriptSyntax: 'Syntax error in the inline <bns> module of this template: {{detail}}. The page cannot render (6.2).',
      styleSyntax: 'Syntax error in this {{language}} stylesheet: {{detail}}. The styles cannot be compiled (6.3).',
      jsonSyntax: 'Invalid JSON: {{detail}}. The file cannot be read, so the config or data in it is lost (6.2).',
      encoding: 'Unreadable source file: {{detail}}. The platform cannot compile it (6.2).',
    },
  },
  create(context) {
    return {
      file: {
        parseError(file, error) {
          const finding = classify(file, error);
          if (!finding) return;
          const detail = error.message.replace(/\.$/, '');
          context.report({ file: file.path, span: { start: error.start, end: error.end }, messageId: finding.messageId, data: { ...finding.data, detail } });
        },
      },
    };
  },
});

interface Classified {
  messageId: 'jsSyntax' | 'templateSyntax' | 'templateScriptSyntax' | 'styleSyntax' | 'jsonSyntax' | 'encoding';
  data: Record<string, string>;
}

/** Which message fits the error; undefined for an error this rule leaves alone (JSONC leniency). */
function classify(file: ParsedFile, error: ParseError): Classified | undefined {
  if (ENCODING_PROBLEM.test(error.message)) return { messageId: 'encoding', data: {} };
  switch (file.kind) {
    case 'js':
      return { messageId: 'jsSyntax', data: { language: JS_LANGUAGE[file.dialect] ?? 'JavaScript' } };
    case 'bxml': {
      const inScript = file.embeddedScripts.some((script) => error.start >= script.start && error.start <= script.end);
      return { messageId: inScript ? 'templateScriptSyntax' : 'templateSyntax', data: {} };
    }
    case 'bxss':
      return { messageId: 'styleSyntax', data: { language: file.path.toLowerCase().endsWith('.css') ? 'CSS' : 'BXSS' } };
    case 'json':
      if (JSONC_FILE.test(file.path) && (error.message === JSON_COMMENT || error.message === TRAILING_COMMA)) return undefined;
      return { messageId: 'jsonSyntax', data: {} };
  }
}
