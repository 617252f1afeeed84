import { defineRule, elementsOf, optionValue, scanFiles, type BxmlAttribute, type BxmlFile, type JsFile, type Project, type Scanned } from '@bmplint/core';
import type { Node } from '@bmplint/core';
import { findPasswordLogins, matchOauth, type OauthMatch } from './detect.js';
import { jsxWebViewSrcs, oauthRequests } from '../sites.js';

export default defineRule({
  meta: {
    id: 'api/third-party-login',
    clauses: ['4.2.1'],
    severity: 'error',
    suppressible: true,
    // The hook follows taps across files (core's flow analysis): it reads ASTs.
    projectInput: 'asts',
    treesRead: ['js', 'bxml'],
    // No js visitors (they would force a walk of every file on every run), yet it checks scripts.
    checksScripts: true,
    docs: { description: 'A mini program with user accounts must log users in with Binance login: no third-party OAuth/SSO sign-in (Google, Apple, Facebook, X, GitHub, WeChat, Discord, Telegram…) and no own username+password login.' },
    messages: {
      thirdPartyOauth: '{{via}} reaches {{url}}, the {{provider}} sign-in endpoint: when the mini program has user accounts, users must log in with Binance login (bn.login), not {{provider}} (4.2.1).',
      genericOauth: '{{via}} reaches {{url}}, an OAuth sign-in endpoint on {{host}}: if this logs users in to an account system other than Binance\'s, use Binance login (bn.login) instead (4.2.1).',
      passwordLogin: 'This password field is part of the app\'s own login: {{trigger}} sends it to {{url}}. When the mini program has user accounts, users must log in with Binance login (bn.login), not a username and password (4.2.1).',
    },
  },
  create(context) {
    const report = (match: OauthMatch, url: string, via: string, target: { node?: Node; attribute?: BxmlAttribute; file?: string }) => {
      const shown = url.length > 120 ? `${url.slice(0, 119)}…` : url;
      context.report({
        file: target.file,
        node: target.node ?? target.attribute,
        messageId: match.provider ? 'thirdPartyOauth' : 'genericOauth',
        data: match.provider ? { via, url: shown, provider: match.provider.name } : { via, url: shown, host: match.host },
        confidence: match.provider ? undefined : 'low',
      });
    };
    const check = (node: Node, file: JsFile, via: string) => {
      const known = context.project.evaluator.stringPrefix(node, file);
      const complete = known.value !== undefined;
      const match = matchOauth(known.value ?? known.prefix, complete);
      if (match) report(match, complete ? known.value! : `${known.prefix}…`, via, { node, file: file.path });
    };
    return {
      // No file visitors: the request calls and web-view sources come from each file's scan (kept
      // per file content), so the rule forces no walks. A request URL is evaluated again only when
      // a file it was built from changes; the own-login check follows taps across files (ASTs).
      project(project) {
        for (const { site, url, match } of oauthRequests(project)) {
          report(match, url.complete ? url.text : `${url.text}…`, site.call.spelling === 'alias' ? 'request()' : 'bn.request', { node: optionValue(site.call.options, 'url'), file: site.file.path });
        }
        for (const { file, element, value } of jsxWebViewSrcs(project)) check(value, file, `<${element} src>`);
        for (const { file, attribute, match } of templateWebViews(project)) report(match, attribute.value!, '<web-view src>', { attribute, file });
        for (const login of findPasswordLogins(project)) {
          context.report({
            file: login.file,
            span: login.span,
            messageId: 'passwordLogin',
            data: { trigger: login.trigger.label, url: login.url },
            confidence: 'medium',
          });
        }
      },
    };
  },
});

/** `<web-view src="https://open.weixin.qq.com/connect/oauth2/authorize?…">` of every template, in walk order. */
function templateWebViews(project: Project): TemplateWebView[] {
  const scans = scanFiles(project, 'api/template-web-views', (file) => (file.kind === 'bxml' ? webViewsIn(file) : undefined));
  let found = merged.get(scans);
  if (!found) merged.set(scans, (found = scans.flatMap((scan) => scan.value)));
  return found;
}

interface TemplateWebView {
  file: string;
  attribute: BxmlAttribute;
  match: OauthMatch;
}

/** The merged list, once per list of scans (the same list while no template's scan changed). */
const merged = new WeakMap<ReadonlyArray<Scanned<TemplateWebView[]>>, TemplateWebView[]>();

/** A template's sign-in web views (undefined for none): they need nothing from other files. */
function webViewsIn(template: BxmlFile): TemplateWebView[] | undefined {
  const out: TemplateWebView[] = [];
  for (const element of elementsOf(template.document)) {
    if (element.name !== 'web-view') continue;
    const src = element.attributes.find((attribute) => attribute.name === 'src');
    if (!src?.value || src.expressions.length) continue;
    const match = matchOauth(src.value, true);
    if (match) out.push({ file: template.path, attribute: src, match });
  }
  return out.length ? out : undefined;
}
