import type { Node } from '@babel/types';
import type { Project } from '../project/project.js';
import { elementsOf, getAttribute, staticAttributeValue, type BxmlAttribute, type BxmlElement } from '../parse/bxml-ast.js';
import { fileKindOf } from '../parse/source-file.js';
import { stripExtension } from '../project/paths.js';

/** A `<template name="…">` definition that nothing instantiates: its markup never renders. */
export interface UnusedTemplate {
  name: string;
  start: number;
  end: number;
}

const cache = new WeakMap<Project, (name: string) => boolean>();

/**
 * The `<template name>` definitions of a template file that no reachable template instantiates
 * with `<template is="…">`. A static `is` names one template; `is="m-{{icon}}"` names those its
 * value can take: the string constants of the expression (`{{ a ? 'x' : 'y' }}`), or, for a page
 * data key, the string literals the unit's script assigns to that key (`this.setData({ icon:
 * 'donate' })`). Anything else (a value from a loop item, a property, a computed key, a value that
 * is not a literal) may name any template that fits the rest of the pattern.
 */
export function unusedTemplates(project: Project, path: string): UnusedTemplate[] {
  const parsed = project.parsed(path);
  if (parsed?.kind !== 'bxml') return [];
  const definitions = [...elementsOf(parsed.document)].filter((element) => element.name === 'template' && staticAttributeValue(getAttribute(element, 'name')));
  if (!definitions.length) return [];
  let instantiated = cache.get(project);
  if (!instantiated) cache.set(project, (instantiated = instantiationsOf(project)));
  return definitions
    .map((element) => ({ name: staticAttributeValue(getAttribute(element, 'name'))!, start: element.start, end: element.end }))
    .filter((template) => !instantiated(template.name));
}

const TEMPLATE_IS = /<template\b[^>]*?\bis\s*=/;

/** A test of whether some reachable template can instantiate the template `name`. */
function instantiationsOf(project: Project): (name: string) => boolean {
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  for (const path of project.paths) {
    if (fileKindOf(path) !== 'bxml' || !project.isReachable(path)) continue;
    if (!TEMPLATE_IS.test(project.bundle.read(path).toString('utf8'))) continue;
    const parsed = project.parsed(path);
    if (parsed?.kind !== 'bxml') {
      // Unparsed: its `is` values are unknown, so any template may be used.
      return () => true;
    }
    for (const element of elementsOf(parsed.document)) {
      const is = element.name === 'template' ? getAttribute(element, 'is') : undefined;
      if (!is || is.value === null) continue;
      if (!is.expressions.length) names.add(is.value.trim());
      else patterns.push(patternOf(project, path, element, is));
    }
  }
  return (name) => names.has(name) || patterns.some((pattern) => pattern.test(name));
}

/** `m-{{icon}}` → /^m-(?:donate|homenav|)$/, with each hole as narrow as what it is known to hold. */
function patternOf(project: Project, path: string, element: BxmlElement, is: BxmlAttribute): RegExp {
  const value = is.value!;
  let source = '';
  let at = is.valueStart;
  for (const expression of is.expressions) {
    source += escape(value.slice(at - is.valueStart, expression.start - is.valueStart));
    const values = constantsOf(expression.ast) ?? dataValuesOf(project, path, element, expression.ast);
    source += values ? `(?:${values.map(escape).join('|')})` : '[\\s\\S]*';
    at = expression.end;
  }
  source += escape(value.slice(at - is.valueStart));
  return new RegExp(`^${source.trim()}$`);
}

/** The strings an expression can evaluate to when every leaf is a string constant; undefined otherwise. */
function constantsOf(node: Node | null): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return [node.value];
  if (node.type === 'TemplateLiteral' && !node.expressions.length) return [node.quasis[0]!.value.cooked ?? ''];
  if (node.type === 'ConditionalExpression') {
    const consequent = constantsOf(node.consequent);
    const alternate = constantsOf(node.alternate);
    return consequent && alternate ? [...consequent, ...alternate] : undefined;
  }
  return undefined;
}

/**
 * The values a page data key used at the top of the unit's template can hold: every string literal
 * its script assigns to the key, when every mention of the key in the script is such an assignment,
 * a read (`this.data.icon`) or a copy of itself (`icon: this.icon`). Undefined when not known.
 */
function dataValuesOf(project: Project, path: string, element: BxmlElement, node: Node | null): string[] | undefined {
  if (node?.type !== 'Identifier') return undefined;
  // Inside a loop or a template definition, the name may be a loop item or the caller's data.
  for (let parent = element.parent; parent.type === 'element'; parent = parent.parent) {
    if (parent.name === 'template' || parent.attributes.some((attribute) => /^(?:bn|wx|a|s|tt):for/.test(attribute.name))) return undefined;
  }
  const base = stripExtension(path);
  const scriptPath = ['.js', '.ts'].map((extension) => base + extension).find((candidate) => project.bundle.has(candidate));
  if (!scriptPath) return undefined;
  return literalAssignments(project.bundle.read(scriptPath).toString('utf8'), node.name);
}

const STRING = /^(["'])((?:\\.|(?!\1)[^\\\n])*)\1/;
const VALUE_END = /^\s*(?:[,;})\]]|$)/;

/** The string literals assigned to `key` in a script, or undefined when the key is used any other way. */
export function literalAssignments(text: string, key: string): string[] | undefined {
  const values = new Set<string>();
  const word = new RegExp(`(?<![\\w$])${key.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  const self = new RegExp(`^(?:this|that|self|_this)\\.(?:data\\.)?${key.replace(/\$/g, '\\$')}(?![\\w$])`);
  for (const match of text.matchAll(word)) {
    const before = text.slice(Math.max(0, match.index! - 1), match.index!);
    let after = text.slice(match.index! + key.length);
    const quoted = before === '"' || before === "'";
    if (quoted) {
      if (after[0] !== before) return undefined;
      after = after.slice(1);
    }
    const assignment = /^\s*(?::(?!:)|=(?![=>]))\s*/.exec(after);
    if (!assignment) {
      // `this.icon` or `this.data.icon` read; anything else (shorthand, destructuring, a parameter) is unknown.
      if (before === '.' && !quoted) continue;
      return undefined;
    }
    const rhs = after.slice(assignment[0].length);
    const literal = STRING.exec(rhs);
    if (literal && VALUE_END.test(rhs.slice(literal[0].length))) values.add(literal[2]!);
    else if (!(self.exec(rhs) && VALUE_END.test(rhs.slice(self.exec(rhs)![0].length)))) return undefined;
  }
  return values.size ? [...values] : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
