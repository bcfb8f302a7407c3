/**
 * Two LP back ends behind one interface. javascript-lp-solver is the user's choice and plenty for
 * the interactive model; HiGHS (WASM, fed arrays: highs-solver.ts) takes over on large models.
 * Both read the same LinearModel and return the same primal vector, indexed by column.
 */
import highsLoader from 'highs';
import jsLpSolver, { type SolveResult } from 'javascript-lp-solver';
import { createHighsSolver, type HighsSolver } from './highs-solver';
import type { LinearModel } from './model';

export type SolverName = 'jslp' | 'highs';

export interface LpSolution {
  status: 'optimal' | 'infeasible' | 'unbounded' | 'error';
  solver: SolverName;
  /** The objective the solver reported (recomputed from x by the caller before use). */
  objective: number;
  /** Primal value of every column. */
  x: Float64Array;
  ms: number;
  message?: string;
}

export interface LpSolver {
  name: SolverName;
  solve(model: LinearModel): LpSolution;
}

const OBJ = '__objective';

export const jsLp: LpSolver = {
  name: 'jslp',
  solve(model) {
    const started = performance.now();
    const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
    const variables: Record<string, Record<string, number>> = {};
    // javascript-lp-solver is sensitive to scale: unscaled, it called a feasible 80×12 revenue model
    // infeasible that HiGHS solved. Scaled by the largest |c| it cycled on the bench's 50×10, because
    // that |c| is the overflow penalty (100× any lead's worth) and every real coefficient became
    // ~1e-3. Scaled by the largest coefficient of a lead, it solves the 50×10 in ~200 ms, matching
    // HiGHS to 1e-11; it still gives no answer within a minute at 100×20 (bench/optimize.bench.ts).
    // Every answer is checked afterwards, and 'auto' only gives it small models.
    // The headroom and floor slacks are priced like the overflow (far above a lead): left out too.
    const priced = new Set([...model.overflowCol, ...model.headroomCol, ...model.shortCol, model.shortShareCol]);
    const scale = model.objective.reduce((m, c, j) => (priced.has(j) ? m : Math.max(m, Math.abs(c))), 0) || 1;
    model.colNames.forEach((name, j) => { variables[name] = { [OBJ]: model.objective[j]! / scale }; });
    for (const row of model.rows) {
      constraints[row.name] = row.sense === '<=' ? { max: row.rhs } : row.sense === '>=' ? { min: row.rhs } : { equal: row.rhs };
      row.cols.forEach((col, k) => { variables[model.colNames[col]!]![row.name] = row.coefs[k]!; });
    }
    const result = jsLpSolver.Solve({ optimize: OBJ, opType: 'max', constraints, variables }) as SolveResult;
    const x = new Float64Array(model.colNames.length);
    model.colNames.forEach((name, j) => { const v = result[name]; if (typeof v === 'number') x[j] = v; });
    const status = !result.feasible ? 'infeasible' : result.bounded === false ? 'unbounded' : 'optimal';
    return { status, solver: 'jslp', objective: result.result * scale, x, ms: performance.now() - started };
  },
};

let highsPromise: Promise<HighsSolver> | null = null;

/**
 * Loads the WASM once (the default loader finds highs.wasm next to the module, in Node and in
 * Vite's build alike) and returns the one HiGHS solver, which keeps the last model for a warm start.
 * A load that failed is forgotten, so the next solve tries again.
 */
export function loadHighs(): Promise<HighsSolver> {
  highsPromise ??= highsLoader().then(createHighsSolver).catch((error: unknown) => {
    highsPromise = null;
    throw error;
  });
  return highsPromise;
}

/**
 * Columns above which 'auto' picks HiGHS. Measured with `npx tsx bench/optimize/crossover.ts` on the
 * 2-core machine under load (bench/optimize/instance.ts, all constraints on, median of 3):
 *   10×4 (41 cols)  jsLP 5.1 ms, HiGHS 14.4 ms   ·  15×5 (67)   11.4 vs 11.4 ms
 *   20×5 (89)       jsLP 21.9 ms, HiGHS 32.2 ms  ·  30×6 (136)  52.1 vs 13.0 ms
 *   40×8 (227)      jsLP 20–370 ms, HiGHS 15–48 ms  ·  50×10 (367)  73–206 ms vs 19–47 ms
 * The crossover is around 70–130 columns. Above ~350 columns javascript-lp-solver also stops being
 * reliable on these models (it called an 80×12 model infeasible or cycled, depending on scaling),
 * so the threshold sits at the low end of the crossover.
 */
export const HIGHS_ABOVE_COLUMNS = 100;

export function chooseSolver(model: LinearModel): SolverName {
  return model.colNames.length > HIGHS_ABOVE_COLUMNS ? 'highs' : 'jslp';
}
