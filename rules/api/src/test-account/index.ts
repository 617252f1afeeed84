import { defineRule, optionValue } from '@bmplint/core';
import { lineOf } from '@bmplint/core';
import { findPasswordLogins, matchOauth } from '../third-party-login/detect.js';

/** APIs that mean the app has user accounts or paid content. */
const EVIDENCE: Record<string, string> = {
  login: 'Binance login',
  ensureLoggedIn: 'Binance login',
  requestPayment: 'paid content',
};

export default defineRule({
  meta: {
    id: 'api/test-account',
    clauses: ['6.5'],
    severity: 'error',
    suppressible: true,
    needs: ['listing'],
    docs: { description: 'A mini program with accounts (bn.login, third-party or own login) or paid content (bn.requestPayment) must give reviewers a test account in its listing.' },
    messages: {
      noTestAccount: 'The mini program has {{what}} ({{where}}) but the listing gives no testAccount: add "testAccount": { "id": …, "password": … } so reviewers can use every feature (6.5).',
      nullTestAccount: 'The mini program has {{what}} ({{where}}) but testAccount is null: give reviewers an account id and password that reach every feature (6.5).',
    },
  },
  create(context) {
    let evidence: { what: string; where: string } | undefined;
    return {
      js: {
        bnCall(call) {
          const file = context.file;
          if (evidence || !file) return;
          const where = `${call.spelling === 'alias' ? `${call.name}()` : `bn.${call.name}`} in ${file.path}:${lineOf(file, call.node.start ?? 0)}`;
          if (EVIDENCE[call.name]) evidence = { what: EVIDENCE[call.name], where };
          else if (call.name === 'request' && context.jsFile) {
            const url = optionValue(call.options, 'url');
            const known = url ? context.project.evaluator.stringPrefix(url, context.jsFile) : undefined;
            const match = known ? matchOauth(known.value ?? known.prefix, known.value !== undefined) : undefined;
            if (match?.provider) evidence = { what: `${match.provider.name} sign-in`, where };
          }
        },
      },
      project(project) {
        const listing = project.listing;
        if (!listing?.value) return;
        const account = listing.value.testAccount;
        if (account !== undefined && account !== null) return;
        let found = evidence;
        if (!found) {
          const login = findPasswordLogins(project)[0];
          const file = login ? project.parsed(login.file) : undefined;
          if (login && file) found = { what: 'its own password login', where: `${login.file}:${lineOf(file, login.span.start)}` };
        }
        if (!found) return;
        if (account === null) {
          const span = listing.locate(['testAccount'], { key: true });
          context.report({ file: span.file, span, messageId: 'nullTestAccount', data: found });
        } else {
          const root = listing.locate([]);
          context.report({ file: root.file, span: { start: root.start, end: root.start + 1 }, messageId: 'noTestAccount', data: found });
        }
      },
    };
  },
});
