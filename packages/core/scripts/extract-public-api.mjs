// Derives the list of PUBLIC `bn.*` API names from the type declarations of the
// official `@binance/mp-service` npm package (used by rule `api/no-private-api`,
// Operation Rules clause 4.1.1). See ./README.md for how membership is decided.
//
// Nothing in here is hand-typed API knowledge: the list is whatever the package's
// `dist/index.d.ts` declares as properties of its default export's type.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const PACKAGE_NAME = '@binance/mp-service';

/**
 * Name of the type alias (an intersection constituent of the default export's
 * declared type) that describes the runtime `bn` object. In 2.0.12:
 *   type PublicAPI = IPublicApis & PublicAPI$1      // rawApi namespace + every plugin's `apis`
 *   declare const MPService: TaroJS & PublicAPI
 *   export { MPService as default };
 */
const BN_TYPE_NAME = 'PublicAPI';

const VIRTUAL_DIR = '/__bmplint_public_api__';
const VIRTUAL_DTS = `${VIRTUAL_DIR}/index.d.ts`;
const VIRTUAL_LIB = `${VIRTUAL_DIR}/lib.es5.d.ts`;

let cachedLibText;
function es5LibText() {
  // lib.es5.d.ts provides the utility types the d.ts relies on to compose the API
  // object (ReturnType, Required, Omit, Partial, Record, ...). DOM types are not
  // needed to decide membership.
  if (cachedLibText === undefined) {
    const libDir = path.dirname(ts.getDefaultLibFilePath({}));
    cachedLibText = readFileSync(path.join(libDir, 'lib.es5.d.ts'), 'utf8');
  }
  return cachedLibText;
}

/** Program over exactly two in-memory files: the package d.ts and lib.es5.d.ts. */
function createProgram(dtsText) {
  const files = new Map([
    [VIRTUAL_DTS, dtsText],
    [VIRTUAL_LIB, es5LibText()],
  ]);
  const options = {
    noLib: true, // lib.es5.d.ts is passed explicitly as a root
    noResolve: true, // ignore `/// <reference types="react|vue" />`: result must not depend on what else is installed
    types: [],
    target: ts.ScriptTarget.ES2020,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = {
    getSourceFile: (fileName, languageVersion) =>
      files.has(fileName) ? ts.createSourceFile(fileName, files.get(fileName), languageVersion, true) : undefined,
    getDefaultLibFileName: () => VIRTUAL_LIB,
    writeFile: () => {},
    getCurrentDirectory: () => VIRTUAL_DIR,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => files.has(f),
    readFile: (f) => files.get(f),
    directoryExists: (d) => d === VIRTUAL_DIR,
    getDirectories: () => [],
  };
  return ts.createProgram({ rootNames: [...files.keys()], options, host });
}

/** The `declare const X: ...` behind `export { X as default }` / `export default X`. */
function findDefaultExportDeclaration(checker, sourceFile) {
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (!moduleSymbol) throw new Error(`${PACKAGE_NAME} d.ts is not a module (no exports found)`);
  const defaultSymbol = checker.getExportsOfModule(moduleSymbol).find((s) => s.escapedName === 'default');
  if (!defaultSymbol) throw new Error(`${PACKAGE_NAME} d.ts has no default export`);
  const target = defaultSymbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(defaultSymbol) : defaultSymbol;
  const decl = target.valueDeclaration ?? target.declarations?.[0];
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.type) {
    throw new Error(`${PACKAGE_NAME}: expected the default export to be a \`declare const\` with a type annotation`);
  }
  return decl;
}

/** Split `A & (B & C)` into its constituent type nodes. */
function intersectionParts(node) {
  if (ts.isParenthesizedTypeNode(node)) return intersectionParts(node.type);
  if (ts.isIntersectionTypeNode(node)) return node.types.flatMap(intersectionParts);
  return [node];
}

function typeNodeName(node) {
  return ts.isTypeReferenceNode(node) ? node.typeName.getText() : node.getText();
}

