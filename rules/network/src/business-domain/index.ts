import { defineRule, getAttribute, type BxmlAttribute, type BxmlExpression, type JsFile, type JsVisitors, type Project, type ReportTarget } from '@bmplint/core';
import { checkUrl, displayUrl, listedOrigins, URL_SUBJECT, type UrlCheck } from '../origins.js';
import { webViewsInText } from './text.js';

/** Template tags that open a web page: the full-page web-view and the inline one. */
const WEB_VIEW_TAGS = new Set(['web-view', 'web-view-component']);
const REACT_WEB_VIEW = 'WebView';

type Expression = NonNullable<BxmlExpression['ast']>;
type JSXOpeningElement = Parameters<NonNullable<JsVisitors['JSXOpeningElement']>>[0];

export default defineRule({
  meta: {
    id: 'network/business-domain',
    clauses: ['portal:business-domain'],
    severity: 'error',
    suppressible: false,
    needs: ['listing'],
    // Over the parse limit, its `file.enter` reads these (text.ts).
    textKinds: ['bxml'],
    docs: { description: 'Every web page a web-view opens must be https, not an IP or local host, and on a listed Business Domain.' },
    messages: {
      insecureScheme: 'The web-view opens {{url}} over unencrypted {{scheme}}://: web-view pages must use https:// (portal:business-domain).',
      ipOrLocal: 'The web-view opens a page on {{host}}, {{what}}: Business Domains must be public https domain names, not IP addresses, localhost or private hosts (portal:business-domain).',
      notListed: 'The web-view opens {{origin}}, which is not in the app\'s Business Domain list: add {{origin}} to the Business Domain list in the Management Portal (and to businessDomains in listing.json) (portal:business-domain).',
    },
    subject: URL_SUBJECT,
  },
  create(context) {
    let listed: UrlCheck['listed'] | null = null;

    /** Reports what is wrong with a URL (or its known start) at `target`. */
    const check = (text: string, complete: boolean, target: { node?: ReportTarget; span?: { start: number; end: number } }) => {
      if (listed === null) listed = listedOrigins(context.project, 'businessDomains');
      // Only absolute web URLs: local `.html` files of web-view-component and other schemes are out of scope.
      const problems = checkUrl(text, complete, { expected: ['https'], insecure: ['http'], only: ['http', 'https'], listed });
      for (const problem of problems ?? []) {
        const { messageId, ...details } = problem;
        context.report({ ...target, messageId, data: { url: displayUrl(text, complete), ...details } });
      }
    };

    return {
      bxml: {
        element(element) {
          if (!WEB_VIEW_TAGS.has(element.name)) return;
          const src = getAttribute(element, 'src');
          if (!src || src.value === null || context.file?.kind !== 'bxml') return;
          const known = attributePrefix(src, context.file.text);
          check(known.text, known.complete, { span: { start: src.valueStart, end: src.valueEnd } });
        },
      },
      file: {
        enter(file) {
          // A template too large to parse: its web-views' src, read from the text.
          if (!file.textOnly || file.kind !== 'bxml') return;
          for (const view of webViewsInText(file.text)) check(view.value, view.complete, { span: { start: view.start, end: view.end } });
        },
      },
      js: {
        JSXOpeningElement(node) {
          const file = context.file;
          if (file?.kind !== 'js' || !isWebView(node, file, context.project)) return;
          for (const attribute of node.attributes) {
            if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || attribute.name.name !== 'src' || !attribute.value) continue;
            const value = attribute.value;
            if (value.type === 'StringLiteral') {
              check(value.value, true, { node: value });
            } else if (value.type === 'JSXExpressionContainer' && value.expression.type !== 'JSXEmptyExpression') {
              const known = context.project.evaluator.stringPrefix(value.expression, file);
              check(known.value ?? known.prefix, known.value !== undefined, { node: value.expression });
            }
          }
        },
      },
    };
  },
});

/**
 * The known start of an attribute value: its text with each `{{ }}` folded while the binding is a
 * literal (string, number, template or `+` of literals). Page data is not followed: the first
 * binding that is not a literal ends what is known.
 */
function attributePrefix(attribute: BxmlAttribute, text: string): { text: string; complete: boolean } {
  let out = '';
  let at = attribute.valueStart;
  for (const expression of [...attribute.expressions].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, expression.start);
    const value = expression.ast ? foldLiteral(expression.ast) : undefined;
    if (value === undefined) return { text: out, complete: false };
    out += value;
    at = expression.end;
  }
  return { text: out + text.slice(at, attribute.valueEnd), complete: true };
}

/** A `{{ }}` expression made only of literals, as a string; undefined for anything else. */
function foldLiteral(node: Expression): string | undefined {
  switch (node.type) {
    case 'StringLiteral': return node.value;
    case 'NumericLiteral': return String(node.value);
    case 'TemplateLiteral': {
      let out = node.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < node.expressions.length; i++) {
        const part = node.expressions[i];
        const value = foldLiteral(part as Expression);
        if (value === undefined) return undefined;
        out += value + (node.quasis[i + 1]?.value.cooked ?? '');
      }
      return out;
    }
    case 'BinaryExpression': {
      if (node.operator !== '+' || node.left.type === 'PrivateName') return undefined;
      const left = foldLiteral(node.left);
      const right = foldLiteral(node.right);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    default:
      return undefined;
  }
}

/**
 * `<WebView>`, `<Components.WebView>`, or a name imported as WebView (`import { WebView as Web }`).
 */
function isWebView(node: JSXOpeningElement, file: JsFile, project: Project): boolean {
  const name = node.name;
  if (name.type === 'JSXMemberExpression') return name.property.name === REACT_WEB_VIEW;
  if (name.type !== 'JSXIdentifier') return false;
  if (name.name === REACT_WEB_VIEW) return true;
  const source = project.scopeOf(file)?.lookup(name.name, name.start ?? 0)?.source;
  return source?.kind === 'import' && source.imported === REACT_WEB_VIEW;
}
