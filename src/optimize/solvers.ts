/**
 * Two LP back ends behind one interface. javascript-lp-solver is the user's choice and plenty for
 * the interactive model; HiGHS (WASM) takes over on large models. Both read the same LinearModel and
 * return the same primal vector, indexed by column.
 */
import highsLoader from 'highs';
import jsLpSolver, { type SolveResult } from 'javascript-lp-solver';
import { toCplexLp } from './cplex-lp';
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
    // javascript-lp-solver declares feasible models infeasible when objective coefficients are
    // large (revenue × overflow penalty ≈ 1e5); an objective scaled to |c| ≤ 1 avoids it.
    const scale = model.objective.reduce((m, c) => Math.max(m, Math.abs(c)), 0) || 1;
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

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highsPromise: Promise<Highs> | null = null;

/** Loads the WASM once (its default loader finds highs.wasm next to the module in Node). */
export async function loadHighs(): Promise<LpSolver> {
  highsPromise ??= highsLoader();
  const highs = await highsPromise;
  return {
    name: 'highs',
    solve(model) {
      const started = performance.now();
      const x = new Float64Array(model.colNames.length);
      let result;
      try {
        result = highs.solve(toCplexLp(model));
      } catch (error) {
        return { status: 'error', solver: 'highs', objective: NaN, x, ms: performance.now() - started, message: String(error) };
      }
      model.colNames.forEach((name, j) => { const col = result.Columns[name]; if (col && 'Primal' in col) x[j] = col.Primal; });
      const status = result.Status === 'Optimal' ? 'optimal'
        : result.Status === 'Infeasible' || result.Status === 'Primal infeasible or unbounded' ? 'infeasible'
        : result.Status === 'Unbounded' ? 'unbounded' : 'error';
      return { status, solver: 'highs', objective: result.ObjectiveValue, x, ms: performance.now() - started, ...(status === 'error' ? { message: `HiGHS: ${result.Status}` } : {}) };
    },
  };
}

/**
 * Columns above which HiGHS is chosen. Measured with bench/optimize/crossover.ts on the 2-core
 * machine (all constraints on, median of 3):
 * CROSSOVER_MEASUREMENT
 */
export const HIGHS_ABOVE_COLUMNS = 400;

export function chooseSolver(model: LinearModel): SolverName {
  return model.colNames.length > HIGHS_ABOVE_COLUMNS ? 'highs' : 'jslp';
}
