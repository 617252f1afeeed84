import type { Node, ObjectExpression, Function as BabelFunction, CallExpression } from '@babel/types';
import type { Project, UnitFiles } from '../project/project.js';
import type { JsFile, BxmlFile } from '../parse/source-file.js';
import { elementsOf, eventOfAttribute, type BxmlAttribute, type BxmlElement } from '../parse/bxml-ast.js';
import type { BnCall } from './bn-api.js';
import { walkJs } from './walk.js';

/** A template event binding: `<button bindtap="pay">` → handler `pay`. */
export interface HandlerBinding {
  event: string;
  /** Undefined when the handler is a `{{ }}` binding or a BNS function (`mod.fn`). */
  handler?: string;
  /**
   * Every method name the binding can call: `[handler]`, or each constant a `{{ }}` binding can
   * take (`{{ disabled ? '' : 'onClick' }}` → `['onClick']`); empty when none is known.
   */
  handlers: string[];
  attribute: BxmlAttribute;
  element: BxmlElement;
}

export interface MethodInfo {
  name: string;
  fn: BabelFunction;
  /** The file the function is written in (an imported helper may live in another module). */
  file: JsFile;
  /** Methods it calls as `this.x()` (or `that.x()` after `const that = this`). */
  calls: string[];
  bnCalls: BnCall[];
}

export interface HandlerGraph {
  template?: BxmlFile;
  script?: JsFile;
  /** `Page` or `Component`, when the script registers one with an object literal. */
  registeredWith?: 'Page' | 'Component';
  bindings: HandlerBinding[];
  methods: Map<string, MethodInfo>;
  /** False when methods may come from elsewhere (behaviors, mixins, spread), so a missing one proves nothing. */
  complete: boolean;
  /** Methods reachable from `name` through `this.x()` calls, `name` first, breadth-first. */
  reachableFrom(name: string): MethodInfo[];
}

/**
 * The template-handler → page-method → calls graph of one page or component: built once per run,
 * and in a session once for as long as the files it read are unchanged.
 */
export function handlerGraph(project: Project, unit: { files: UnitFiles }): HandlerGraph {
  const { files } = unit;
  return project.remember('handler-graph', `${files.template}|${files.script}`, () => buildGraph(project, files));
}

function buildGraph(project: Project, files: UnitFiles): HandlerGraph {
  const template = files.template ? project.parsed(files.template) : undefined;
  const script = files.script ? project.jsFile(files.script) : undefined;
  const bindings: HandlerBinding[] = [];
  if (template?.kind === 'bxml') {
    for (const element of elementsOf(template.document)) {
      for (const attribute of element.attributes) {
        const event = eventOfAttribute(attribute.name);
        if (!event || attribute.value === null) continue;
        const value = attribute.value.trim();
        const handler = attribute.expressions.length || value.includes('.') ? undefined : value;
        bindings.push({ event, handler, handlers: handler ? [handler] : handlerNamesOf(attribute), attribute, element });
      }
    }
  }
  const methods = new Map<string, MethodInfo>();
  let registeredWith: HandlerGraph['registeredWith'];
  let complete = false;
  const registration = script?.ast ? findRegistration(script) : undefined;
  if (script && registration) {
    registeredWith = registration.kind;
    const objects = registration.kind === 'Component' ? methodsObjects(registration.object) : [registration.object];
    complete = !objects.some(hasSpread) && !hasProperty(registration.object, 'behaviors') && !hasProperty(registration.object, 'mixins');
    for (const object of objects) {
      for (const property of object.properties) {
        const entry = functionProperty(property, script, project);
        if (!entry) continue;
        methods.set(entry.name, { name: entry.name, fn: entry.fn, file: entry.file, ...callsIn(entry.fn, project.bnApi(entry.file)) });
      }
    }
  }
  return {
    template: template?.kind === 'bxml' ? template : undefined,
    script,
    registeredWith,
    bindings,
    methods,
    complete,
    reachableFrom(name) {
      const out: MethodInfo[] = [];
      const seen = new Set<string>();
      const queue = [name];
      while (queue.length) {
        const next = queue.shift()!;
        const method = methods.get(next);
        if (!method || seen.has(next)) continue;
        seen.add(next);
        out.push(method);
        queue.push(...method.calls);
      }
      return out;
    },
  };
}

