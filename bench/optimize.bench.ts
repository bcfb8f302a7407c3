/**
 * Solve times of the assignment LP (DESIGN §3.2), as a user meets them. First the sample scenario
 * re-optimized as the workbench does after an edit (problemFromEstimates + optimize; the estimates
 * are made once, outside the timing): target under 100 ms. Then generated instances with every
 * constraint on (default 500×50 and the large team's 300×200), each solve in a fresh process, so
 * that it is the first: HiGHS loaded and its WASM compiled, the model built, solved and read back
 * (optimize/solve-one.ts). The optimizer end to end is timed against the reference, HiGHS as the
 * optimizer called it before (the model as CPLEX LP text, HiGHS's defaults, columns read by name),
 * the two interleaved so that load on the machine falls on both; the target is half the
 * reference's time, with the same objective to 1e-6. The optimizer's process then re-solves after
 * the fairness slider moves and after a what-if on capacities: those re-solves start warm.
 *
 * Options: --sizes 500x50,300x200  --reps 3  --limit-seconds 120  --sample-reps 20  --jslp 1 (also
 * time javascript-lp-solver, which gives no answer within minutes at these sizes)
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openScenario } from '../src/cli/open-scenario';
import { createNativeDatabase } from '../src/data/adapters/native-node';
import { optimize } from '../src/optimize/optimize';
import { problemFromEstimates } from '../src/optimize/from-estimates';
import type { ColdSolve } from './optimize/solve-one';
import type { BenchBody, BenchOptions, BenchResult, Target } from './report';

const run1 = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_SCENARIO = path.join(here, '..', 'data', 'sample', 'scenario.json');
const REOPTIMIZE_TARGET_MS = 100;
const RATIO_TARGET = 0.5;
const OBJECTIVE_TOLERANCE = 1e-6;
const LABEL: Record<string, string> = { reference: 'HiGHS (LP text, defaults)', optimizer: 'optimizer (auto)', jslp: 'javascript-lp-solver' };

export async function run({ options, log }: BenchOptions): Promise<BenchBody> {
  const sizes = (options.get('sizes') ?? '500x50,300x200').split(',').map((z) => z.split('x').map(Number) as [number, number]);
  const reps = Number(options.get('reps') ?? 3);
  const limitMs = 1000 * Number(options.get('limit-seconds') ?? 120);
  const modes = ['reference', 'optimizer', ...(options.get('jslp') ? ['jslp'] : [])];
  const results: BenchResult[] = [];
  const ratios: Record<string, number | null> = {};
  const targets: Target[] = [];
  const notes: string[] = [];
  const solves: Record<string, (ColdSolve | string)[]> = {};

  log(`sample scenario: re-optimize, median of ${options.get('sample-reps') ?? 20}`);
  const sample = await reoptimizeSample(Number(options.get('sample-reps') ?? 20));
  for (const [solver, t] of Object.entries(sample.solvers)) {
    results.push({ runtime: solver, rows: sample.columns, stage: `re-optimize sample ${sample.size} (median)`, seconds: t.medianMs / 1000, rowsPerSecond: null });
  }
  const auto = sample.solvers.auto;
  targets.push({ name: `sample scenario re-optimizes (problemFromEstimates + optimize, auto → ${auto?.solver ?? 'no answer'}) under ${REOPTIMIZE_TARGET_MS} ms`, seconds: auto ? auto.medianMs / 1000 : null, limit: REOPTIMIZE_TARGET_MS / 1000, met: auto !== undefined && auto.medianMs < REOPTIMIZE_TARGET_MS });
  for (const problem of sample.problems) notes.push(`PROBLEM: sample re-optimize: ${problem}`);

  for (const [S, R] of sizes) {
    const size = `${S}×${R}`;
    const runs: Record<string, ColdSolve[]> = Object.fromEntries(modes.map((m) => [m, []]));
    for (let i = 0; i < reps; i++) {
      for (const mode of modes) {
        log(`${size}, ${mode}, cold run ${i + 1} of ${reps}`);
        const solve = await solveOne(S, R, mode, limitMs);
        (solves[`${S}x${R} ${mode}`] ??= []).push(solve);
        if (typeof solve === 'string') { notes.push(`PROBLEM: ${size} ${mode}: ${solve}`); continue; }
        if (solve.status !== 'optimal' || solve.violations > 0) { notes.push(`PROBLEM: ${size} ${mode}: ${solve.status}, ${solve.violations} rows violated`); continue; }
        runs[mode]!.push(solve);
      }
    }
    for (const mode of modes) {
      const ms = runs[mode]!.map((r) => r.ms);
      if (!ms.length) continue;
      const columns = runs[mode]![0]!.columns;
      results.push({ runtime: LABEL[mode]!, rows: columns, stage: `cold solve ${size} (median of ${ms.length})`, seconds: median(ms) / 1000, rowsPerSecond: null });
      results.push({ runtime: LABEL[mode]!, rows: columns, stage: `cold solve ${size} (best of ${ms.length})`, seconds: Math.min(...ms) / 1000, rowsPerSecond: null });
    }
    const [reference, ours] = [runs.reference!, runs.optimizer!];
    const ratio = reference.length && ours.length ? median(ours.map((r) => r.ms)) / median(reference.map((r) => r.ms)) : null;
    ratios[`${S}x${R} optimizer/reference (medians)`] = ratio === null ? null : +ratio.toFixed(3);
    ratios[`${S}x${R} optimizer/reference (best)`] = reference.length && ours.length ? +(Math.min(...ours.map((r) => r.ms)) / Math.min(...reference.map((r) => r.ms))).toFixed(3) : null;
    const gap = reference.length && ours.length ? Math.max(...ours.map((r) => Math.abs(r.objective - reference[0]!.objective) / Math.max(1, Math.abs(reference[0]!.objective)))) : null;
    ratios[`${S}x${R} objective |optimizer − reference| / |reference|`] = gap;
    const matches = gap !== null && gap <= OBJECTIVE_TOLERANCE;
    if (gap !== null && !matches) notes.push(`PROBLEM: ${size}: the optimizer's objective differs from HiGHS (LP text) by ${gap.toExponential(2)} relative (${ours[0]!.objective} vs ${reference[0]!.objective})`);
    if (runs.jslp?.length && reference.length) ratios[`${S}x${R} jslp/reference (medians)`] = +(median(runs.jslp.map((r) => r.ms)) / median(reference.map((r) => r.ms))).toFixed(3);
    targets.push({ name: `${size}: optimizer end to end ≤ ${RATIO_TARGET}× HiGHS (LP text), cold (ratio of medians; objective within ${OBJECTIVE_TOLERANCE} relative)`, seconds: ratio, limit: RATIO_TARGET, met: ratio !== null && ratio <= RATIO_TARGET && matches });

    const resolves = ours.flatMap((r) => r.resolves ?? []);
    for (const change of [...new Set(resolves.map((r) => r.change))]) {
      const these = resolves.filter((r) => r.change === change && r.status === 'optimal');
      if (!these.length) { notes.push(`PROBLEM: ${size} re-solve after ${change}: no optimal answer`); continue; }
      const starts = [...new Set(these.map((r) => r.start))].join('/');
      results.push({ runtime: LABEL.optimizer!, rows: ours[0]!.columns, stage: `re-solve ${size} after ${change}, ${starts} (median of ${these.length})`, seconds: median(these.map((r) => r.ms)) / 1000, rowsPerSecond: null });
      ratios[`${S}x${R} re-solve after ${change}: HiGHS ms (median)`] = +median(these.map((r) => r.solveMs)).toFixed(1);
    }
  }
  return { results, ratios, targets, details: { sample, solves }, notes };
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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
    // One untimed run first: it loads HiGHS's WASM, which a workbench does once per session. The
    // same model each time: HiGHS hands back the answer it kept (highs-solver.ts), as it would
    // when a user re-optimizes without changing anything.
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

async function solveOne(S: number, R: number, mode: string, limitMs: number): Promise<ColdSolve | string> {
  try {
    const { stdout } = await run1(process.execPath, ['--import', 'tsx', path.join(here, 'optimize', 'solve-one.ts'), String(S), String(R), mode], { timeout: limitMs, killSignal: 'SIGKILL' });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as ColdSolve;
  } catch (error) {
    const e = error as { killed?: boolean; message?: string };
    return e.killed ? `no answer within ${limitMs / 1000} s (killed)` : `failed: ${e.message?.split('\n')[0]}`;
  }
}
