import type { Node, CallExpression } from '@babel/types';
import type { ActiveRule } from '../config/config.js';
import { formatBytes } from '../bundle/bundle.js';
import { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID, renderMessage, type Finding, type Severity } from '../findings.js';
import type { BxmlChild, BxmlElement } from '../parse/bxml-ast.js';
import { elementsOf } from '../parse/bxml-ast.js';
import type { BxmlFile, BxssFile, JsFile, ParsedFile } from '../parse/source-file.js';
import type { Project } from '../project/project.js';
import type { ReportDescriptor, RuleContext, RuleMeta, RuleVisitors } from '../rules/rule.js';
import { walkJs } from '../analysis/walk.js';
import { isMpServiceModule, MP_SERVICE_MODULE } from '../analysis/bn-api.js';
import { rangeOfTarget } from './locate.js';
import { mergeVisitors, type MergedVisitors, type Tagged } from './merge.js';
import { directivesOf } from './directives.js';
import { reportedSeverity } from './policy.js';
import { fixesOf } from '../fix.js';
import { indexDependency, type FileResult } from './file-result.js';
import type { ReviewHistory } from '../history.js';

/** Whether a rule's per-file results may be cached: its visitors keep no state for a project hook that reads ASTs. */
export function isCacheable(visitors: RuleVisitors, rule: ActiveRule['rule']): boolean {
  return !visitors.project || rule.meta.projectInput === 'facts';
}

/**
 * One lint run's rule contexts and findings. The file phase walks a file once for every rule and
 * writes what cacheable rules report and record into that file's `FileResult`; what the other
 * rules report goes to the run. The project phase runs the project hooks.
 */
export class Run {
  /** Findings of rules whose results are not cached, and of project hooks. */
  readonly findings: Finding[] = [];
  /** Every rule's visitors merged, and those of the rules that must walk every file every run. */
  readonly all: MergedVisitors;
  readonly uncached: MergedVisitors;
  /** The kinds of file whose trees some project hook may read (`meta.treesRead`): kept for the run. */
  readonly keptTrees: ReadonlySet<ParsedFile['kind']>;
  private readonly cacheable: boolean[];
  private merged: MergedVisitors;
  private sink: FileResult | undefined;
  /** Facts of rules whose results are not cached, for the file being walked. */
  private uncachedFacts: Record<string, unknown[]> | undefined;
  private facts = new Map<string, Map<string, unknown[]>>();
  private currentFile: ParsedFile | undefined;
  private currentJs: JsFile | undefined;
  private ancestors: readonly Node[] = [];
  /** Rules that threw on the current file: skipped for the rest of it. */
  private readonly failed = new Set<number>();

  /** The rule whose project hook is running. */
  private hookSlot: number | undefined;

  constructor(private readonly project: Project, private readonly active: ActiveRule[], private readonly history?: ReviewHistory, private readonly scope: 'project' | 'files' = 'project', private readonly strictTrees = false) {
    const created = active.map(({ rule }, slot) => rule.create(this.contextFor(slot)));
    // The file phase alone: a rule with a project or findings hook judges the whole project, so it sits out.
    const visitors = scope === 'files' ? created.map((v) => (v.project || v.findings ? {} : v)) : created;
    this.cacheable = visitors.map((v, slot) => isCacheable(v, active[slot].rule));
    this.keptTrees = new Set(visitors.flatMap((v, slot) => {
      const { meta } = active[slot].rule;
      return v.project && meta.projectInput !== 'facts' ? meta.treesRead ?? ALL_TREES : [];
    }));
    this.all = mergeVisitors(visitors);
    this.uncached = mergeVisitors(visitors.map((v, slot) => (this.cacheable[slot] ? {} : v)));
    this.merged = this.all;
  }

  /** The rules' ids and whether each is cached, for the cache key. */
  get ruleSignature(): string {
    return JSON.stringify([this.scope, this.active.map(({ rule, severity, options }, slot) => [rule.meta.id, severity, options, this.cacheable[slot]])]);
  }

