/**
 * `optimize(problem)`: validate, check the necessary conditions, build the sparse LP, solve it with
 * the solver the model's size calls for, check the answer, and report it per rep and per segment.
 */
import { checkSolution, describeViolation, objectiveValue } from './check';
import { describeOverflow, diagnoseByRelaxation, precheckConflicts } from './explain';
import type { OptimizeMessage } from './messages';
import { buildModel, type LinearModel } from './model';
import { planFlags } from './plan-flags';
import { normalizeProblem, type AssignmentProblem, type InputIssue, type NormalizedProblem } from './problem';
import { chooseSolver, jsLp, loadHighs, type LpSolver, type SolverName } from './solvers';

export interface OptimizeOptions {
  /** 'auto' (default) picks by model size; see HIGHS_ABOVE_COLUMNS. */
  solver?: 'auto' | SolverName;
}

export interface RepOutcome { id: string; leadsPerWeek: number; conversionsPerWeek: number; valuePerWeek: number }

export interface OptimalPlan {
  status: 'optimal';
  solver: SolverName;
  ms: number;
  /** The LP objective, overflow penalty and λ·t included. */
  objective: number;
  /** x(s,r), expected leads/week, dense row-major S × R. */
  x: Float64Array;
  overflow: Float64Array;
  totals: { leadsPerWeek: number; conversionsPerWeek: number; valuePerWeek: number; overflowPerWeek: number };
  perRep: RepOutcome[];
  /** Too little capacity, reported with the numbers (never a failure). */
  overflowNotes: OptimizeMessage[];
  /**
   * The input's warnings, then what the plan would harm (plan-flags.ts): overflow above 2% of the
   * demand, active eligible reps left with nothing, floors the demand cannot fill, headroom used.
   */
  warnings: OptimizeMessage[];
  model: LinearModel;
}

export type OptimizeResult =
  | OptimalPlan
  | { status: 'infeasible'; conflicts: OptimizeMessage[]; warnings: OptimizeMessage[] }
  | { status: 'invalid'; errors: OptimizeMessage[]; warnings: OptimizeMessage[] }
  /** `message` stays English only: a solver's own failure, for a developer rather than a manager. */
  | { status: 'solver-error'; solver: SolverName; message: string; warnings: OptimizeMessage[] };

export async function getSolver(name: SolverName): Promise<LpSolver> {
  return name === 'highs' ? loadHighs() : jsLp;
}

export async function optimize(problem: AssignmentProblem, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const { normalized: np, issues } = normalizeProblem(problem);
  const warnings = issues.filter((i) => i.severity === 'warning').map(asMessage);
  if (!np) return { status: 'invalid', errors: issues.filter((i) => i.severity === 'error').map(asMessage), warnings };
  const conflicts = precheckConflicts(np);
  if (conflicts.length) return { status: 'infeasible', conflicts, warnings };

  const model = buildModel(np);
  let name: SolverName = !options.solver || options.solver === 'auto' ? chooseSolver(model) : options.solver;
  let solver = await getSolver(name);
  let solution = solver.solve(model);
  if (options.solver !== 'jslp' && name === 'jslp' && (solution.status !== 'optimal' || checkSolution(model, solution.x).length > 0)) {
    // javascript-lp-solver has misjudged feasible models (DESIGN §6, solvers.ts): in 'auto', HiGHS confirms.
    solver = await getSolver('highs');
    solution = solver.solve(model);
    name = 'highs';
  }
  if (solution.status === 'infeasible') return { status: 'infeasible', conflicts: diagnoseByRelaxation(np, solver), warnings };
  if (solution.status !== 'optimal') return { status: 'solver-error', solver: name, message: `${name} returned ${solution.status}${solution.message ? `: ${solution.message}` : ''}`, warnings };
  const violations = checkSolution(model, solution.x);
  if (violations.length) {
    return { status: 'solver-error', solver: name, message: `${name} returned a solution that breaks ${violations.length} constraint(s): ${violations.slice(0, 3).map(describeViolation).join('; ')}`, warnings };
  }
  const plan = summarize(np, model, solution.x);
  return { ...plan, solver: name, ms: solution.ms, warnings: [...warnings, ...planFlags(np, model, { x: plan.x, overflow: plan.overflow, col: solution.x })] };
}

/** An input issue without its severity: the message the result lists. */
function asMessage({ code, params, text }: InputIssue): OptimizeMessage {
  return { code, params, text };
}

function summarize(np: NormalizedProblem, model: LinearModel, col: Float64Array) {
  const { S, R, p, problem } = np;
  const x = new Float64Array(S * R);
  const overflow = new Float64Array(S);
  const perRep: RepOutcome[] = problem.reps.map((rep) => ({ id: rep.id, leadsPerWeek: 0, conversionsPerWeek: 0, valuePerWeek: 0 }));
  // Solvers return −1e-12 for zero; clamp so shares and weights are never negative.
  for (let s = 0; s < S; s++) {
    overflow[s] = Math.max(0, col[model.overflowCol[s]!]!);
    for (let r = 0; r < R; r++) {
      const j = model.xCol[s * R + r]!;
      if (j < 0) continue;
      const v = Math.max(0, col[j]!);
      x[s * R + r] = v;
      const out = perRep[r]!;
      out.leadsPerWeek += v;
      out.conversionsPerWeek += v * p[s * R + r]!;
      out.valuePerWeek += v * p[s * R + r]! * problem.segments[s]!.valuePerWon;
    }
  }
  const sum = (k: keyof Omit<RepOutcome, 'id'>) => perRep.reduce((a, o) => a + o[k], 0);
  return {
    status: 'optimal' as const,
    objective: objectiveValue(model, col),
    x,
    overflow,
    totals: { leadsPerWeek: sum('leadsPerWeek'), conversionsPerWeek: sum('conversionsPerWeek'), valuePerWeek: sum('valuePerWeek'), overflowPerWeek: overflow.reduce((a, b) => a + b, 0) },
    perRep,
    overflowNotes: describeOverflow(np, overflow),
    model,
  };
}
