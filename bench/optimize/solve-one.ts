/**
 * `npx tsx bench/optimize/solve-one.ts S R mode`: one cold solve of the generated S × R instance
 * (instance.ts, every constraint on) in this fresh process, as a JSON line on stdout. A separate
 * process per solve, so that every one is a first solve: HiGHS's WASM loaded and compiled as a
 * user meets it, and a solver that cycles can be killed.
 *
 * Modes, each timed from before HiGHS is loaded (modules imported, nothing else) to the answer:
 * - `reference`: HiGHS as the optimizer called it before: validate, build, write the LP text,
 *   `highs.solve(text)` with HiGHS's defaults, read the columns back by name (lp-text-reference.ts);
 * - `optimizer`: `optimize(problem, { solver: 'auto' })` end to end (validate, precheck, build,
 *   solve, check, summarise, flag). Then, untimed as cold, the re-solves a user makes next: the
 *   fairness slider moved (λ 0.5 → 0.55) and a what-if on capacities (every rep −5%), each warm;
 * - `jslp`: javascript-lp-solver on the built model, for the record.
 */
import { checkSolution, objectiveValue } from '../../src/optimize/check';
import { buildModel } from '../../src/optimize/model';
import { optimize } from '../../src/optimize/optimize';
import { normalizeProblem, type AssignmentProblem } from '../../src/optimize/problem';
import { jsLp, loadHighs } from '../../src/optimize/solvers';
import { randomInstance } from './instance';
import { loadHighsLpText } from './lp-text-reference';

export interface ColdSolve {
  S: number;
  R: number;
  mode: string;
  columns: number;
  rows: number;
  ms: number;
  status: string;
  /** Σ c·x over the model's columns, recomputed from the answer (objectiveValue), so both modes count the same. */
  objective: number;
  violations: number;
  solver?: string;
  /** optimizer only: the re-solves after the cold one. */
  resolves?: { change: string; ms: number; solveMs: number; start: string | null; status: string; objective: number }[];
}

const [S, R, mode] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4] ?? 'optimizer'];
const problem = randomInstance(S, R);
const out = mode === 'optimizer' ? await optimizer(problem) : await direct(problem, mode);
console.log(JSON.stringify(out));
process.exit(0);

async function direct(problem: AssignmentProblem, mode: string): Promise<ColdSolve> {
  const started = performance.now();
  const solver = mode === 'reference' ? await loadHighsLpText() : jsLp;
  const model = buildModel(normalizeProblem(problem).normalized!);
  const solution = solver.solve(model);
  const ms = performance.now() - started;
  const ok = solution.status === 'optimal';
  return { S, R, mode, columns: model.colNames.length, rows: model.rows.length, ms, status: solution.status, objective: ok ? objectiveValue(model, solution.x) : NaN, violations: ok ? checkSolution(model, solution.x).length : 0 };
}

async function optimizer(problem: AssignmentProblem): Promise<ColdSolve> {
  const started = performance.now();
  const result = await optimize(problem, { solver: 'auto' });
  const ms = performance.now() - started;
  if (result.status !== 'optimal') return { S, R, mode, columns: 0, rows: 0, ms, status: result.status, objective: NaN, violations: 0 };
  const { model } = result;
  const highs = await loadHighs();
  const resolves: NonNullable<ColdSolve['resolves']> = [];
  const changes: [string, AssignmentProblem][] = [
    ['fairness slider λ 0.5 → 0.55', { ...problem, constraints: { ...problem.constraints, maxMinWeight: 0.55 } }],
    ['what-if: every rep −5% capacity', { ...problem, constraints: { ...problem.constraints, maxMinWeight: 0.55 }, reps: problem.reps.map((r) => ({ ...r, capacityPerWeek: r.capacityPerWeek * 0.95 })) }],
  ];
  for (const [change, changed] of changes) {
    const t = performance.now();
    const again = await optimize(changed, { solver: 'auto' });
    resolves.push({ change, ms: performance.now() - t, solveMs: again.status === 'optimal' ? again.ms : NaN, start: highs.lastStart(), status: again.status, objective: again.status === 'optimal' ? again.objective : NaN });
  }
  return {
    S, R, mode, columns: model.colNames.length, rows: model.rows.length, ms, status: result.status, solver: result.solver,
    // optimize() checks every row itself and answers 'solver-error' if one is broken.
    objective: result.objective, violations: 0, resolves,
  };
}