  /**
   * Records a read of another file's content as a dependency of the result of the file whose
   * phase is running, if any (`hash`: the file's content hash).
   */
  noteRead(path: string, hash: (path: string) => string): void {
    const result = this.sink;
    if (result && path !== this.currentFile!.path && this.project.readsHeard) result.deps[path] ??= hash(path);
  }

  /** Records a lookup in a project index as a dependency of the walked file's result on the answer. */
  noteIndexLookup(kind: string, key: string, answerHash: string): void {
    if (this.sink) this.sink.deps[indexDependency(kind, key)] ??= answerHash;
  }

  private contextFor(slot: number): RuleContext {
    const run = this;
    const { rule, options } = this.active[slot];
    return {
      id: rule.meta.id,
      options,
      project: this.project,
      history: this.history,
      get file() {
        return run.currentFile;
      },
      get ancestors() {
        return run.ancestors;
      },
      get jsFile() {
        return run.currentJs;
      },
      bnApi: (file) => {
        const target = file ?? run.currentJs;
        return target ? run.project.bnApi(target) : undefined;
      },
      report: (descriptor) => run.report(slot, descriptor),
      record: (fact) => run.record(slot, fact),
      facts: () => run.facts.get(rule.meta.id) ?? new Map(),
    };
  }

  private record(slot: number, fact: unknown): void {
    if (!this.currentFile) throw new Error('record() is for visitors: it records a fact about the file being walked');
    const id = this.active[slot].rule.meta.id;
    const target = this.cacheable[slot] && this.sink ? this.sink.facts : (this.uncachedFacts ??= {});
    (target[id] ??= []).push(fact);
  }

  private report(slot: number, descriptor: ReportDescriptor): void {
    const { rule, severity } = this.active[slot];
    const template = rule.meta.messages[descriptor.messageId];
    if (template === undefined) throw new Error(`unknown messageId "${descriptor.messageId}"`);
    const path = descriptor.file ?? this.currentFile?.path;
    if (path === undefined) throw new Error('report() outside a file needs `file`');
    const file = path === this.currentFile?.path ? this.currentFile : this.project.textOf(path);
    let range = descriptor.loc;
    if (!range && file) {
      if (descriptor.span) range = file.lines.rangeOf(descriptor.span.start, descriptor.span.end);
      else if (descriptor.node) range = rangeOfTarget(descriptor.node, file);
    }
    range ??= { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const finding: Finding = {
      ruleId: rule.meta.id,
      clauses: [...rule.meta.clauses],
      severity: reportedSeverity(severity, descriptor.severity),
      messageId: descriptor.messageId,
      message: renderMessage(template, descriptor.data),
      file: path,
      line: range.start.line,
      column: range.start.column,
      endLine: range.end.line,
      endColumn: range.end.column,
    };
    if (descriptor.data) finding.data = descriptor.data;
    const confidence = descriptor.confidence ?? rule.meta.confidence;
    if (confidence) finding.confidence = confidence;
    if (descriptor.suggestion) finding.suggestion = descriptor.suggestion;
    if (descriptor.fix || descriptor.suggestions) Object.assign(finding, fixesOf(descriptor, rule.meta, file?.text));
    this.sinkFor(slot).push(finding);
  }

  private sinkFor(slot: number): Finding[] {
    return this.cacheable[slot] && this.sink ? this.sink.findings : this.findings;
  }

  /** Calls every listener for an event, isolating rule failures to an internal-error finding. */
  private dispatch(listeners: Tagged[] | undefined, ...args: unknown[]): void {
    if (!listeners) return;
    const failed = this.failed;
    for (let i = 0; i < listeners.length; i++) {
      const { slot, fn } = listeners[i];
      if (failed.size && failed.has(slot)) continue;
      try {
        fn(...args);
      } catch (error) {
        this.fail(slot, error);
      }
    }
  }

  private fail(slot: number, error: unknown): void {
    this.failed.add(slot);
    const ruleId = this.active[slot].rule.meta.id;
    const file = this.currentFile?.path ?? this.project.appConfigPath;
    const detail = error instanceof Error ? error.message : String(error);
    this.sinkFor(slot).push(toolFinding(INTERNAL_ERROR_RULE_ID, 'error', file, `rule ${ruleId} failed on this file: ${detail}`, 'ruleFailed'));
  }

  /** Whether any of `merged`'s visitors listen to a file of this kind (`bytes`: its content). */
  static wants(merged: MergedVisitors, kind: ParsedFile['kind'], bytes: () => Uint8Array): boolean {
    if (merged.file.size > 0 || merged[kind].size > 0) return true;
    // Templates also carry inline <bns> scripts, which JS visitors must see.
    if (kind !== 'bxml' || merged.js.size === 0) return false;
    const content = bytes();
    return (Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength)).includes('<bns');
  }

