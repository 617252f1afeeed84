import type { Node, CallExpression } from '@babel/types';
import type { AtRule, Comment as CssComment, Declaration, Root as CssRoot, Rule as CssRule } from 'postcss';
import type { Node as JsonNode } from 'jsonc-parser';
import type { Confidence, Finding, Severity } from '../findings.js';
import type { ReviewHistory } from '../history.js';
import type { BxmlAttribute, BxmlComment, BxmlDocument, BxmlElement, BxmlExpression, BxmlText } from '../parse/bxml-ast.js';
import type { BxmlFile, BxssFile, JsFile, JsonFile, ParseError, ParsedFile } from '../parse/source-file.js';
import type { Project } from '../project/project.js';
import type { BnApiIndex, BnCall, BnMember } from '../analysis/bn-api.js';
import type { Range } from '../text/line-index.js';
import type { FixFunction } from '../fix.js';

export interface RuleDocs {
  description: string;
  /** Where the generated page lives; filled in by defineRule when absent. */
  url?: string;
}

export interface RuleMeta {
  /** `<area>/<name>`, e.g. `webview/no-webview-home`. */
  id: string;
  /** Operation Rules clause ids (`"3.4.1"`) or portal requirements (`"portal:service-domain"`). */
  clauses: string[];
  severity: Severity;
  /** False for hard platform rules: inline comments cannot disable them, config cannot weaken them. */
  suppressible: boolean;
  /** Default confidence of this rule's findings (heuristics say medium or low). */
  confidence?: Confidence;
  docs: RuleDocs;
  messages: Record<string, string>;
  /** JSON Schema of the rule's options object, checked with ajv when config sets options. */
  schema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /**
   * The `data` keys that name what a finding is about (an API name, a host, a key), so repeats of
   * one problem share a group. Default: all of `data`.
   */
  subject?: string[];
  /** Set when the rule's reports may carry a `fix` (`--fix` applies it; see fix.ts). */
  fixable?: 'code';
  /**
   * What the rule's `project` hook reads. `'facts'`: only the project model (configs, pages,
   * components, listing, bundle bytes) and the facts its visitors recorded with
   * `context.record()`; its per-file results are cached and every file's AST is released after
   * the file's walk. `'asts'` (the default, until every rule is migrated): it may parse any file
   * (`project.parsed()`), and its visitors may keep state for the hook, so they run on every file
   * every run and the engine keeps ASTs for the run. Rules without a `project` hook need neither.
   */
  projectInput?: 'facts' | 'asts';
  /**
   * With `projectInput: 'asts'`: the kinds of file whose trees the project hook reads (default:
   * every kind). The engine keeps the trees of these kinds for the run and releases the others
   * after each file's walk; a hook that reads a released tree has the file parsed again (a test
   * run makes that an error, so a missing kind is found).
   */
  treesRead?: ReadonlyArray<'js' | 'bxml' | 'bxss' | 'json'>;
  /**
   * More specific rules that report the same root cause: where one of them reported on the same
   * line of the same file, this rule's finding is dropped (one root cause, one finding).
   */
  defersTo?: string[];
  /**
   * `'loaded'` (default): a finding in a file the app never loads (a page not in the app config,
   * a script nothing requires) is lowered to a low-confidence warning. `'any-file'`: the finding
   * stands wherever the file is, because shipping the file is the problem (a secret in the bundle).
   */
  reachability?: 'loaded' | 'any-file';
  /**
   * Inputs beyond the bundle without which the rule checks nothing (or less): `'listing'` (the app's
   * basic info, `listing.json` or `--listing`). A run without them names the rules that did not run.
   */
  needs?: Array<'listing'>;
  /**
   * Set when the rule checks scripts without `js` visitors (a project hook that follows the flow
   * through them), so faces that offer the script rules (the ESLint plugin) offer it too.
   */
  checksScripts?: true;
  /**
   * The kinds of file over `limits.maxParseBytes` (checked as text only) that the rule's
   * `file.enter` reads; default: every kind. The report's note on such a file lists the rules
   * that read its kind as the checks that ran on it.
   */
  textKinds?: Array<'js' | 'bxml' | 'bxss'>;
}

type BabelNodeOfType<T extends Node['type']> = Extract<Node, { type: T }>;

export type JsVisitors = {
  [T in Node['type']]?: (node: BabelNodeOfType<T>) => void;
} & {
  [T in Node['type'] as `${T}:exit`]?: (node: BabelNodeOfType<T>) => void;
} & {
  /** Every call of a `bn` API, however spelled (member, alias, import, destructuring). */
  bnCall?(call: BnCall): void;
  /** Every static reference to a `bn` API name, called or not. */
  bnMember?(member: BnMember): void;
  /** `bn[expr]` (or `const { [expr]: f } = bn`) whose key is not a constant. */
  bnDynamic?(access: { key: Node; expression: Node }): void;
};

