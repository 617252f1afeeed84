import { defineRule } from '@bmplint/core';
import { spanOf } from '../listing-text.js';
import { TRADEMARKS, topicOf } from '../data/lists.js';
import { kindOf, listingFields, quote } from '../text/fields.js';

/** Trademark and service-mark signs: 2.2.4's "special superscripts/subscripts similar to these trademarks". */
const TRADEMARK_SIGN = /[™®℠]/gu;

export default defineRule({
  meta: {
    id: 'basic-info/trademark-in-name',
    clauses: ['2.2.3', '2.2.4', '5.7.1'],
    severity: 'error',
    suppressible: true,
    needs: ['listing'],
    fixable: 'code',
    projectInput: 'facts',
    docs: { description: 'The listing name must not use Binance\'s brand as if the app were Binance\'s own, other companies\' brands or popular app names, "official" claims, or trademark signs, without authorisation.' },
    messages: {
      binance: 'The listing name uses "{{text}}" as if the mini program were Binance\'s own: without Binance\'s authorisation a name may only mention the platform it works with ("… for Binance") (2.2.4, 5.7.1).',
      brand: 'The listing name uses "{{text}}" ({{kind}}): a name may not use another company\'s brand or app name without its authorisation (2.2.4).',
      popularApp: 'The listing name uses the popular app name "{{text}}": the basic info must not borrow other apps\' names to attract searches, nor use their brands without authorisation (2.2.3, 2.2.4).',
      official: 'The listing name claims to be official or authorised ("{{text}}"): the platform asks for proof of authorisation before a name may say so (2.2.4).',
      sign: 'The listing name carries the trademark sign "{{text}}": names may not carry trademark marks (2.2.4).',
    },
  },
  create(context) {
    return {
      project(project) {
        const listing = project.listing;
        for (const text of listingFields(project, ['name'])) {
          const found: Array<{ start: number; end: number; messageId: string; data: Record<string, string>; confidence?: 'medium' }> = [];
          for (const match of TRADEMARKS.scan(text.value)) {
            const topic = topicOf(match.list);
            const data = { text: quote(match.text), kind: kindOf(match.entry.note, 'brand') };
            if (topic === 'binance') found.push({ start: match.start, end: match.end, messageId: 'binance', data });
            else if (topic === 'popular-apps') found.push({ start: match.start, end: match.end, messageId: 'popularApp', data });
            else if (topic === 'official') found.push({ start: match.start, end: match.end, messageId: 'official', data, confidence: 'medium' });
            else found.push({ start: match.start, end: match.end, messageId: 'brand', data });
          }
          for (const sign of text.value.matchAll(TRADEMARK_SIGN)) {
            found.push({ start: sign.index, end: sign.index + sign[0].length, messageId: 'sign', data: { text: sign[0] }, confidence: 'medium' });
          }
          for (const { start, end, messageId, data, confidence } of found) {
            const span = spanOf(text, start, end);
            // A trademark sign carries no meaning of the name: removing it is safe; brand words need a person.
            const fix = messageId === 'sign' ? () => ({ range: [span.start, span.end] as [number, number], text: '' }) : undefined;
            context.report({ file: listing!.file, span, messageId, data, ...(confidence ? { confidence } : {}), fix });
          }
        }
      },
    };
  },
});