/** Nearest enclosing named declaration (interface / type alias / namespace / class) of a member. */
function containerName(decl) {
  for (let n = decl.parent; n; n = n.parent) {
    if (
      (ts.isInterfaceDeclaration(n) ||
        ts.isTypeAliasDeclaration(n) ||
        ts.isModuleDeclaration(n) ||
        ts.isClassDeclaration(n)) &&
      n.name
    ) {
      return n.name.text;
    }
  }
  return '<anonymous>';
}

function memberKind(checker, symbol) {
  const type = checker.getNonNullableType(checker.getTypeOfSymbol(symbol));
  if (type.getCallSignatures().length > 0) return 'function';
  if (type.getConstructSignatures().length > 0) return 'class';
  if (type.flags & ts.TypeFlags.Object || type.isIntersection()) return 'namespace';
  return 'property';
}

const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Extract the public API surface from the text of `@binance/mp-service`'s `dist/index.d.ts`.
 *
 * @param {string} dtsText contents of dist/index.d.ts
 * @param {{ version?: string | null }} [options] package version to record in `source`
 * @returns {{
 *   source: { package: string, version: string | null },
 *   members: Array<{ name: string, kind: 'function' | 'class' | 'namespace' | 'property',
 *                    origin: 'bn' | 'default-export-only', declaredIn: string[] }>
 * }}
 *   origin 'bn': member of the `PublicAPI` type = the runtime `bn` object (also on the default export).
 *   origin 'default-export-only': only on the default export (`mpService`), via the Taro-heritage `TaroJS` type.
 */
export function extractPublicApi(dtsText, { version = null } = {}) {
  if (typeof dtsText !== 'string' || dtsText.length === 0) throw new TypeError('dtsText must be a non-empty string');

  const program = createProgram(dtsText);
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(VIRTUAL_DTS);

  const defaultDecl = findDefaultExportDeclaration(checker, sourceFile);
  const parts = intersectionParts(defaultDecl.type);
  const bnParts = parts.filter((p) => typeNodeName(p) === BN_TYPE_NAME);
  if (bnParts.length !== 1) {
    throw new Error(
      `${PACKAGE_NAME}: expected the default export's type to be an intersection containing \`${BN_TYPE_NAME}\` ` +
        `(the bn object type); found \`${defaultDecl.type.getText()}\`. The package layout changed: update extract-public-api.mjs.`,
    );
  }

  const bnNames = new Set(
    checker.getPropertiesOfType(checker.getTypeFromTypeNode(bnParts[0])).map((s) => s.name),
  );
  const allSymbols = checker.getPropertiesOfType(checker.getTypeAtLocation(defaultDecl.name));
  const allNames = new Set(allSymbols.map((s) => s.name));
  for (const name of bnNames) {
    if (!allNames.has(name)) throw new Error(`${PACKAGE_NAME}: bn member ${name} missing from the default export type`);
  }

  const members = allSymbols
    .map((symbol) => ({
      name: symbol.name,
      kind: memberKind(checker, symbol),
      origin: bnNames.has(symbol.name) ? 'bn' : 'default-export-only',
      declaredIn: [...new Set((symbol.declarations ?? []).map(containerName))].sort(byCodeUnits),
    }))
    .sort((a, b) => byCodeUnits(a.name, b.name));

  return { source: { package: PACKAGE_NAME, version }, members };
}

/**
 * Locate the installed `@binance/mp-service` (a devDependency of rules/api) and read its d.ts.
 * @returns {{ version: string, dtsText: string }}
 */
export function readInstalledPackage() {
  const require = createRequire(new URL('../package.json', import.meta.url));
  const pkgJsonPath = require.resolve(`${PACKAGE_NAME}/package.json`);
  const pkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
  const typesEntry = pkg.types ?? pkg.typings ?? 'index.d.ts';
  const dtsText = readFileSync(path.join(path.dirname(pkgJsonPath), typesEntry), 'utf8');
  return { version: pkg.version, dtsText };
}

/** Canonical on-disk form of the data file: 2-space JSON with a trailing newline. */
export function toJsonText(data) {
  return `${JSON.stringify(data, null, 2)}\n`;
}
