// Runs the built CLI as a user would (`pnpm test` builds first), for the tests that drive it as a
// whole process. A non-zero exit is a result, not an error.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const root = join(import.meta.dirname, '..');
export const bin = join(root, 'packages/cli/bin/bmplint.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to the environment, after NO_COLOR=1. */
  env?: Record<string, string>;
  cwd?: string;
  /** Node options before the script (e.g. `--max-old-space-size`). */
  node?: string[];
}

export async function runCli(args: string[], { env = {}, cwd = root, node = [] }: RunOptions = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...node, bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
