import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from '@bmplint/core';
import type { Command } from 'commander';
import type { CommandIo } from './portal-deps.js';

interface UploadOptions {
  server: string;
  token?: string;
  app: string;
  version: string;
  description?: string;
  timeout: string;
}

/** Folders that are never part of an uploaded bundle. */
const SKIPPED = new Set(['.git', 'node_modules', '.bmplint-cache']);
const MAX_BYTES = 50 * 1024 * 1024;

/** `bmplint upload`: zips a bundle, uploads it as a new version, waits for the audit and prints its summary. */
export function registerUpload(program: Command, io: CommandIo, setExitCode: (code: number) => void): void {
  program
    .command('upload')
    .description('upload a version to a review portal, wait for its audit and print the summary (exit 1 on errors)')
    .argument('<path>', 'the app folder or a zip of it')
    .requiredOption('--server <url>', 'portal URL, e.g. http://127.0.0.1:8080')
    .option('--token <token>', 'API token (default: env BMPLINT_TOKEN)')
    .requiredOption('--app <id>', 'application id')
    .requiredOption('--version <version>', 'version string, e.g. 1.2.0')
    .option('--description <text>', 'version description')
    .option('--timeout <seconds>', 'how long to wait for the audit', '600')
    .action(async (path: string, options: UploadOptions) => {
      const token = options.token ?? process.env.BMPLINT_TOKEN;
      if (!token) throw new InputError('give --token or set BMPLINT_TOKEN');
      let base: URL;
      try {
        base = new URL(options.server);
      } catch {
        throw new InputError(`--server is not a URL: ${options.server}`);
      }
      const bytes = await bundleBytes(path);
      const call = async (method: string, route: string, body?: Uint8Array) => {
        let response: Response;
        try {
          response = await fetch(new URL(route, base), {
            method, body,
            headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/zip' } : {}) },
          });
        } catch (error) {
          throw new InputError(`cannot reach ${base.origin}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
        }
        const text = await response.text();
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        if (!response.ok) throw new InputError(`the portal answered ${response.status}: ${sanitize(json?.error ?? text.slice(0, 200))}`);
        return json;
      };
      const query = new URLSearchParams({ version: options.version, ...(options.description ? { description: options.description } : {}) });
      const appPath = `/api/apps/${encodeURIComponent(options.app)}`;
      const created = await call('POST', `${appPath}/versions?${query}`, bytes);
      io.stderr(`bmplint: uploaded version ${sanitize(created.version)} (${created.versionId}), waiting for the audit…\n`);
      const deadline = Date.now() + Number(options.timeout) * 1000;
      let version = created;
      while (version.audit.status === 'pending' || version.audit.status === 'running') {
        if (Date.now() > deadline) throw new InputError(`the audit is still ${version.audit.status} after ${options.timeout} s`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        version = await call('GET', `${appPath}/versions/${encodeURIComponent(created.versionId)}`);
      }
      if (version.audit.status === 'failed') {
        io.stdout(`audit failed: ${sanitize(version.audit.failure ?? 'unknown reason')}\n`);
        setExitCode(2);
        return;
      }
      const { errors, warnings, infos } = version.audit.summary;
      const findings = await call('GET', `${appPath}/versions/${encodeURIComponent(created.versionId)}/findings`);
      for (const finding of findings.findings) {
        const where = finding.file ? `${sanitize(finding.file)}:${finding.line}:${finding.column}` : '(bundle)';
        io.stdout(`${where}  ${finding.severity}  ${sanitize(finding.message)}  ${finding.ruleId}${finding.isNew ? '' : '  (known)'}\n`);
      }
      io.stdout(`version ${sanitize(version.version)} (${version.versionId}): ${errors} error(s), ${warnings} warning(s), ${infos} info(s); risk ${version.audit.risk}\n`);
      setExitCode(errors > 0 ? 1 : 0);
    });
}

/** Text from the portal is shown in a terminal: no escape sequences or control characters get through. */
function sanitize(text: unknown): string {
  return String(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

/** A zip as-is, or a folder zipped (without VCS and dependency folders; links are not followed). */
async function bundleBytes(path: string): Promise<Uint8Array> {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(`no such file or directory: ${path}`);
  }
  if (stats.isFile()) {
    if (stats.size > MAX_BYTES) throw new InputError(`${path} is larger than ${MAX_BYTES} bytes`);
    return readFileSync(path);
  }
  const { zipSync } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (SKIPPED.has(name)) continue;
      const full = join(dir, name);
      const entry = lstatSync(full);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        total += entry.size;
        if (total > MAX_BYTES) throw new InputError(`${path} holds more than ${MAX_BYTES} bytes`);
        files[relative(path, full).split(sep).join('/')] = readFileSync(full);
      }
    }
  };
  walk(path);
  if (!Object.keys(files).length) throw new InputError(`${path} holds no files`);
  return zipSync(files, { level: 6 });
}
