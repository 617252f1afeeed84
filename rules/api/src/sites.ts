/**
 * What the flow rules' project hooks need from every script, found once per file content instead
 * of by file visitors. A rule whose hook reads ASTs (`projectInput: 'asts'`) has its visitors run
 * on every file on every run; these rules have none, and read the `bn` calls and web-view sources
 * of each file from here. The scan is kept per `ParsedFile`, the object a session's parse cache
 * keeps for an unchanged file, so a re-check after an edit scans only the edited file (and a file
 * whose scan read it in evaluating a computed `bn[KEY]`).
 */
import { BnApiIndex, optionValue, StaticEvaluator, walkJs, type BnCall, type JsFile, type JsNode as Node, type ParsedFile, type Project } from '@bmplint/core';
import { matchOauth, type OauthMatch } from './third-party-login/detect.js';

/** A `bn` API call as a `bnCall` visitor sees it: the script, the call and its ancestors. */
export interface BnSite {
  /** The script: the .js file, or a template's inline <bns> script as a JS file. */
  file: JsFile;
  call: BnCall;
  ancestors: readonly Node[];
}

/** `src` of a React `<WebView>` / `<web-view>` element, as written. */
export interface JsxWebViewSrc {
  file: JsFile;
  element: string;
  value: Node;
}

interface Scan {
  sites: BnSite[];
  webViews: JsxWebViewSrc[];
}

/** A file's scan, with what it read besides the file (a computed `bn[KEY]` whose key is another file's constant). */
const scans = new WeakMap<ParsedFile, { scan: Scan; reads: Reads }>();
/** The scans of one run's project, shared by the rules that read them. */
const projectScans = new WeakMap<Project, Scan[]>();

/**
 * The scripts' scans in walk order (bundle paths as the engine walks them; a template's inline
 * scripts after its markup), skipping ignored files and files checked as text only.
 */
function scansOf(project: Project): Scan[] {
  const known = projectScans.get(project);
  if (known) return known;
  const out: Scan[] = [];
  projectScans.set(project, out);
  for (const path of project.paths) {
    const kind = project.kindOf(path);
    if ((kind !== 'js' && kind !== 'bxml') || project.isIgnored(path)) continue;
    const file = project.parsed(path);
    if (!file || file.textOnly) continue;
    let kept = scans.get(file);
    if (!kept || !kept.reads.holdIn(project)) {
      const reads = new Reads();
      scans.set(file, (kept = { scan: scanFile(project, file, reads), reads }));
    }
    if (kept.scan.sites.length || kept.scan.webViews.length) out.push(kept.scan);
  }
  return out;
}

function scanFile(project: Project, file: ParsedFile, reads: Reads): Scan {
  const scan: Scan = { sites: [], webViews: [] };
  const scripts: JsFile[] = file.kind === 'js' ? (file.ast ? [file] : [])
    : file.kind === 'bxml' ? file.embeddedScripts.flatMap((script) => (script.ast ? [{ ...file, kind: 'js' as const, dialect: 'bns' as const, ast: script.ast }] : []))
      : [];
  for (const script of scripts) {
    const scope = project.scopeOf(script);
    const bn = scope ? new BnApiIndex(script, scope, reads.evaluator(project)) : undefined;
    walkJs(script.ast!, {
      enter(node, ancestors) {
        if (node.type === 'JSXOpeningElement') webViewSrc(script, node, scan.webViews);
        else if (bn && (node.type === 'CallExpression' || node.type === 'OptionalCallExpression')) {
          const call = bn.call(node as BnCall['node']);
          if (call) scan.sites.push({ file: script, call, ancestors: [...ancestors] });
        }
      },
    });
  }
  return scan;
}

type ModuleHost = ConstructorParameters<typeof StaticEvaluator>[0];

/**
 * What evaluations from one file read besides that file: other modules, how imports resolved, the
 * App object. A result computed from a file is reused on a later run while every such read gives
 * the same answer (a session's parse cache keeps the parse of an unchanged file), so a URL built
 * from a constant in config.js is evaluated again only when config.js changes.
 */
