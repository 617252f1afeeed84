import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Node } from '@babel/types';
import type { Bundle, BundleIssue, BundleLimits } from '../bundle/bundle.js';
import { DEFAULT_LIMITS } from '../bundle/bundle.js';
import { InputError, openBundle } from '../bundle/open.js';
import { activateRules, type ActiveRule, type Config } from '../config/config.js';
import { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID, compareFindings, renderMessage, summarize, type Finding, type Severity, type Summary } from '../findings.js';
import type { ParsedFile, JsFile } from '../parse/source-file.js';
import { Project, type AppStyle, type ParseCache } from '../project/project.js';
import type { AnyRule, ReportDescriptor, RuleContext } from '../rules/rule.js';
import { walkJs } from '../analysis/walk.js';
import { isMpServiceModule, MP_SERVICE_MODULE } from '../analysis/bn-api.js';
import { elementsOf } from '../parse/bxml-ast.js';
import { rangeOfTarget } from './locate.js';
import { mergeVisitors, type MergedVisitors, type Tagged } from './merge.js';
import { applySuppressions } from './suppressions.js';
import { assignFingerprints } from '../fingerprint.js';
import { applySeverityPolicy, reportedSeverity } from './policy.js';

export interface LintOptions {
  rules: readonly AnyRule[];
  config?: Config;
  /** listing.json outside the bundle. */
  listingPath?: string;
  /**
   * The listing as bytes, for callers that keep it elsewhere (the portal's app settings): `path`
   * names it in findings; the logo resolves through `resolveLogo` (default: a bundle path).
   */
  listing?: { path: string; bytes: Uint8Array; resolveLogo?(logo: string): string | undefined };
  parseCache?: ParseCache;
  onProgress?(done: number, total: number): void;
  /** Config warnings (e.g. an attempt to turn off a hard rule). */
  onWarning?(message: string): void;
}

export interface LintResult {
  bundle: { root: string; style: AppStyle; files: number };
  findings: Finding[];
  summary: Summary;
}

export { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID };

/**
 * The pipeline, as stages: open the bundle → model the project → activate rules → walk each file
 * once with every rule's visitors → project-level rules → suppressions → sorted findings.
 */
export async function lint(input: string | Bundle, options: LintOptions): Promise<LintResult> {
  const config = options.config ?? {};
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...config.limits };
  const bundle = typeof input === 'string' ? await openBundle(input, { limits }) : input;
  const active = activateRules(options.rules, config, options.onWarning ?? (() => {}));
  const project = new Project(bundle, {
    externalListing: options.listing
      ? { resolveLogo: (logo: string) => logo, ...options.listing }
      : options.listingPath ? readExternalListing(options.listingPath, bundle) : undefined,
    parseCache: options.parseCache,
    ignorePatterns: config.ignorePatterns,
  });
  const run = new Run(project, active);
  run.reportBundleIssues(bundle.issues);
  run.walkFiles(options.onProgress);
  await run.runProjectHooks();
  const metas = new Map(active.map(({ rule }) => [rule.meta.id, rule.meta]));
  const findings = applySeverityPolicy(applySuppressions(run.findings, project, active), project, (id) => metas.get(id)).sort(compareFindings);
  const subjects = new Map(active.map(({ rule }) => [rule.meta.id, rule.meta.subject]));
  assignFingerprints(findings, (ruleId) => subjects.get(ruleId), (path, line) => lineTextOf(project, path, line));
  return {
    bundle: { root: bundle.source, style: project.style, files: bundle.entries.size },
    findings,
    summary: summarize(findings),
  };
}

function lineTextOf(project: Project, path: string, line: number): string {
  const file = project.parsed(path);
  if (!file) return '';
  const start = file.lines.offsetAt({ line, column: 1 });
  const end = file.text.indexOf('\n', start);
  return file.text.slice(start, end < 0 ? undefined : end);
}

function readExternalListing(listingPath: string, bundle: Bundle) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(listingPath);
  } catch (error) {
    throw new InputError(`cannot read listing ${listingPath}: ${(error as Error).message}`);
  }
  const absolute = resolve(listingPath);
  const root = bundle.kind === 'directory' ? resolve(bundle.source) : dirname(resolve(bundle.source));
  const display = relative(root, absolute).split(sep).join('/');
  return {
    path: display,
    bytes,
    // The logo is a bundle path when it lies inside a directory bundle, else a file path on disk.
    resolveLogo: (logo: string) => {
      const file = resolve(dirname(absolute), logo);
      if (bundle.kind !== 'directory') return file;
      const inside = relative(root, file).split(sep).join('/');
      return inside.startsWith('../') || isAbsolute(inside) ? file : inside;
    },
  };
}

/** State of one lint run: the active rules' contexts and the findings so far. */
class Run {
  readonly findings: Finding[] = [];
  private readonly merged: MergedVisitors;
  private currentFile: ParsedFile | undefined;
  private currentJs: JsFile | undefined;
  private ancestors: readonly Node[] = [];
  /** Rules that threw on the current file: skipped for the rest of it. */
  private readonly failed = new Set<number>();

  constructor(private readonly project: Project, private readonly active: ActiveRule[]) {
    this.merged = mergeVisitors(active.map(({ rule }, slot) => rule.create(this.contextFor(slot))));
  }

