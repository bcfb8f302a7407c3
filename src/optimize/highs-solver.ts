/**
 * HiGHS on the model's arrays (highs-lp.ts), with a warm start when the next model differs from
 * the last only in costs or bounds — the fairness slider, the frontier's λ sweep and a what-if's
 * capacities re-solve exactly such models.
 *
 * Same inputs, same numbers: a warm start may end at another optimal vertex than a cold solve when
 * the optimum is not unique, so a warm answer is kept only when no nonbasic column or row has a
 * zero reduced cost (then the optimum is unique); otherwise the model is solved again from cold.
 * The very model solved last returns the last answer as it was.
 */
import type { Highs, Model, ModelStatusCode } from 'highs';
import { sameLp, samePattern, toHighsLp, type HighsLp } from './highs-lp';
import type { LinearModel } from './model';
import type { LpSolution, LpSolver } from './solvers';

/**
 * HiGHS's run alone, measured on bench/optimize/instance.ts (every constraint on), cold in a fresh
 * process, 2-core machine under load: at 500×50 the defaults (presolve, equilibration scaling)
 * took 1.1–1.6 s and 7,600 dual simplex iterations; presolve off 0.8–1.5 s and 6,200–8,700;
 * presolve off and scaling by each row's and column's largest entry 0.42–0.49 s and 1,135–1,325
 * (seeds 1–3). At 300×200: 3.6 s from the LP text with the defaults, 2.3 s with presolve off
 * alone, 1.0 s with both. Presolve also costs the first call its compilation: WASM functions are
 * compiled as they are first called, and a cold run is about twice a warm one. Interior point (with crossover) was close at 500×50 and 50%
 * slower at 300×200; primal simplex and Devex pricing were no better.
 */
export const HIGHS_OPTIONS = { output_flag: false, presolve: 'off', simplex_scale_strategy: 4 } as const;
/** If the options above ever fail a model, HiGHS's defaults get a second go. */
const FALLBACK_OPTIONS = { output_flag: false } as const;

type Status = LpSolution['status'];

interface Loaded { lp: HighsLp; model: Model; status: Status; x: Float64Array; objective: number }

export interface HighsSolver extends LpSolver {
  /** How the last solve went: 'repeat' (same model as before), 'warm', 'cold' or 'fallback'. */
  lastStart(): 'repeat' | 'warm' | 'cold' | 'fallback' | null;
}