class Reads {
  /** Weakly: a file no longer in the bundle's parses cannot be the one a later run reads. */
  private readonly files = new Map<string, WeakRef<JsFile> | undefined>();
  private readonly imports: Array<{ from: string; specifier: string; path: string | undefined }> = [];
  private app?: { file: WeakRef<JsFile>; object: WeakRef<object> } | null;

  /** The project's evaluator, noting what it reads here. */
  evaluator(project: Project): StaticEvaluator {
    const host: ModuleHost = {
      jsFile: (path) => {
        const file = project.jsFile(path);
        this.files.set(path, file && new WeakRef(file));
        return file;
      },
      scopeOf: (file) => project.scopeOf(file),
      resolveImport: (from, specifier) => {
        const path = project.resolveImport(from, specifier);
        this.imports.push({ from, specifier, path });
        return path;
      },
      appObject: () => {
        const value = project.appObject();
        this.app = value ? { file: new WeakRef(value.file), object: new WeakRef(value.object) } : null;
        return value;
      },
    };
    return new StaticEvaluator(host);
  }

  /** Whether every read gives the same answer in `project`. */
  holdIn(project: Project): boolean {
    for (const [path, file] of this.files) if (project.jsFile(path) !== file?.deref()) return false;
    for (const { from, specifier, path } of this.imports) if (project.resolveImport(from, specifier) !== path) return false;
    if (this.app !== undefined) {
      const now = project.appObject();
      if (now?.file !== this.app?.file.deref() || now?.object !== this.app?.object.deref()) return false;
    }
    return true;
  }
}

/** React: `<WebView src="https://accounts.google.com/…">`, `<web-view src={url}>`. */
function webViewSrc(file: JsFile, element: Extract<Node, { type: 'JSXOpeningElement' }>, out: JsxWebViewSrc[]): void {
  if (element.name.type !== 'JSXIdentifier' || !/^(WebView|web-view)$/.test(element.name.name)) return;
  for (const attribute of element.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.name !== 'src' || !attribute.value) continue;
    const value = attribute.value.type === 'JSXExpressionContainer' ? attribute.value.expression : attribute.value;
    if (value.type !== 'JSXEmptyExpression') out.push({ file, element: element.name.name, value: value as Node });
  }
}

/** Every `bn` API call of the bundle's scripts, in walk order. */
export function bnSites(project: Project): BnSite[] {
  return scansOf(project).flatMap((scan) => scan.sites);
}

/** Every `src` of a React web-view element, in walk order. */
export function jsxWebViewSrcs(project: Project): JsxWebViewSrc[] {
  return scansOf(project).flatMap((scan) => scan.webViews);
}

/** The URL of a `bn.request` call as far as it is known (`complete`: all of it). */
export interface RequestUrl {
  text: string;
  complete: boolean;
}

/** Request URLs, kept with the call's parse, with what their evaluation read in other files. */
const urls = new WeakMap<BnCall['node'], { url: RequestUrl | undefined; reads: Reads; oauth?: OauthMatch | null }>();

/** The URL of a `bn.request` call, as the project's evaluator knows it. Shared by the rules that look at request URLs. */
export function requestUrlOf(project: Project, site: BnSite): RequestUrl | undefined {
  return keptUrl(project, site).url;
}

/** The sign-in endpoint a `bn.request` call reaches, if its URL is one (see `matchOauth`). */
export function requestOauthOf(project: Project, site: BnSite): OauthMatch | undefined {
  const kept = keptUrl(project, site);
  if (kept.oauth === undefined) kept.oauth = (kept.url && matchOauth(kept.url.text, kept.url.complete)) || null;
  return kept.oauth ?? undefined;
}

function keptUrl(project: Project, site: BnSite) {
  const node = site.call.node;
  let kept = urls.get(node);
  if (!kept || !kept.reads.holdIn(project)) {
    const reads = new Reads();
    const option = optionValue(site.call.options, 'url');
    const known = option ? reads.evaluator(project).stringPrefix(option, site.file) : undefined;
    urls.set(node, (kept = { url: known ? { text: known.value ?? known.prefix, complete: known.value !== undefined } : undefined, reads }));
  }
  return kept;
}
