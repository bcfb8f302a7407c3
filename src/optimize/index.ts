export { optimize, getSolver, type OptimizeOptions, type OptimizeResult, type OptimalPlan, type RepOutcome } from './optimize';
export { normalizeProblem, type AssignmentProblem, type SegmentInput, type RepInput, type Constraints, type Pin, type Exclusion, JUNIOR_TIER } from './problem';
export { buildModel, type LinearModel, type Row, type RowGroup } from './model';
export { toCplexLp } from './cplex-lp';
export { checkSolution, type Violation } from './check';
export { jsLp, loadHighs, chooseSolver, HIGHS_ABOVE_COLUMNS, type LpSolver, type LpSolution, type SolverName } from './solvers';
export { planToRuleConfig, largestRemainderPercents, type ToRulesOptions } from './to-rules';
