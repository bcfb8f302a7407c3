/**
 * Solve times of the assignment LP (DESIGN §3.2) with every constraint on, for 50×10, 200×30 and
 * 500×50 segments × reps, javascript-lp-solver next to HiGHS in the same run. Each solve runs in
 * its own process with a time limit, since javascript-lp-solver can cycle on these models.
 *
 * Options: --sizes 50x10,200x30,500x50  --reps 3  --limit-seconds 120
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchBody, BenchOptions, BenchResult, Target } from './report';

const run1 = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const SOLVERS = ['jslp', 'highs'] as const;

interface Solve { S: number; R: number; solver: string; columns: number; rows: number; ms: number; status: string; objective: number; violations: number }

export async function run({ options, log }: BenchOptions): Promise<BenchBody> {
  const sizes = (options.get('sizes') ?? '50x10,200x30,500x50').split(',').map((z) => z.split('x').map(Number) as [number, number]);
  const reps = Number(options.get('reps') ?? 3);
  const limitMs = 1000 * Number(options.get('limit-seconds') ?? 120);
  const results: BenchResult[] = [];
  const ratios: Record<string, number | null> = {};
  const targets: Target[] = [];
  const notes: string[] = [];
  const solves: Record<string, Solve | string> = {};
  for (const [S, R] of sizes) {
    const ms: Record<string, number | null> = {};
    for (const solver of SOLVERS) {
      log(`${S}×${R}, ${solver}, best of ${reps}`);
      const solve = await solveOne(S, R, solver, reps, limitMs);
      solves[`${S}x${R} ${solver}`] = solve;
      if (typeof solve === 'string') { notes.push(`PROBLEM: ${S}×${R} ${solver}: ${solve}`); ms[solver] = null; continue; }
      if (solve.status !== 'optimal' || solve.violations > 0) notes.push(`PROBLEM: ${S}×${R} ${solver}: ${solve.status}, ${solve.violations} rows violated`);
      const valid = solve.status === 'optimal' && solve.violations === 0;
      ms[solver] = valid ? solve.ms : null;
      if (valid) results.push({ runtime: solver, rows: solve.columns, stage: `solve ${S}×${R}`, seconds: solve.ms / 1000, rowsPerSecond: null });
    }
    const ratio = ms.jslp != null && ms.highs != null ? ms.jslp / ms.highs : null;
    ratios[`${S}x${R} jslp/highs`] = ratio === null ? null : +ratio.toFixed(2);
    if (S * R >= 25_000) targets.push({ name: `${S}×${R}: javascript-lp-solver within 1.5× HiGHS (ratio)`, seconds: ratio, limit: 1.5, met: ratio !== null && ratio <= 1.5 });
  }
  return { results, ratios, targets, details: { solves }, notes };
}

async function solveOne(S: number, R: number, solver: string, reps: number, limitMs: number): Promise<Solve | string> {
  try {
    const { stdout } = await run1(process.execPath, ['--import', 'tsx', path.join(here, 'optimize', 'solve-one.ts'), String(S), String(R), solver, String(reps)], { timeout: limitMs, killSignal: 'SIGKILL' });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Solve;
  } catch (error) {
    const e = error as { killed?: boolean; message?: string };
    return e.killed ? `no answer within ${limitMs / 1000} s (killed)` : `failed: ${e.message?.split('\n')[0]}`;
  }
}
