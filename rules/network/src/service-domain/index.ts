import { defineRule, optionValue, type JsFile, type ReportTarget } from '@bmplint/core';
import { networkCallsInText } from './text.js';
import { checkUrl, displayUrl, jsFileFor, listedOrigins, URL_SUBJECT, type UrlCheck, type UrlProblem } from '../origins.js';

/** The network APIs whose `url` must be a Service Domain, and the scheme each must use. */
const NETWORK_APIS = new Map<string, { expected: string[]; insecure: string[] }>([
  ['request', { expected: ['https'], insecure: ['http'] }],
  ['uploadFile', { expected: ['https'], insecure: ['http'] }],
  ['downloadFile', { expected: ['https'], insecure: ['http'] }],
  ['connectSocket', { expected: ['wss'], insecure: ['ws'] }],
]);

export default defineRule({
  meta: {
    id: 'network/service-domain',
    clauses: ['portal:service-domain'],
    severity: 'error',
    suppressible: false,
    needs: ['listing'],
    // Over the parse limit, its `file.enter` reads these (text.ts).
    textKinds: ['js'],
    docs: { description: 'Every URL passed to bn.request, uploadFile, downloadFile and connectSocket must be https/wss, not an IP or local host, and a listed Service Domain.' },
    messages: {
      insecureScheme: 'bn.{{api}} reaches {{url}} over unencrypted {{scheme}}://: Service Domain URLs of {{api}} must use {{expected}}:// (portal:service-domain).',
      wrongScheme: 'bn.{{api}} reaches {{url}} with the {{scheme}}:// scheme: URLs of {{api}} must use {{expected}}:// (portal:service-domain).',
      ipOrLocal: 'bn.{{api}} reaches {{host}}, {{what}}: Service Domains must be public https domain names, not IP addresses, localhost or private hosts (portal:service-domain).',
      notListed: 'bn.{{api}} reaches {{origin}}, which is not in the app\'s Service Domain list: add {{origin}} to the Service Domain list in the Management Portal (and to serviceDomains in listing.json) (portal:service-domain).',
    },
    subject: URL_SUBJECT,
  },
  create(context) {
    let listed: UrlCheck['listed'] | null = null;
    const checked = new Map<string, readonly UrlProblem[]>();
    const scripts = new WeakMap<object, JsFile>();
    return {
      js: {
        bnCall(call) {
          const api = NETWORK_APIS.get(call.name);
          if (!api) return;
          const url = optionValue(call.options, 'url');
          if (!url) return;
          const file = jsFileFor(context, url.start ?? 0, scripts);
          if (!file) return;
          const known = context.project.evaluator.stringPrefix(url, file);
          check(call.name, known.value ?? known.prefix, known.value !== undefined, { node: url });
        },
      },
      file: {
        enter(file) {
          // A script too large to parse: the calls with a literal url, read from its text.
          if (!file.textOnly || file.kind !== 'js') return;
          const { calls, bnMayBeLocal } = networkCallsInText(file.text);
          // Where the file may have a `bn` of its own, only a parse could tell the API from it.
          for (const call of calls) check(call.api, call.value, call.complete, { span: { start: call.start, end: call.end }, severity: bnMayBeLocal ? 'warning' : undefined });
        },
      },
    };

    /** Reports what is wrong with the url (or its known start) of a call of `name`. */
    function check(name: string, url: string, complete: boolean, target: { node: ReportTarget } | { span: { start: number; end: number }; severity?: 'warning' }) {
      const api = NETWORK_APIS.get(name)!;
      if (listed === null) listed = listedOrigins(context.project, 'serviceDomains');
      // A file's calls mostly share a few URL starts (a base URL and a path): each is checked once.
      const key = `${name}\0${complete ? 1 : 0}\0${url}`;
      let problems = checked.get(key);
      if (!problems) checked.set(key, (problems = checkUrl(url, complete, { ...api, listed }) ?? []));
      for (const problem of problems) {
        const { messageId, ...details } = problem;
        const data: Record<string, string> = { api: name, url: displayUrl(url, complete), ...details };
        if ('scheme' in details) data.expected = api.expected.join('|');
        context.report({ ...target, messageId, data });
      }
    }
  },
});
