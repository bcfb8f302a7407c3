import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** By URL: a run in another folder (its own cwd) must still find it. */
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI the way the README says (`npm run -s allot -- …`), as a separate process. */
export function runCli(args: string[], options: { cwd?: string } = {}): CliRun {
  // tsx as a loader in this one process: its CLI would start a second node for every run.
  const result = spawnSync(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A user's mistake gets one line on stderr and exit code 2, never a stack trace. */
export function expectOneLineError(args: string[], pattern: RegExp) {
  const run = runCli(args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}