  /**
   * Walks a file with `merged`'s visitors. With a `result`, cacheable rules' findings and facts
   * and the file's directives go there.
   */
  walkFile(file: ParsedFile, merged: MergedVisitors, result: FileResult | undefined): void {
    this.currentFile = file;
    this.merged = merged;
    this.sink = result;
    // Reads are now dependencies of this file's result: remembered analyses must report theirs again.
    this.project.newAccessScope();
    this.uncachedFacts = undefined;
    this.failed.clear();
    this.dispatch(merged.file.get('enter'), file);
    if (file.textOnly) {
      // Over the parse limit: only the rules that read text ran; the report says which.
      if (result) result.findings.push(this.textOnlyFinding(file));
      this.endFile(file, result);
      return;
    }
    for (const error of file.errors) this.dispatch(merged.file.get('parseError'), file, error);
    if (file.kind === 'js') {
      if (file.ast) this.walkJsAst(file.ast, file);
    } else if (file.kind === 'bxml') this.walkBxml(file);
    else if (file.kind === 'bxss') this.walkBxss(file);
    else this.dispatch(merged.json.get('document'), file);
    this.endFile(file, result);
  }

  private endFile(file: ParsedFile, result: FileResult | undefined): void {
    if (result) result.directives = directivesOf(file);
    if (this.uncachedFacts) this.addFacts(file.path, this.uncachedFacts);
    this.currentFile = undefined;
    this.sink = undefined;
    this.uncachedFacts = undefined;
    this.merged = this.all;
    this.project.newAccessScope();
  }

  private textOnlyFinding(file: ParsedFile): Finding {
    const reads = (meta: RuleMeta) => !meta.textKinds || (meta.textKinds as string[]).includes(file.kind);
    const ran = [...new Set((this.all.file.get('enter') ?? []).map(({ slot }) => this.active[slot].rule.meta).filter(reads).map((meta) => meta.id))].sort();
    const limit = formatBytes(this.project.maxParseBytes);
    const size = formatBytes(Buffer.byteLength(file.text));
    const message = `file checked as text only: ${size} is over the ${limit} parse limit, so the checks that need its syntax tree did not run; checks that ran on it: ${ran.join(', ') || 'none'}`;
    const finding = toolFinding(BUNDLE_RULE_ID, 'warning', file.path, message, 'parse-limit');
    finding.data = { checks: ran.join(', ') };
    return finding;
  }

  /** Whether some rule's visitors walk every file on every run (their results are not cached). */
  get walksEveryFile(): boolean {
    const { file, js, bxml, bxss, json } = this.uncached;
    return file.size + js.size + bxml.size + bxss.size + json.size > 0;
  }

  /** Every file's facts by rule, as the file phase left them: for a session's next run (`reuseFacts`). */
  get allFacts(): ReadonlyMap<string, ReadonlyMap<string, unknown[]>> {
    return this.facts;
  }

