/**
 * The last line a measured child process writes on stderr: its own time and its peak resident
 * memory (process.resourceUsage().maxRSS, worker threads included), read by node-cli.ts.
 */
export const MEASURED = 'ALLOT_MEASURED ';

export interface Measured {
  /** From the script's start (after Node and tsx have loaded it) to the work's end. */
  ms: number;
  maxRssBytes: number;
  userCpuMs: number;
  systemCpuMs: number;
  code: number;
  /** Whatever the script adds (the reference's row count). */
  extra?: Record<string, number>;
}

/** Writes the measured line once stdout and stderr are flushed, then exits with `code`. */
export function reportAndExit(started: number, code: number, extra?: Record<string, number>): void {
  const usage = process.resourceUsage();
  const measured: Measured = {
    ms: performance.now() - started,
    maxRssBytes: usage.maxRSS * 1024,
    userCpuMs: usage.userCPUTime / 1000,
    systemCpuMs: usage.systemCPUTime / 1000,
    code,
    ...(extra ? { extra } : {}),
  };
  process.stdout.write('', () => process.stderr.write(`\n${MEASURED}${JSON.stringify(measured)}\n`, () => process.exit(code)));
}
