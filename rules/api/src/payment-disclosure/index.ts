import { defineRule, type BnCall } from '@bmplint/core';
import { lineOf } from '@bmplint/core';
import { paymentWording } from './wording.js';

export default defineRule({
  meta: {
    id: 'api/payment-disclosure',
    clauses: ['4.3.1'],
    severity: 'error',
    suppressible: true,
    needs: ['listing'],
    docs: { description: 'A mini program that calls bn.requestPayment must say in its listing description that it takes payments.' },
    messages: {
      notDisclosed: 'The description never says the mini program takes payments, but it calls {{api}} ({{where}}): say in the introduction what users pay for and how, e.g. "Pro signals for 4.99 USDT a month, paid with Binance Pay" (4.3.1).',
      noDescription: '{{api}} takes payments, but the listing ({{listing}}) has no description to say so: add a description that tells users what they pay for (4.3.1).',
    },
  },
  create(context) {
    let first: { file: string; call: BnCall; line: number } | undefined;
    return {
      js: {
        bnCall(call) {
          const file = context.file;
          if (!first && call.name === 'requestPayment' && file) first = { file: file.path, call, line: lineOf(file, call.node.start ?? 0) };
        },
      },
      project(project) {
        const listing = project.listing;
        if (!first || !listing?.value) return;
        const api = first.call.spelling === 'alias' ? 'requestPayment()' : 'bn.requestPayment';
        const description = listing.value.description;
        if (description === undefined) {
          context.report({ file: first.file, node: first.call.node, messageId: 'noDescription', data: { api, listing: listing.file } });
          return;
        }
        // A description of the wrong type is the listing schema rule's finding.
        if (typeof description !== 'string' || paymentWording(description)) return;
        const span = listing.locate(['description']);
        context.report({ file: span.file, span, messageId: 'notDisclosed', data: { api, where: `${first.file}:${first.line}` } });
      },
    };
  },
});
