/**
 * What the flow rules' project hooks need from every script, found once per file content instead
 * of by file visitors. A rule whose hook reads ASTs (`projectInput: 'asts'`) has its visitors run
 * on every file on every run; these rules have none, and read the `bn` calls, web-view sources and
 * sign-in requests of each file from here. The scan is core's `scanFiles`: a session's re-check
 * after an edit scans only the edited file (and a file whose scan read it in evaluating a computed
 * `bn[KEY]` or a request URL), and the merged lists are kept while no scan changed.
 */
import { optionValue, scanFiles, walkJs, type BnCall, type JsFile, type JsNode as Node, type ParsedFile, type Project, type ScanContext, type Scanned } from '@bmplint/core';
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

/** The URL of a `bn.request` call as far as it is known (`complete`: all of it). */
export interface RequestUrl {
  text: string;
  complete: boolean;
}

/** A `bn.request` whose URL is another account system's sign-in endpoint. */
export interface OauthRequest {
  site: BnSite;
  url: RequestUrl;
  match: OauthMatch;
}

interface Scan {
  sites: BnSite[];
  webViews: JsxWebViewSrc[];
  oauth: OauthRequest[];
}

/** The merged lists, derived once per list of scans (the same list while no file's scan changed). */
const merged = new WeakMap<ReadonlyArray<Scanned<Scan>>, { sites: BnSite[]; webViews: JsxWebViewSrc[]; oauth: OauthRequest[]; oauthByCall: Map<BnCall['node'], OauthRequest> }>();

/**
 * The scripts' scans merged in walk order (bundle paths as the engine walks them; a template's
 * inline scripts after its markup), skipping ignored files and files checked as text only.
 */
function scansOf(project: Project) {
  const scans = scanFiles(project, 'api/sites', scanFile);
  let lists = merged.get(scans);
  if (!lists) {
    const sites = scans.flatMap((scan) => scan.value.sites);
    const oauth = scans.flatMap((scan) => scan.value.oauth);
    merged.set(scans, (lists = { sites, webViews: scans.flatMap((scan) => scan.value.webViews), oauth, oauthByCall: new Map(oauth.map((request) => [request.site.call.node, request])) }));
  }
  return lists;
}

function scanFile(file: ParsedFile, context: ScanContext): Scan | undefined {
  const scan: Scan = { sites: [], webViews: [], oauth: [] };
  const scripts: JsFile[] = file.kind === 'js' ? (file.ast ? [file] : [])
    : file.kind === 'bxml' ? file.embeddedScripts.flatMap((script) => (script.ast ? [{ ...file, kind: 'js' as const, dialect: 'bns' as const, ast: script.ast }] : []))
      : [];
  for (const script of scripts) {
    const bn = context.bnApi(script);
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
  for (const site of scan.sites) {
    if (site.call.name !== 'request') continue;
    const url = requestUrl(context, site);
    const match = url && matchOauth(url.text, url.complete);
    if (match) scan.oauth.push({ site, url: url!, match });
  }
  return scan.sites.length || scan.webViews.length ? scan : undefined;
}

/** The URL of a `bn.request` call, as far as the evaluator knows it. */
function requestUrl(context: ScanContext, site: BnSite): RequestUrl | undefined {
  const option = optionValue(site.call.options, 'url');
  const known = option ? context.evaluator.stringPrefix(option, site.file) : undefined;
  return known ? { text: known.value ?? known.prefix, complete: known.value !== undefined } : undefined;
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
  return scansOf(project).sites;
}

/** Every `src` of a React web-view element, in walk order. */
export function jsxWebViewSrcs(project: Project): JsxWebViewSrc[] {
  return scansOf(project).webViews;
}

/** Every `bn.request` to another account system's sign-in endpoint, in walk order. */
export function oauthRequests(project: Project): OauthRequest[] {
  return scansOf(project).oauth;
}

/** The sign-in requests by call: `get(site.call.node)` is the sign-in endpoint a `bn.request` call reaches, if its URL is one. */
export function oauthByCall(project: Project): ReadonlyMap<BnCall['node'], OauthRequest> {
  return scansOf(project).oauthByCall;
}