  /**
   * Takes a previous run's facts (`allFacts`) with some files' facts replaced (`replaced`: path →
   * its facts now, or undefined for none), as if every file had been added in `order`. A rule's
   * map that changes is a new map; the others are the previous run's, unchanged. Only for runs
   * whose rules all have cacheable visitors (no `walksEveryFile`), which add no facts of their own.
   */
  reuseFacts(previous: ReadonlyMap<string, ReadonlyMap<string, unknown[]>>, replaced: ReadonlyMap<string, Record<string, unknown[]> | undefined>, order: readonly string[]): void {
    const facts = new Map(previous as Map<string, Map<string, unknown[]>>);
    const ids = new Set<string>();
    for (const [id, byPath] of previous) {
      for (const path of replaced.keys()) {
        if (byPath.has(path)) {
          ids.add(id);
          break;
        }
      }
    }
    for (const now of replaced.values()) for (const id of Object.keys(now ?? {})) ids.add(id);
    for (const id of ids) {
      const byPath = new Map(previous.get(id));
      let added = false;
      for (const [path, now] of replaced) {
        const list = now?.[id];
        if (!list) byPath.delete(path);
        else {
          added ||= !byPath.has(path);
          byPath.set(path, list);
        }
      }
      // A file new to this rule's facts takes its place in walk order.
      const ordered = added ? new Map(order.filter((path) => byPath.has(path)).map((path) => [path, byPath.get(path)!])) : byPath;
      if (ordered.size) facts.set(id, ordered);
      else facts.delete(id);
    }
    this.facts = facts;
  }

  /** Makes a file's facts (fresh or from the cache) visible to the project hooks. */
  addFacts(path: string, facts: Record<string, unknown[]>): void {
    for (const [id, list] of Object.entries(facts)) {
      let byPath = this.facts.get(id);
      if (!byPath) this.facts.set(id, (byPath = new Map()));
      const known = byPath.get(path);
      if (known) known.push(...list);
      else byPath.set(path, list);
    }
  }

  private walkJsAst(ast: Node, file: JsFile): void {
    const visitors = this.merged.js;
    if (!visitors.size) return;
    this.currentJs = file;
    const wantsBn = visitors.has('bnCall') || visitors.has('bnMember') || visitors.has('bnDynamic');
    const bn = wantsBn ? this.project.bnApi(file) : undefined;
    const exits = this.merged.jsExit;
    walkJs(ast, {
      enter: (node, ancestors) => {
        this.ancestors = ancestors;
        this.dispatch(visitors.get(node.type), node);
        if (bn) this.bnEvents(node, bn);
      },
      exit: exits.size
        ? (node, ancestors) => {
          this.ancestors = ancestors;
          this.dispatch(exits.get(node.type), node);
        }
        : undefined,
    });
    this.ancestors = [];
    this.currentJs = undefined;
  }

