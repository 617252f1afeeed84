/**
 * The output step of `bmplint check`: picks the colour, gathers what the HTML report shows from the
 * bundle (code, listing, logo), formats, and prints or writes the report file atomically.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { dirnameOf, InputError, joinPath, openBundle, type AnyRule, type Bundle, type LintResult } from '@bmplint/core';
import { formatReport, type ReportFormat, type ReportListing, type ReportOptions } from './formatters/index.js';
import { TOOL } from './tool.js';

export interface OutputOptions {
  format: ReportFormat;
  outputFile?: string;
  /** `--color` (true) or `--no-color` (false); undefined when neither was given. */
  color?: boolean;
  verbose?: boolean;
  listing?: string;
}

const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export async function writeReport(
  result: LintResult,
  checkedPath: string,
  options: OutputOptions,
  context: { rules: readonly AnyRule[]; isTTY: boolean; stdout: (text: string) => void; env?: NodeJS.ProcessEnv },
): Promise<void> {
  const report: ReportOptions = {
    tool: TOOL,
    root: checkedPath.split('\\').join('/'),
    cwd: process.cwd(),
    color: useColor(options.color, context.env ?? process.env, context.isTTY && !options.outputFile),
    verbose: options.verbose,
    rules: context.rules,
  };
  if (options.format === 'html') Object.assign(report, await bundleContent(checkedPath, options.listing));
  const text = formatReport(result, options.format, report);
  if (options.outputFile) writeFileAtomically(options.outputFile, text);
  else context.stdout(text);
}

/** `--color`/`--no-color` win; then FORCE_COLOR (0 or false turn colour off), then NO_COLOR, then whether output is a terminal. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, terminal: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.toLowerCase());
  if (env.NO_COLOR) return false;
  return terminal;
}

/** Writes beside the target and renames over it: a reader never sees half a report. */
export function writeFileAtomically(file: string, text: string): void {
  const target = resolve(file);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the folder itself is not writable or not a folder: there is no temporary file to remove
    }
    throw new InputError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** What the HTML report reads from the bundle: file text for the code around findings, and the listing with its logo. */
async function bundleContent(checkedPath: string, listingFile: string | undefined): Promise<Pick<ReportOptions, 'readFile' | 'listing'>> {
  let bundle: Bundle | undefined;
  try {
    bundle = await openBundle(checkedPath);
  } catch {
    bundle = undefined; // the lint run already reported an unreadable input
  }
  const readFile = bundle && ((path: string) => (bundle.has(path) ? bundle.read(path) : undefined));
  return { readFile, listing: listingFile ? externalListing(listingFile) : bundle && bundledListing(bundle) };
}

function bundledListing(bundle: Bundle): ReportListing | undefined {
  // Beside the app, or inside the single folder a zip wraps it in.
  const path = ['listing.json', ...[...bundle.entries.keys()].filter((entry) => /^[^/]+\/listing\.json$/.test(entry)).sort()].find((candidate) => bundle.has(candidate));
  const raw = path && parseListing(bundle.read(path));
  if (!path || !raw) return undefined;
  const logo = typeof raw.logo === 'string' ? joinPath(dirnameOf(path), raw.logo) : undefined;
  return listingOf(raw, logo && bundle.has(logo) && (bundle.entries.get(logo)?.size ?? Infinity) <= MAX_LOGO_BYTES ? bundle.read(logo) : undefined);
}

function externalListing(file: string): ReportListing | undefined {
  let raw: Record<string, unknown> | undefined;
  try {
    raw = parseListing(readFileSync(file));
  } catch {
    return undefined; // the lint run already reported an unreadable listing
  }
  if (!raw) return undefined;
  let logo: Uint8Array | undefined;
  if (typeof raw.logo === 'string') {
    // Only a logo inside the listing's own folder is read: a listing must not reach other host files.
    const folder = dirname(resolve(file));
    const path = resolve(folder, raw.logo);
    const inside = relative(folder, path);
    try {
      const stats = lstatSync(path); // a link is not followed
      if (inside && !inside.startsWith('..') && !isAbsolute(inside) && stats.isFile() && stats.size <= MAX_LOGO_BYTES) logo = readFileSync(path);
    } catch {
      logo = undefined;
    }
  }
  return listingOf(raw, logo);
}

function parseListing(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function listingOf(raw: Record<string, unknown>, logo: Uint8Array | undefined): ReportListing {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const list = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]).filter((item): item is string => typeof item === 'string') : undefined);
  return {
    appId: text('appId'),
    name: text('name'),
    description: text('description'),
    category: text('category'),
    tags: list('tags'),
    serviceDomains: list('serviceDomains'),
    businessDomains: list('businessDomains'),
    logo,
  };
}