export interface BxmlVisitors {
  document?(document: BxmlDocument): void;
  element?(element: BxmlElement): void;
  'element:exit'?(element: BxmlElement): void;
  attribute?(attribute: BxmlAttribute): void;
  text?(text: BxmlText): void;
  expression?(expression: BxmlExpression): void;
  comment?(comment: BxmlComment): void;
}

export interface BxssVisitors {
  root?(root: CssRoot): void;
  rule?(rule: CssRule): void;
  atrule?(atrule: AtRule): void;
  decl?(declaration: Declaration): void;
  comment?(comment: CssComment): void;
}

export interface JsonVisitors {
  document?(file: JsonFile): void;
}

export interface FileVisitors {
  /** Each parsed file (js, bxml, bxss, json), before its walk. */
  enter?(file: ParsedFile): void;
  parseError?(file: ParsedFile, error: ParseError): void;
}

export interface RuleVisitors {
  file?: FileVisitors;
  js?: JsVisitors;
  bxml?: BxmlVisitors;
  bxss?: BxssVisitors;
  json?: JsonVisitors;
  /** Cross-file checks, after every file's walk. */
  project?(project: Project): void | Promise<void>;
  /**
   * Checks of the run as a whole, after every other finding is final (suppressed, its severity
   * settled, fingerprinted): e.g. an upload with exactly the errors of a rejected version. What it
   * reports is added to them.
   */
  findings?(findings: readonly Finding[]): void;
}

/** Anything a finding can point at. */
export type ReportTarget =
  | Node
  | BxmlElement | BxmlAttribute | BxmlText | BxmlExpression | BxmlComment | BxmlDocument
  | CssRoot | CssRule | AtRule | Declaration | CssComment
  | JsonNode;

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  node?: ReportTarget;
  /** Offsets in `file` (default: the file being walked). */
  span?: { start: number; end: number };
  loc?: Range;
  /** Bundle path; needed when reporting from a project hook or about another file. */
  file?: string;
  confidence?: Confidence;
  suggestion?: string;
  /** A mechanical, safe edit that removes the problem (needs `meta.fixable: 'code'`). */
  fix?: FixFunction;
  /** Edits offered to the user, not applied by `--fix`. */
  suggestions?: ReadonlyArray<{ desc: string; fix: FixFunction }>;
  /** Lower than the rule's severity for this finding (a cosmetic value of a key the rule checks); never higher. */
  severity?: Severity;
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly id: string;
  readonly options: Options;
  readonly project: Project;
  /** What the review portal knows beyond the bundle (earlier versions, other apps); undefined outside it. */
  readonly history: ReviewHistory | undefined;
  /** The file being walked; undefined inside a project hook. */
  readonly file: ParsedFile | undefined;
  /** The JS being walked: the .js file, or a template's inline <bns> script as a JS file. */
  readonly jsFile: JsFile | undefined;
  /** Ancestors of the JS node being visited, outermost first. */
  readonly ancestors: readonly Node[];
  /** The bn API index of the JS being walked (a .js file or a template's inline <bns>). */
  bnApi(file?: JsFile): BnApiIndex | undefined;
  report(descriptor: ReportDescriptor): void;
  /**
   * Records a fact about the file being walked for this rule's `project` hook: plain JSON
   * (objects, arrays, strings, finite numbers, booleans, null), kept with the file's cached
   * results. Facts must not be changed after recording.
   */
  record(fact: unknown): void;
  /** In the `project` hook: this rule's facts, by bundle path in walk order, each file's in record order. */
  facts(): ReadonlyMap<string, readonly unknown[]>;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  create(context: RuleContext<Options>): RuleVisitors;
}

export type AnyRule = Rule<any>;

const RULE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;
export const DOCS_BASE_URL = 'https://github.com/bmplint/bmplint/blob/main/docs/rules/';

/** Checks a rule's meta once, when its module loads: a malformed rule fails loudly, not at lint time. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  const { meta } = rule;
  const problems: string[] = [];
  if (!RULE_ID.test(meta.id)) problems.push(`id "${meta.id}" must look like "area/rule-name"`);
  if (!meta.clauses.length) problems.push('cites no clause');
  if (!Object.keys(meta.messages).length) problems.push('has no messages');
  if (!meta.docs.description) problems.push('has no description');
  if (problems.length) throw new Error(`rule ${meta.id}: ${problems.join('; ')}`);
  meta.docs.url ??= `${DOCS_BASE_URL}${meta.id}.md`;
  return rule;
}

export type { CallExpression, BxmlFile, BxssFile, JsFile, JsonFile };
