import { defineRule, optionValue, type BxmlAttribute, type JsFile } from '@bmplint/core';
import type { Node } from '@bmplint/core';
import { findPasswordLogins, matchOauth, type OauthMatch } from './detect.js';

export default defineRule({
  meta: {
    id: 'api/third-party-login',
    clauses: ['4.2.1'],
    severity: 'error',
    suppressible: true,
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
      if (match) report(match, complete ? known.value! : `${known.prefix}…`, via, { node });
    };
    return {
      js: {
        bnCall(call) {
          const file = context.jsFile;
          if (call.name !== 'request' || !file) return;
          const url = optionValue(call.options, 'url');
          if (url) check(url, file, call.spelling === 'alias' ? 'request()' : 'bn.request');
        },
        // React: <WebView src="https://accounts.google.com/…">
        JSXOpeningElement(element) {
          const file = context.jsFile;
          if (!file || element.name.type !== 'JSXIdentifier' || !/^(WebView|web-view)$/.test(element.name.name)) return;
          for (const attribute of element.attributes) {
            if (attribute.type !== 'JSXAttribute' || attribute.name.name !== 'src' || !attribute.value) continue;
            const value = attribute.value.type === 'JSXExpressionContainer' ? attribute.value.expression : attribute.value;
            if (value.type !== 'JSXEmptyExpression') check(value as Node, file, `<${element.name.name} src>`);
          }
        },
      },
      bxml: {
        // <web-view src="https://open.weixin.qq.com/connect/oauth2/authorize?…">
        element(element) {
          if (element.name !== 'web-view') return;
          const src = element.attributes.find((attribute) => attribute.name === 'src');
          if (!src?.value || src.expressions.length) return;
          const match = matchOauth(src.value, true);
          if (match) report(match, src.value, '<web-view src>', { attribute: src });
        },
      },
      project(project) {
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
