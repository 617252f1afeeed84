import { defineRule, type Project } from '@bmplint/core';
import { lineOf } from '@bmplint/core';
import { findPasswordLogins } from '../third-party-login/detect.js';
import { bnSites, oauthByCall } from '../sites.js';

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
    // The hook follows taps across files (core's flow analysis): it reads ASTs.
    projectInput: 'asts',
    treesRead: ['js', 'bxml'],
    // No js visitors (they would force a walk of every file on every run), yet it checks scripts.
    checksScripts: true,
    needs: ['listing'],
    docs: { description: 'A mini program with accounts (bn.login, third-party or own login) or paid content (bn.requestPayment) must give reviewers a test account in its listing.' },
    messages: {
      noTestAccount: 'The mini program has {{what}} ({{where}}) but the listing gives no testAccount: add "testAccount": { "id": …, "password": … } so reviewers can use every feature (6.5).',
      nullTestAccount: 'The mini program has {{what}} ({{where}}) but testAccount is null: give reviewers an account id and password that reach every feature (6.5).',
    },
  },
  create(context) {
    return {
      // No file visitors: the calls come from each file's scan (kept per file content), so the
      // rule forces no walks. Only without a Binance login, payment or OAuth call does the hook
      // look for an own password login, which follows taps across files (ASTs).
      project(project) {
        const listing = project.listing;
        if (!listing?.value) return;
        const account = listing.value.testAccount;
        if (account !== undefined && account !== null) return;
        let found = evidenceOf(project);
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

/** The first call (in walk order) that shows accounts or paid content: Binance login, payment, an OAuth provider's sign-in. */
function evidenceOf(project: Project): { what: string; where: string } | undefined {
  const oauth = oauthByCall(project);
  for (const { file, call } of bnSites(project)) {
    const provider = call.name === 'request' ? oauth.get(call.node)?.match.provider : undefined;
    const what = Object.hasOwn(EVIDENCE, call.name) ? EVIDENCE[call.name] : provider ? `${provider.name} sign-in` : undefined;
    if (what) return { what, where: `${call.spelling === 'alias' ? `${call.name}()` : `bn.${call.name}`} in ${file.path}:${lineOf(file, call.node.start ?? 0)}` };
  }
  return undefined;
}