/** The method names a handler binding written as `{{ }}` can evaluate to. */
function handlerNamesOf(attribute: BxmlAttribute): string[] {
  // Only a value that is one binding names a method; `on{{ name }}` is a partial name.
  if (attribute.expressions.length !== 1 || attribute.value?.trim() !== attribute.value?.slice(attribute.expressions[0].start - attribute.valueStart, attribute.expressions[0].end - attribute.valueStart).trim()) return [];
  const names = new Set<string>();
  const pending: Node[] = attribute.expressions[0].ast ? [attribute.expressions[0].ast] : [];
  while (pending.length) {
    const node = pending.pop()!;
    if (node.type === 'StringLiteral') names.add(node.value);
    else if (node.type === 'TemplateLiteral' && !node.expressions.length) names.add(node.quasis[0].value.cooked ?? '');
    else if (node.type === 'ConditionalExpression') pending.push(node.consequent, node.alternate);
    else if (node.type === 'LogicalExpression') pending.push(node.left, node.right);
    else if (node.type === 'SequenceExpression') pending.push(node.expressions[node.expressions.length - 1]);
  }
  return [...names].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
}

function findRegistration(script: JsFile): { kind: 'Page' | 'Component'; object: ObjectExpression } | undefined {
  let found: { kind: 'Page' | 'Component'; object: ObjectExpression } | undefined;
  walkJs(script.ast!, {
    enter(node) {
      if (found) return false;
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && (node.callee.name === 'Page' || node.callee.name === 'Component')) {
        const argument = node.arguments[0];
        if (argument?.type === 'ObjectExpression') found = { kind: node.callee.name, object: argument };
      }
    },
  });
  return found;
}

/**
 * The methods of a behavior module (`Behavior({ methods: { … } })`, as components use it), when it
 * defines them with an object literal and no spread; undefined otherwise.
 */
export function behaviorMethods(project: Project, script: JsFile): Map<string, { fn: BabelFunction; file: JsFile }> | undefined {
  if (!script.ast) return undefined;
  let object: ObjectExpression | undefined;
  walkJs(script.ast, {
    enter(node) {
      if (object) return false;
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Behavior' && node.arguments[0]?.type === 'ObjectExpression') object = node.arguments[0];
    },
  });
  if (!object || hasSpread(object)) return undefined;
  const methods = new Map<string, { fn: BabelFunction; file: JsFile }>();
  for (const methodsObject of methodsObjects(object)) {
    if (hasSpread(methodsObject)) return undefined;
    for (const property of methodsObject.properties) {
      const entry = functionProperty(property, script, project);
      if (entry) methods.set(entry.name, { fn: entry.fn, file: entry.file });
    }
  }
  return methods;
}

function methodsObjects(component: ObjectExpression): ObjectExpression[] {
  const out: ObjectExpression[] = [];
  for (const property of component.properties) {
    if (property.type === 'ObjectProperty' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'methods' && property.value.type === 'ObjectExpression') {
      out.push(property.value);
    }
  }
  return out;
}

const hasSpread = (object: ObjectExpression) => object.properties.some((property) => property.type === 'SpreadElement');
const hasProperty = (object: ObjectExpression, name: string) =>
  object.properties.some((property) => property.type !== 'SpreadElement' && !property.computed && property.key.type === 'Identifier' && property.key.name === name);

function functionProperty(property: ObjectExpression['properties'][number], script: JsFile, project: Project): { name: string; fn: BabelFunction; file: JsFile } | undefined {
  if (property.type === 'SpreadElement' || property.computed) return undefined;
  const name = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
  if (!name) return undefined;
  if (property.type === 'ObjectMethod') return { name, fn: property, file: script };
  const resolved = project.evaluator.resolveFunction(property.value, script);
  return resolved ? { name, fn: resolved.fn, file: resolved.file } : undefined;
}

function callsIn(fn: BabelFunction, bn: ReturnType<Project['bnApi']>): { calls: string[]; bnCalls: BnCall[] } {
  const calls: string[] = [];
  const bnCalls: BnCall[] = [];
  const thisAliases = new Set<string>(['this']);
  walkJs(fn.body as Node, {
    enter(node) {
      // const that = this / const self = this
      if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init?.type === 'ThisExpression') thisAliases.add(node.id.name);
      if (node.type !== 'CallExpression') return;
      const callee = (node as CallExpression).callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
        const object = callee.object;
        const isThis = object.type === 'ThisExpression' || (object.type === 'Identifier' && thisAliases.has(object.name));
        if (isThis) calls.push(callee.property.name);
      }
      const call = bn?.call(node as CallExpression);
      if (call) bnCalls.push(call);
    },
  });
  return { calls, bnCalls };
}