  /** Synthesised events for `bn` API use, computed once for all rules that listen. */
  private bnEvents(node: Node, bn: NonNullable<ReturnType<Project['bnApi']>>): void {
    const visitors = this.merged.js;
    switch (node.type) {
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const access = bn.access(node);
        if (!access) return;
        if ('dynamic' in access) this.dispatch(visitors.get('bnDynamic'), { key: access.dynamic, expression: node });
        else this.dispatch(visitors.get('bnMember'), access);
        return;
      }
      case 'CallExpression':
      case 'OptionalCallExpression': {
        const call = bn.call(node as CallExpression);
        if (call) this.dispatch(visitors.get('bnCall'), call);
        return;
      }
      case 'VariableDeclarator':
        if (node.id.type === 'ObjectPattern' && node.init && (bn.isNamespace(node.init) || isMpServiceModule(node.init))) {
          for (const property of node.id.properties) {
            if (property.type !== 'ObjectProperty') continue;
            const key = property.computed ? this.project.evaluator.evaluate(property.key, this.currentJs!) : property.key.type === 'Identifier' ? property.key.name : undefined;
            const name = typeof key === 'string' ? key : property.key.type === 'StringLiteral' ? property.key.value : undefined;
            if (name) this.dispatch(visitors.get('bnMember'), { name, node: property.key, expression: property.key, spelling: 'destructure' });
            else if (property.computed) this.dispatch(visitors.get('bnDynamic'), { key: property.key, expression: property.key });
          }
        }
        return;
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
        if (node.source?.value !== MP_SERVICE_MODULE || (node.type === 'ImportDeclaration' ? node.importKind : node.exportKind) === 'type') return;
        for (const specifier of node.specifiers) {
          const imported = specifier.type === 'ImportSpecifier' ? specifier.imported : specifier.type === 'ExportSpecifier' ? specifier.local : undefined;
          if (!imported || (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') || (specifier.type === 'ExportSpecifier' && specifier.exportKind === 'type')) continue;
          const name = imported.type === 'Identifier' ? imported.name : imported.value;
          if (name !== 'default') this.dispatch(visitors.get('bnMember'), { name, node: imported, expression: imported, spelling: 'import' });
        }
        return;
      default:
        return;
    }
  }

  private walkBxml(file: BxmlFile): void {
    const visitors = this.merged.bxml;
    this.dispatch(visitors.get('document'), file.document);
    if (visitors.size > 1 || (visitors.size === 1 && !visitors.has('document'))) {
      const exits: BxmlElement[] = [];
      const wantsText = visitors.has('text') || visitors.has('expression') || visitors.has('comment');
      for (const element of elementsOf(file.document)) {
        // Close the elements this one is not inside of.
        while (exits.length && !isInside(element, exits[exits.length - 1])) this.dispatch(visitors.get('element:exit'), exits.pop());
        this.dispatch(visitors.get('element'), element);
        for (const attribute of element.attributes) {
          this.dispatch(visitors.get('attribute'), attribute);
          for (const expression of attribute.expressions) this.dispatch(visitors.get('expression'), expression);
        }
        if (wantsText) this.textChildren(element.children);
        exits.push(element);
      }
      while (exits.length) this.dispatch(visitors.get('element:exit'), exits.pop());
      if (wantsText) this.textChildren(file.document.children);
    }
    for (const script of file.embeddedScripts) {
      if (script.ast) this.walkJsAst(script.ast, { ...file, kind: 'js', dialect: 'bns', ast: script.ast });
    }
  }

  private textChildren(children: BxmlChild[]): void {
    const visitors = this.merged.bxml;
    for (const child of children) {
      if (child.type === 'text') {
        this.dispatch(visitors.get('text'), child);
        for (const expression of child.expressions) this.dispatch(visitors.get('expression'), expression);
      } else if (child.type === 'comment') this.dispatch(visitors.get('comment'), child);
    }
  }

  private walkBxss(file: BxssFile): void {
    const visitors = this.merged.bxss;
    if (!file.root || !visitors.size) return;
    this.dispatch(visitors.get('root'), file.root);
    file.root.walk((node) => this.dispatch(visitors.get(node.type), node));
  }

  /** Runs the `findings` hooks over the run's final findings; returns what they reported. */
  runFindingsHooks(findings: readonly Finding[]): Finding[] {
    const before = this.findings.length;
    this.failed.clear();
    for (const { slot, fn } of this.all.findings) {
      try {
        fn(findings);
      } catch (error) {
        this.fail(slot, error);
      }
    }
    return this.findings.splice(before);
  }

  async runProjectHooks(): Promise<void> {
    this.failed.clear();
    for (const { slot, fn } of this.all.project) {
      this.hookSlot = slot;
      try {
        await fn(this.project);
      } catch (error) {
        this.fail(slot, error);
      }
    }
    this.hookSlot = undefined;
  }

  /**
   * A released tree is about to be parsed again. Under `strictTrees`, an AST-reading hook that
   * did not declare the file's kind in `meta.treesRead` fails: the engine released that tree.
   */
  reparsing(path: string): void {
    if (!this.strictTrees || this.hookSlot === undefined) return;
    const { meta } = this.active[this.hookSlot].rule;
    const kind = this.project.kindOf(path);
    if (meta.projectInput !== 'facts' && !this.keptTrees.has(kind as ParsedFile['kind'])) {
      throw new Error(`the project hook read the ${kind} tree of ${path}, released after the file phase: add '${kind}' to meta.treesRead`);
    }
  }
}

const ALL_TREES = ['js', 'bxml', 'bxss', 'json'] as const;

export function toolFinding(ruleId: string, severity: Severity, file: string, message: string, messageId: string, line = 1, column = 1): Finding {
  return { ruleId, clauses: [], severity, messageId, message, file, line, column, endLine: line, endColumn: column };
}

function isInside(element: { start: number }, ancestor: { start: number; end: number }): boolean {
  return element.start >= ancestor.start && element.start < ancestor.end;
}
