import { defineRule, elementsOf, eventOfAttribute, optionValue, walkJs, type BxmlFile, type JsFile, type ParsedFile, type Project } from '@bmplint/core';
import { flowOf, NON_GESTURE_EVENTS, sourceText, unwrap, type Node, type Site } from '@bmplint/core';
import { foldText } from '../payment-confirmation/screen.js';
import { bnSites } from '../sites.js';

/** Wording of an exit/logout control, English and Simplified Chinese (text is NFKC, camelCase split, lower-cased first). */
export const EXIT_WORDING = /(?<![\p{L}\p{N}])(?:log ?out|log-out|log ?off|sign ?out|sign-out|exit|quit)(?![\p{L}\p{N}])|退出|注销|登出/u;
/** Storage keys that hold a session. */
const SESSION_KEY = /token|session|sid\b|user|auth|login|account|credential|open_?id|jwt|cookie/i;
const VENDOR_PATH = /(^|\/)(node_modules|miniprogram_npm)\//;

const isExitWording = (text: string) => EXIT_WORDING.test(foldText(text));

export default defineRule({
  meta: {
    id: 'api/login-exit',
    clauses: ['4.2.3'],
    severity: 'warning',
    suppressible: true,
    // The hook follows taps across files (core's flow analysis): it reads ASTs.
    projectInput: 'asts',
    treesRead: ['js', 'bxml'],
    // No js visitors (they would force a walk of every file on every run), yet it checks scripts.
    checksScripts: true,
    confidence: 'medium',
    docs: { description: 'An app that logs users in with bn.login must offer a visible exit/logout control.' },
    messages: {
      noExit: '{{api}} logs the user in, but no exit or logout control was found: no template or JSX element says "Log out", "Sign out", "Exit" or "退出登录" or is bound to a logout handler, and no tap clears the session. Provide a functional "Exit" option at a noticeable position (4.2.3).',
    },
  },
  create(context) {
    return {
      // No file visitors: the login call comes from each file's scan and the exit wording is
      // looked for once per file content, so the rule forces no walks; only the last resort, a tap
      // that clears the session, follows the flow (ASTs, across files).
      project(project) {
        const first = bnSites(project).find((site) => site.call.name === 'login');
        if (!first || hasExitControl(project)) return;
        context.report({
          file: first.file.path,
          node: first.call.node,
          messageId: 'noExit',
          data: { api: first.call.spelling === 'alias' ? 'login()' : 'bn.login' },
        });
      },
    };
  },
});

function hasExitControl(project: Project): boolean {
  for (const path of project.paths) {
    if (VENDOR_PATH.test(path)) continue;
    const kind = project.kindOf(path);
    if (kind === 'bxml') {
      const template = project.parsed(path);
      if (template?.kind === 'bxml' && hasExit(template, templateHasExit)) return true;
    } else if (kind === 'js' && (project.style === 'react' || /\.[jt]sx$/.test(path))) {
      const file = project.jsFile(path);
      if (file && hasExit(file, jsxHasExit)) return true;
    }
  }
  return tapClearsSession(project);
}

/** Whether a file shows an exit control, looked for once per file content (the parse a session keeps). */
const exits = new WeakMap<ParsedFile, boolean>();
function hasExit<F extends ParsedFile>(file: F, find: (file: F) => boolean): boolean {
  let found = exits.get(file);
  if (found === undefined) exits.set(file, (found = find(file)));
  return found;
}

/** Text saying log out/exit, or an event bound to a handler named so (`bindtap="onLogout"`). */
function templateHasExit(template: BxmlFile): boolean {
  const stack = [...template.document.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text' && isExitWording(node.data)) return true;
    if (node.type !== 'element' || node.name === 'bns') continue;
    stack.push(...node.children);
  }
  for (const element of elementsOf(template.document)) {
    for (const attribute of element.attributes) {
      if (eventOfAttribute(attribute.name) && attribute.value && isExitWording(attribute.value)) return true;
    }
  }
  return false;
}

function jsxHasExit(file: JsFile): boolean {
  if (!file.ast) return false;
  let found = false;
  walkJs(file.ast, {
    enter(node: Node, ancestors) {
      if (found) return false;
      if (node.type === 'JSXText' && isExitWording(node.value)) found = true;
      else if (node.type === 'JSXExpressionContainer') {
        const parent = ancestors[ancestors.length - 1];
        const isChild = parent?.type === 'JSXElement' || parent?.type === 'JSXFragment';
        const isHandler = parent?.type === 'JSXAttribute' && parent.name.type === 'JSXIdentifier' && /^on[A-Z]/.test(parent.name.name);
        if ((isChild || isHandler) && isExitWording(sourceText(file, node.expression))) found = true;
      }
    },
  });
  return found;
}

/** A user event whose flow clears the session: clearStorage, or removing/emptying a session key. */
function tapClearsSession(project: Project): boolean {
  const flow = flowOf(project);
  const starts = flow.triggers().filter((trigger) => trigger.kind === 'event' && !NON_GESTURE_EVENTS.has(trigger.name)).map((trigger) => ({ trigger, state: 'tap' }));
  let found = false;
  flow.exploreEach('api/login-exit', starts, () => (state) => state, (site) => {
    if (!found && clearsSession(project, site)) found = true;
  });
  return found;
}

function clearsSession(project: Project, site: Extract<Site, { kind: 'bn' }>): boolean {
  const { name, options, node } = site.bn;
  if (name === 'clearStorage' || name === 'clearStorageSync') return true;
  if (!/^(removeStorage|setStorage)(Sync)?$/.test(name)) return false;
  const sync = name.endsWith('Sync');
  const key = sync ? (node.arguments[0] as Node | undefined) : optionValue(options, 'key');
  if (!key) return false;
  const known = project.evaluator.stringPrefix(key, site.owner.file);
  const keyText = known.value ?? known.prefix;
  if (name.startsWith('removeStorage')) return known.value === undefined || SESSION_KEY.test(keyText);
  if (!SESSION_KEY.test(keyText)) return false;
  const value = sync ? (node.arguments[1] as Node | undefined) : optionValue(options, 'data');
  return !value || isEmptyValue(unwrap(value));
}

function isEmptyValue(node: Node): boolean {
  if (node.type === 'NullLiteral') return true;
  if (node.type === 'StringLiteral') return node.value === '';
  if (node.type === 'Identifier') return node.name === 'undefined';
  if (node.type === 'ObjectExpression') return node.properties.length === 0;
  if (node.type === 'UnaryExpression') return node.operator === 'void';
  return false;
}
