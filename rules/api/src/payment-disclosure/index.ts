import { defineRule } from '@bmplint/core';
import { lineOf } from '@bmplint/core';
import { paymentWording } from './wording.js';

export default defineRule({
  meta: {
    id: 'api/payment-disclosure',
    clauses: ['4.3.1'],
    severity: 'error',
    suppressible: true,
    needs: ['listing'],
    projectInput: 'facts',
    docs: { description: 'A mini program that calls bn.requestPayment must say in its listing description that it takes payments.' },
    messages: {
      notDisclosed: 'The description never says the mini program takes payments, but it calls {{api}} ({{where}}): say in the introduction what users pay for and how, e.g. "Pro signals for 4.99 USDT a month, paid with Binance Pay" (4.3.1).',
      noDescription: '{{api}} takes payments, but the listing ({{listing}}) has no description to say so: add a description that tells users what they pay for (4.3.1).',
    },
  },
  create(context) {
    /** The file being walked has recorded its first payment call: later ones add nothing. */
    let recordedIn: string | undefined;
    return {
      js: {
        bnCall(call) {
          const file = context.file;
          if (call.name !== 'requestPayment' || !file || recordedIn === file.path) return;
          recordedIn = file.path;
          const fact: Payment = { api: call.spelling === 'alias' ? 'requestPayment()' : 'bn.requestPayment', span: { start: call.node.start ?? 0, end: call.node.end ?? 0 }, line: lineOf(file, call.node.start ?? 0) };
          context.record(fact);
        },
      },
      project(project) {
        const listing = project.listing;
        if (!listing?.value) return;
        // The first payment call in walk order, as the message names one.
        const [file, facts] = [...(context.facts() as ReadonlyMap<string, readonly Payment[]>)].find(([, list]) => list.length) ?? [];
        const first = facts?.[0];
        if (!file || !first) return;
        const description = listing.value.description;
        if (description === undefined) {
          context.report({ file, span: first.span, messageId: 'noDescription', data: { api: first.api, listing: listing.file } });
          return;
        }
        // A description of the wrong type is the listing schema rule's finding.
        if (typeof description !== 'string' || paymentWording(description)) return;
        const span = listing.locate(['description']);
        context.report({ file: span.file, span, messageId: 'notDisclosed', data: { api: first.api, where: `${file}:${first.line}` } });
      },
    };
  },
});

/** A file's first bn.requestPayment call, recorded for the project hook. */
interface Payment {
  api: string;
  span: { start: number; end: number };
  line: number;
}