  private contextFor(slot: number): RuleContext {
    const run = this;
    const { rule, options } = this.active[slot];
    return {
      id: rule.meta.id,
      options,
      project: this.project,
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
    };
  }

  private report(slot: number, descriptor: ReportDescriptor): void {
    const { rule, severity } = this.active[slot];
    const template = rule.meta.messages[descriptor.messageId];
    if (template === undefined) throw new Error(`unknown messageId "${descriptor.messageId}"`);
    const path = descriptor.file ?? this.currentFile?.path;
    if (path === undefined) throw new Error('report() outside a file needs `file`');
    const file = path === this.currentFile?.path ? this.currentFile : this.project.parsed(path);
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
    this.findings.push(finding);
  }

  private tool(ruleId: string, severity: Severity, file: string, message: string, messageId: string, line = 1, column = 1): void {
    this.findings.push({ ruleId, clauses: [], severity, messageId, message, file, line, column, endLine: line, endColumn: column });
  }

  reportBundleIssues(issues: readonly BundleIssue[]): void {
    const unsafe = new Set(['unsafe-path', 'link', 'special-file', 'duplicate', 'corrupt-archive']);
    for (const issue of issues) {
      this.tool(BUNDLE_RULE_ID, unsafe.has(issue.code) ? 'error' : 'warning', issue.path, `${describeIssue(issue)}: ${issue.detail}`, issue.code);
    }
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
    this.tool(INTERNAL_ERROR_RULE_ID, 'error', file, `rule ${ruleId} failed on this file: ${detail}`, 'ruleFailed');
  }

  walkFiles(onProgress?: (done: number, total: number) => void): void {
    const wantsAny = this.merged.file.size > 0;
    const paths = this.project.paths;
    paths.forEach((path, index) => {
      const kind = this.project.kindOf(path);
      if (kind === 'image' || kind === 'other' || this.project.isIgnored(path)) return;
      // Templates also carry inline <bns> scripts, which JS visitors must see.
      const wanted = this.merged[kind].size > 0 || (kind === 'bxml' && this.merged.js.size > 0 && this.project.bundle.read(path).includes('<bns'));
      if (!wantsAny && !wanted) return;
      const file = this.project.parsed(path);
      if (!file) return;
      this.currentFile = file;
      this.failed.clear();
      this.dispatch(this.merged.file.get('enter'), file);
      for (const error of file.errors) this.dispatch(this.merged.file.get('parseError'), file, error);
      if (file.kind === 'js') this.walkJsFile(file);
      else if (file.kind === 'bxml') this.walkBxml(file);
      else if (file.kind === 'bxss') this.walkBxss(file);
      else this.dispatch(this.merged.json.get('document'), file);
      this.currentFile = undefined;
      onProgress?.(index + 1, paths.length);
    });
  }

  private walkJsFile(file: JsFile): void {
    if (file.ast) this.walkJsAst(file.ast, file);
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
        const call = bn.call(node as import('@babel/types').CallExpression);
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

  private walkBxml(file: import('../parse/source-file.js').BxmlFile): void {
    const visitors = this.merged.bxml;
    this.dispatch(visitors.get('document'), file.document);
    if (visitors.size > 1 || !visitors.has('document')) {
      const exits: import('../parse/bxml-ast.js').BxmlElement[] = [];
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

  private textChildren(children: import('../parse/bxml-ast.js').BxmlChild[]): void {
    const visitors = this.merged.bxml;
    for (const child of children) {
      if (child.type === 'text') {
        this.dispatch(visitors.get('text'), child);
        for (const expression of child.expressions) this.dispatch(visitors.get('expression'), expression);
      } else if (child.type === 'comment') this.dispatch(visitors.get('comment'), child);
    }
  }

  private walkBxss(file: import('../parse/source-file.js').BxssFile): void {
    const visitors = this.merged.bxss;
    if (!file.root || !visitors.size) return;
    this.dispatch(visitors.get('root'), file.root);
    file.root.walk((node) => this.dispatch(visitors.get(node.type), node));
  }

  async runProjectHooks(): Promise<void> {
    this.failed.clear();
    for (const { slot, fn } of this.merged.project) {
      try {
        await fn(this.project);
      } catch (error) {
        this.fail(slot, error);
      }
    }
  }
}

function isInside(element: { start: number }, ancestor: { start: number; end: number }): boolean {
  return element.start >= ancestor.start && element.start < ancestor.end;
}

function describeIssue(issue: BundleIssue): string {
  switch (issue.code) {
    case 'unsafe-path': return 'entry refused: its path is absolute or leaves the bundle';
    case 'link': return 'entry refused: it is a link';
    case 'special-file': return 'entry refused: not a regular file';
    case 'duplicate': return 'entry refused: duplicate path';
    case 'file-too-large': return 'file not checked: too large';
    case 'too-many-files': return 'bundle only partly checked: too many files';
    case 'total-too-large': return 'bundle only partly checked: too large';
    case 'compression-ratio': return 'entry refused: suspicious compression ratio (zip bomb)';
    case 'unreadable': return 'entry could not be read';
    case 'corrupt-archive': return 'archive is corrupt';
  }
}
