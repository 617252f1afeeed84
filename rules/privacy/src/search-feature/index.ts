import { defineRule, eventOfAttribute, optionValue, parseOrigin, walkJs, type BxmlElement, type JsFile, type Project } from '@bmplint/core';
import { scriptOfTemplate, staticValue } from '../bxml.js';
import { isCall, jsxAttribute, jsxName, registrationValue, resolveCallee, thisMembers, unwrap, walkedJs, type CallNode, type Node, type NodeOf } from '../js.js';

const TEMPLATE_INPUTS = new Set(['input', 'deprecated-input', 'search-bar']);
const JSX_INPUTS = new Set(['Input', 'input', 'SearchBar', 'DeprecatedInput']);
/** Events through which a search field hands over its text. */
const QUERY_EVENTS = new Set(['confirm', 'input', 'change', 'blur', 'search']);
const JSX_QUERY_EVENTS = new Set(['onConfirm', 'onInput', 'onChange', 'onBlur', 'onSearch']);
const SEARCH_WORDING = /\bsearch\b|搜索|搜一搜|查找|检索/i;
const NETWORK_APIS = new Set(['request', 'uploadFile']);
const MAX_STEPS = 40;

export default defineRule({
  meta: {
    id: 'privacy/search-feature',
    clauses: ['5.2.11'],
    severity: 'info',
    suppressible: true,
    docs: { description: 'A search input whose handler sends the query to a server: a search feature needs Binance\'s approval, so reviewers are told about it.' },
    messages: {
      searchFeature: 'This search field ({{how}}) sends what the user types to {{target}} with bn.{{api}} (handler {{handler}}): a search feature needs authorization from Binance; check that it was approved (5.2.11).',
    },
  },
  create(context) {
    return {
      bxml: {
        element(element) {
          if (!TEMPLATE_INPUTS.has(element.name)) return;
          const how = templateSearch(element);
          if (!how) return;
          const script = scriptOfTemplate(context.project, context.file?.path);
          if (!script) return;
          for (const attribute of element.attributes) {
            const event = eventOfAttribute(attribute.name);
            if (!event || !QUERY_EVENTS.has(event.toLowerCase()) || attribute.value === null || attribute.expressions.length) continue;
            const handler = attribute.value.trim();
            const start = registrationValue(script, handler);
            const sent = start ? findRequest(context.project, script, start) : undefined;
            if (sent) {
              context.report({ node: element, messageId: 'searchFeature', data: { how, handler, api: sent.api, target: sent.target } });
              return;
            }
          }
        },
      },
      js: {
        JSXElement(node) {
          if (!JSX_INPUTS.has(jsxName(node))) return;
          const how = jsxSearch(node);
          const file = walkedJs(context.file);
          if (!how || !file) return;
          for (const attribute of node.openingElement.attributes) {
            if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || !JSX_QUERY_EVENTS.has(attribute.name.name)) continue;
            if (attribute.value?.type !== 'JSXExpressionContainer' || attribute.value.expression.type === 'JSXEmptyExpression') continue;
            const sent = findRequest(context.project, file, attribute.value.expression as Node);
            if (sent) {
              context.report({ node: node.openingElement, messageId: 'searchFeature', data: { how, handler: attribute.name.name, api: sent.api, target: sent.target } });
              return;
            }
          }
        },
      },
    };
  },
});

/** Why a template input is a search field, or undefined. */
function templateSearch(element: BxmlElement): string | undefined {
  if (element.name === 'search-bar') return '<search-bar>';
  if (staticValue(element, 'type')?.toLowerCase() === 'search') return 'type="search"';
  if (staticValue(element, 'confirm-type')?.toLowerCase() === 'search') return 'confirm-type="search"';
  if (staticValue(element, 'inputmode')?.toLowerCase() === 'search') return 'inputmode="search"';
  const placeholder = staticValue(element, 'placeholder');
  if (placeholder && SEARCH_WORDING.test(placeholder)) return `placeholder "${placeholder.slice(0, 40)}"`;
  return undefined;
}

function jsxSearch(element: NodeOf<'JSXElement'>): string | undefined {
  if (jsxName(element) === 'SearchBar') return '<SearchBar>';
  const value = (name: string) => {
    const found = jsxAttribute(element, name)?.value;
    return typeof found === 'string' ? found : undefined;
  };
  if (value('type')?.toLowerCase() === 'search') return 'type="search"';
  if (value('confirmType')?.toLowerCase() === 'search' || value('confirm-type')?.toLowerCase() === 'search') return 'confirmType="search"';
  const placeholder = value('placeholder');
  if (placeholder && SEARCH_WORDING.test(placeholder)) return `placeholder "${placeholder.slice(0, 40)}"`;
  return undefined;
}

/** The script of the page or component whose template is `path`. */
/**
 * A bn.request reachable from a handler: in its body, in `this.x()` methods it calls (also from
 * timers and debounce wrappers), and in functions it calls, across files.
 */
function findRequest(project: Project, file: JsFile, start: Node): { api: string; target: string } | undefined {
  const queue: Array<{ file: JsFile; node: Node }> = [{ file, node: start }];
  const seen = new Set<Node>();
  for (let steps = 0; queue.length && steps < MAX_STEPS; steps++) {
    const { file: current, node } = queue.shift()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const bn = project.bnApi(current);
    let found: { api: string; target: string } | undefined;
    const visit = (call: CallNode) => {
      const api = bn?.call(call as never);
      if (api && NETWORK_APIS.has(api.name)) {
        found ??= { api: api.name, target: targetOf(project, current, optionValue(api.options, 'url')) };
        return;
      }
      const callee = unwrap(call.callee);
      if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && (callee.object.type === 'ThisExpression' || callee.object.type === 'Identifier')) {
        const key = callee.property.type === 'Identifier' && !callee.computed ? callee.property.name : undefined;
        const value = key && thisMembers(current, key).includes(callee) ? registrationValue(current, key) : undefined;
        if (value) queue.push({ file: current, node: value });
      }
      try {
        const target = resolveCallee(project, current, callee);
        if (target) queue.push({ file: target.file, node: target.fn });
      } catch {
        // An unresolvable callee is simply not followed.
      }
    };
    const root = unwrap(node);
    if (root.type === 'Identifier' || root.type === 'MemberExpression') {
      try {
        const target = resolveCallee(project, current, root);
        if (target) queue.push({ file: target.file, node: target.fn });
      } catch {
        // not followed
      }
      continue;
    }
    walkJs(root, {
      enter(child) {
        if (found) return false;
        if (isCall(child)) visit(child);
      },
    });
    if (found) return found;
  }
  return undefined;
}

function targetOf(project: Project, file: JsFile, url: Node | undefined): string {
  if (!url) return 'a server';
  const known = project.evaluator.stringPrefix(url, file);
  const origin = parseOrigin(known.prefix.trim(), known.value !== undefined)?.origin;
  return origin ?? 'a server';
}