export function createHighsSolver(highs: Highs): HighsSolver {
  let last: Loaded | null = null;
  let start: ReturnType<HighsSolver['lastStart']> = null;
  const { modelStatus: MS } = highs.constants;

  const statusOf = (code: ModelStatusCode): Status =>
    // Every column of the assignment LP is bounded through its rows, so "unbounded or infeasible" is infeasible.
    code === MS.optimal ? 'optimal' : code === MS.infeasible || code === MS.unboundedOrInfeasible ? 'infeasible' : code === MS.unbounded ? 'unbounded' : 'error';

  const load = (lp: HighsLp, options: Record<string, string | number | boolean>): Model => {
    const model = highs.createModel();
    try {
      model.options.set(options);
      model.passModel({
        numCols: lp.numCols, numRows: lp.numRows, sense: highs.constants.objectiveSense.maximize,
        colCost: lp.colCost, colLower: lp.colLower, colUpper: lp.colUpper, rowLower: lp.rowLower, rowUpper: lp.rowUpper,
        matrix: { format: 'csr', numRows: lp.numRows, numCols: lp.numCols, starts: lp.starts, indices: lp.indices, values: lp.values },
      });
    } catch (error) {
      model.dispose();
      throw error;
    }
    return model;
  };

  const run = (lp: HighsLp, model: Model): Loaded => {
    const status = statusOf(model.run().modelStatus);
    const x = status === 'optimal' ? model.getSolution().colValue : new Float64Array(lp.numCols);
    return { lp, model, status, x, objective: status === 'optimal' ? model.getObjectiveValue() : NaN };
  };

  const replace = (next: Loaded | null) => {
    if (last && last.model !== next?.model) last.model.dispose();
    last = next;
  };

  const cold = (lp: HighsLp): Loaded => {
    replace(null);
    start = 'cold';
    let solved: Loaded | null = null;
    try {
      solved = run(lp, load(lp, HIGHS_OPTIONS));
    } catch {
      // HiGHS's defaults below, once more.
    }
    if (solved?.status === 'optimal' || solved?.status === 'infeasible' || solved?.status === 'unbounded') return solved;
    solved?.model.dispose();
    start = 'fallback';
    return run(lp, load(lp, FALLBACK_OPTIONS));
  };

  /** The last model with this one's costs and bounds, solved from the last basis; null if that is not to be trusted. */
  const warm = (lp: HighsLp, { lp: before, model }: Loaded): Loaded | null => {
    const all = (n: number) => ({ kind: 'range', from: 0, to: n - 1 }) as const;
    try {
      for (let i = 0; i < lp.numRows; i++) {
        for (let k = lp.starts[i]!; k < lp.starts[i + 1]!; k++) if (!Object.is(lp.values[k], before.values[k])) model.changeCoefficient(i, lp.indices[k]!, lp.values[k]!);
      }
      if (lp.numCols > 0) {
        model.changeColsCost(all(lp.numCols), lp.colCost);
        model.changeColsBounds(all(lp.numCols), lp.colLower, lp.colUpper);
      }
      if (lp.numRows > 0) model.changeRowsBounds(all(lp.numRows), lp.rowLower, lp.rowUpper);
      const solved = run(lp, model);
      return solved.status === 'infeasible' || (solved.status === 'optimal' && uniqueOptimum(model, lp)) ? solved : null;
    } catch {
      return null;
    }
  };

  return {
    name: 'highs',
    lastStart: () => start,
    solve(linear: LinearModel): LpSolution {
      const started = performance.now();
      const lp = toHighsLp(linear);
      let solved: Loaded;
      try {
        if (last && sameLp(last.lp, lp)) {
          start = 'repeat';
          solved = last;
        } else {
          const warmed = last && samePattern(last.lp, lp) ? warm(lp, last) : null;
          if (warmed) start = 'warm';
          solved = warmed ?? cold(lp);
        }
        replace(solved);
      } catch (error) {
        replace(null);
        return { status: 'error', solver: 'highs', objective: NaN, x: new Float64Array(lp.numCols), ms: performance.now() - started, message: String(error) };
      }
      return {
        status: solved.status, solver: 'highs', objective: solved.objective, x: solved.x.slice(), ms: performance.now() - started,
        ...(solved.status === 'error' ? { message: `HiGHS: model status ${solved.model.getModelStatus()}` } : {}),
      };
    },
  };
}

/**
 * Whether the optimum just found is the only one: every column and row at a bound has a nonzero
 * reduced cost, so moving any of them off its bound loses objective. Degenerate ties make this
 * false where the optimum may still be unique; those are simply solved again from cold.
 */
function uniqueOptimum(model: Model, lp: HighsLp): boolean {
  const { colDual, rowDual } = model.getSolution();
  const { colStatus, rowStatus } = model.getBasis();
  let scale = 1;
  for (let j = 0; j < lp.numCols; j++) scale = Math.max(scale, Math.abs(lp.colCost[j]!));
  // Zero within what HiGHS leaves of its dual tolerance (1e-7, scaled) in these units, with room:
  // on bench/optimize/instance.ts the smallest true reduced cost is 1e-2 to 6e-2 against a largest
  // cost (the overflow price) of 3e5, so real ones sit far above this and near-ties go cold.
  const tol = Math.max(1e-9 * scale, 1e-6);
  const BASIC = 1;
  // A fixed column or an equality row cannot move off its bound, whatever its reduced cost.
  for (let j = 0; j < lp.numCols; j++) if (colStatus[j] !== BASIC && lp.colLower[j] !== lp.colUpper[j] && !(Math.abs(colDual[j]!) > tol)) return false;
  for (let i = 0; i < lp.numRows; i++) if (rowStatus[i] !== BASIC && lp.rowLower[i] !== lp.rowUpper[i] && !(Math.abs(rowDual[i]!) > tol)) return false;
  return true;
}
