import { existsSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { defineRule, describeSchemaError, listingSchema, schemaErrorPath, validateWithSchema, type SchemaError } from '@bmplint/core';

const ORIGIN_LISTS = new Set(['serviceDomains', 'businessDomains']);

export default defineRule({
  meta: {
    id: 'basic-info/listing-schema',
    clauses: ['2.2.6'],
    severity: 'error',
    suppressible: false,
    needs: ['listing'],
    projectInput: 'facts',
    docs: { description: 'listing.json must match the listing schema (name, description and logo present, fields of the right type) and its logo file must exist.' },
    messages: {
      invalid: 'Invalid listing: {{problem}} (2.2.6).',
      logoMissing: 'The logo "{{logo}}" {{where}}: the listing needs its logo image (2.2.6).',
    },
  },
  create(context) {
    return {
      project(project) {
        const listing = project.listing;
        // A listing.json that does not parse is reported as a syntax error; there is nothing to validate.
        if (!listing || listing.json.errors.length || listing.json.value === undefined) return;
        for (const error of simplify(validateWithSchema(listingSchema, listing.json.value))) {
          const path = pathOf(error);
          const span = listing.locate(path, { key: error.keyword === 'additionalProperties' });
          context.report({
            file: listing.file,
            // An error about the whole file (a missing property) points at its opening brace, not at every line.
            span: path.length ? span : { start: span.start, end: Math.min(span.end, span.start + 1) },
            messageId: 'invalid',
            data: { problem: describe(error) },
          });
        }
        const logo = listing.listing.logo;
        if (!logo) return;
        const path = listing.logoPath;
        let where: string | undefined;
        if (path === undefined) where = 'points outside the folder of listing.json, so it is not read';
        else if (isAbsolute(path)) {
          // Named relative to the listing: a host path has no place in a report.
          if (!isFile(path)) where = 'does not exist beside listing.json';
        } else if (!project.bundle.has(path)) where = path === logo ? 'is not in the bundle' : `is not in the bundle (looked for ${path})`;
        if (where) context.report({ file: listing.file, span: listing.locate(['logo']), messageId: 'logoMissing', data: { logo, where } });
      },
    };
  },
});

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Where to point: the value, the extra key, or the duplicate item of a uniqueItems error. */
function pathOf(error: SchemaError): Array<string | number> {
  const path = schemaErrorPath(error);
  // The later of the two equal items is the duplicate.
  if (error.keyword === 'uniqueItems') path.push(Math.max((error.params as { i: number }).i, (error.params as { j: number }).j));
  return path;
}

function describe(error: SchemaError): string {
  const path = schemaErrorPath(error);
  if (error.keyword === 'pattern' && typeof path[0] === 'string' && ORIGIN_LISTS.has(path[0])) {
    return `"${path.join('.')}" must be an origin such as "https://api.example.com" (scheme and host, no path)`;
  }
  if (error.keyword === 'uniqueItems') {
    const { i, j } = error.params as { i: number; j: number };
    return `"${path.join('.')}" lists the same value twice (items ${Math.min(i, j)} and ${Math.max(i, j)})`;
  }
  if (error.keyword === 'minLength' && (error.params as { limit: number }).limit === 1) return `"${path.join('.')}" must not be empty`;
  return describeSchemaError(error);
}

/**
 * ajv reports a failed `oneOf` as the oneOf error plus every branch's errors. Keep what helps: the
 * errors of the branch whose type matched (`testAccount: { id: "" }` → the id is empty), or, when no
 * branch's type matched, one type error naming every allowed type.
 */
export function simplify(errors: SchemaError[]): SchemaError[] {
  const combinators = errors.filter((error) => (error.keyword === 'oneOf' || error.keyword === 'anyOf') && !(error.params as { passingSchemas?: unknown }).passingSchemas);
  if (!combinators.length) return errors;
  const drop = new Set<SchemaError>();
  const add: SchemaError[] = [];
  for (const combinator of combinators) {
    if (drop.has(combinator)) continue;
    const prefix = `${combinator.schemaPath}/`;
    const branches = new Map<string, SchemaError[]>();
    for (const error of errors) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const typeError = (branch: string) =>
      branches.get(branch)?.find((error) => error.keyword === 'type' && error.instancePath === combinator.instancePath && error.schemaPath === `${prefix}${branch}/type`);
    const matching = [...branches.keys()].find((branch) => !typeError(branch));
    drop.add(combinator);
    for (const list of branches.values()) for (const error of list) drop.add(error);
    if (matching !== undefined) add.push(...branches.get(matching)!);
    else {
      const types = [...branches.keys()].map((branch) => String((typeError(branch)!.params as { type: string }).type));
      add.push({ ...combinator, keyword: 'type', params: { type: types.join(' or ') }, message: `must be ${types.join(' or ')}` });
    }
  }
  return [...errors.filter((error) => !drop.has(error)), ...add];
}
