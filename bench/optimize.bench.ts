/**
 * Solve times of the assignment LP (DESIGN §3.2). First the sample scenario re-optimized as the
 * workbench does after an edit (problemFromEstimates + optimize; the estimates are made once,
 * outside the timing): target under 100 ms. Then 50×10, 200×30 and 500×50 segments × reps with
 * every constraint on, javascript-lp-solver next to HiGHS in the same run. Each of those solves
 * runs in its own process with a time limit, since javascript-lp-solver can cycle on these models;
 * a solve that fails, times out or breaks a row is reported as such (status, rows violated).
 *
 * Options: --sizes 50x10,200x30,500x50  --reps 3  --limit-seconds 120  --sample-reps 20
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openScenario } from '../src/cli/open-scenario';
import { createNativeDatabase } from '../src/data/adapters/native-node';
import { optimize } from '../src/optimize/optimize';
import { problemFromEstimates } from '../src/optimize/from-estimates';
import type { BenchBody, BenchOptions, BenchResult, Target } from './report';

const run1 = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const SOLVERS = ['jslp', 'highs', 'auto'] as const;
const SAMPLE_SCENARIO = path.join(here, '..', 'data', 'sample', 'scenario.json');
const REOPTIMIZE_TARGET_MS = 100;

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

  log(`sample scenario: re-optimize, median of ${options.get('sample-reps') ?? 20}`);
  const sample = await reoptimizeSample(Number(options.get('sample-reps') ?? 20));
  for (const [solver, t] of Object.entries(sample.solvers)) {
    results.push({ runtime: solver, rows: sample.columns, stage: `re-optimize sample ${sample.size} (median)`, seconds: t.medianMs / 1000, rowsPerSecond: null });
  }
  const auto = sample.solvers.auto;
  targets.push({ name: `sample scenario re-optimizes (problemFromEstimates + optimize, auto → ${auto?.solver ?? 'no answer'}) under ${REOPTIMIZE_TARGET_MS} ms`, seconds: auto ? auto.medianMs / 1000 : null, limit: REOPTIMIZE_TARGET_MS / 1000, met: auto !== undefined && auto.medianMs < REOPTIMIZE_TARGET_MS });
  for (const problem of sample.problems) notes.push(`PROBLEM: sample re-optimize: ${problem}`);
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
    const autoRatio = ms.auto != null && ms.highs != null ? ms.auto / ms.highs : null;
    ratios[`${S}x${R} auto/highs`] = autoRatio === null ? null : +autoRatio.toFixed(2);
    if (S * R >= 25_000) {
      targets.push({ name: `${S}×${R}: the optimizer end to end (auto solver choice) within 1.5× HiGHS's solve (ratio)`, seconds: autoRatio, limit: 1.5, met: autoRatio !== null && autoRatio <= 1.5 });
      targets.push({ name: `${S}×${R}: javascript-lp-solver itself within 1.5× HiGHS (ratio)`, seconds: ratio, limit: 1.5, met: ratio !== null && ratio <= 1.5 });
    }
  }
  return { results, ratios, targets, details: { sample, solves }, notes };
}

interface SampleTiming { solver: string; medianMs: number; minMs: number; maxMs: number }

/** The sample scenario's estimates once, then the optimizer's input rebuilt and solved `reps` times per solver choice. */
async function reoptimizeSample(reps: number) {
  const db = await createNativeDatabase();
  const { scenario, roster, estimates } = await openScenario(db, SAMPLE_SCENARIO)
    .then(({ scenario, pipeline }) => pipeline.context(scenario))
    .finally(() => db.close());
  const solvers: Record<string, SampleTiming> = {};
  const problems: string[] = [];
  let columns = 0;
  for (const choice of ['auto', 'jslp', 'highs'] as const) {
    const times: number[] = [];
    let used = choice as string;
    // One untimed run first: it loads HiGHS's WASM, which a workbench does once per session.
    for (let i = 0; i <= reps; i++) {
      const started = performance.now();
      const result = await optimize(problemFromEstimates(estimates, roster, scenario), { solver: choice });
      const ms = performance.now() - started;
      if (result.status !== 'optimal') { problems.push(`${choice}: ${result.status}`); break; }
      columns = result.model.colNames.length;
      used = result.solver;
      if (i > 0) times.push(ms);
    }
    if (times.length) {
      times.sort((a, b) => a - b);
      solvers[choice] = { solver: used, medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, maxMs: times.at(-1)! };
    }
  }
  return { scenario: scenario.name, size: `${estimates.segments.length}×${roster.length}`, columns, solvers, problems };
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
