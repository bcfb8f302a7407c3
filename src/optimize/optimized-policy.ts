/**
 * The optimized policy: estimates → AssignmentProblem → LP → RuleConfig. Shared by `buildPolicy`
 * and the frontier, which solves it again at each fairness strength.
 */
import { problemFromEstimates } from './from-estimates';
import { policyNote, type PolicyNote } from './messages';
import { optimize, type OptimalPlan, type OptimizeResult } from './optimize';
import type { BuildOptions, PolicyContext } from './policies';
import type { AssignmentProblem, Constraints } from './problem';
import { warningsWithRules } from './plan-flags';
import { segmentCondition } from './segment-condition';
import { planToRuleConfig } from './to-rules';
import { AllotError } from '../model/errors';
import { textsOf } from '../model/message';
import type { RuleConfig } from '../model/rules';

/** The optimizer could not produce a plan; `result` (the error's `detail`) says why: infeasible, invalid, solver error. */
export class PolicyError extends AllotError {
  constructor(message: string, readonly result: Exclude<OptimizeResult, OptimalPlan>) {
    super({ family: 'policy', code: result.status.replace('-', '_'), message, detail: result });
    this.name = 'PolicyError';
  }
}

export interface OptimizedPolicy {
  problem: AssignmentProblem;
  plan: OptimalPlan;
  config: RuleConfig;
  notes: PolicyNote[];
}

/** Solves the scenario, with `override` replacing some of its constraints (the frontier's λ). */
export async function solveOptimized(ctx: PolicyContext, override: Partial<Constraints>, options: BuildOptions = {}): Promise<OptimizedPolicy> {
  const base = problemFromEstimates(ctx.estimates, ctx.roster, ctx.scenario);
  const problem: AssignmentProblem = { ...base, constraints: { ...base.constraints, ...override } };
  const plan = await optimize(problem, { solver: options.solver ?? 'auto' });
  if (plan.status === 'infeasible') throw new PolicyError(`infeasible: ${textsOf(plan.conflicts).join('; ')}`, plan);
  if (plan.status === 'invalid') throw new PolicyError(textsOf(plan.errors).join('; '), plan);
  if (plan.status === 'solver-error') throw new PolicyError(plan.message, plan);
  const byId = new Map(ctx.roster.map((r) => [r.rep_id, r]));
  const config = planToRuleConfig(problem, plan, {
    name: ctx.scenario.name,
    segmentFields: ctx.segmentFields,
    when: (s) => segmentCondition(ctx.estimates.segments[s]!, ctx.valueBands),
    repDetails: (r) => {
      const rep = byId.get(problem.reps[r]!.id)!;
      return { name: rep.name, ...(rep.crm_user.trim() ? { crmUser: rep.crm_user.trim() } : {}), ...(rep.max_open !== null ? { maxOpen: Math.floor(rep.max_open) } : {}) };
    },
  });
  // A share that rounds to 0% in every rule leaves a rep with nothing as surely as the LP would.
  const flagged: OptimalPlan = { ...plan, warnings: warningsWithRules(problem, plan.model, plan.perRep.map((o) => o.leadsPerWeek), plan.warnings, config) };
  const unit = problem.objective === 'revenue' ? 'expected won value' : 'expected conversions';
  const notes = [
    policyNote(
      'optimized_solved',
      { solver: plan.solver, ms: Math.round(plan.ms), objective: problem.objective },
      `Solved by ${plan.solver === 'highs' ? 'HiGHS' : 'javascript-lp-solver'} in ${plan.ms.toFixed(0)} ms: maximises ${unit}/week under the scenario's constraints; weights are each rep's share of a segment's leads, in whole percents.`,
    ),
    ...plan.overflowNotes,
    ...flagged.warnings,
  ];
  return { problem, plan: flagged, config, notes };
}
