import type { EngineMessage } from '../model/message';
import { floorCost, type FloorCost } from '../optimize/floor-cost';
import type { RuleConfig } from '../model/rules';
import { frontier, planPoint, type FrontierPoint } from '../optimize/frontier';
import type { FrontierNote, OptimizeMessage, PolicyNote } from '../optimize/messages';
import type { OptimalPlan, RepOutcome } from '../optimize/optimize';
import { PolicyError, type OptimizedPolicy } from '../optimize/optimized-policy';
import { isPlanFlag } from '../optimize/plan-flags';
import type { PolicyContext } from '../optimize/policies';

/** Where the current plan sits on the conversion-vs-fairness frontier, measured as `frontier()` measures its points. */
export type PlanPoint = Omit<FrontierPoint, 'config'>;

/**
 * Why there is no plan. The optimizer's reasons carry codes the UI words in Chinese; a solver's own
 * failure stays in English. A scenario setting the estimates cannot honour is a ScenarioError, thrown.
 */
export type PlanReason = OptimizeMessage | EngineMessage<'english_only'>;

/**
 * The optimized plan as the Policies step shows it: its rules, totals and per-rep load, or why
 * there is none (the LP's conflicts in words, a scenario setting that names no segment …).
 */
export type PlanView =
  | {
      status: 'optimal';
      config: RuleConfig;
      notes: PolicyNote[];
      totals: OptimalPlan['totals'];
      perRep: RepOutcome[];
      point: PlanPoint;
      /**
       * What the plan would harm, for the Policies step to show as warnings (they are among
       * `notes` too): overflow above 2% of the demand, active eligible reps with nothing, floors
       * the demand cannot fill. Empty for a plan that harms nothing.
       */
      warnings: OptimizeMessage[];
    }
  | { status: 'infeasible' | 'invalid' | 'solver-error'; reasons: PlanReason[]; warnings: OptimizeMessage[] };

export interface FrontierView {
  points: PlanPoint[];
  notes: FrontierNote[];
}

/**
 * The scenario's optimized policy as the Policies step shows it, from its solve (`chosen`: a
 * PolicyError when there is no plan); a plan that cannot exist is a value with its reasons, not a
 * thrown error. What the floor costs is `floorCostView`, a second solve shown after this one.
 */
export async function planView(ctx: PolicyContext, chosen: Promise<OptimizedPolicy>): Promise<PlanView> {
  try {
    const { config, plan, notes } = await chosen;
    return {
      status: 'optimal', config, notes, totals: plan.totals, perRep: plan.perRep,
      point: planPoint(ctx.scenario.constraints.maxMinWeight, plan), warnings: plan.warnings.filter(isPlanFlag),
    };
  } catch (error) {
    if (error instanceof PolicyError) {
      const r = error.result;
      const reasons = r.status === 'infeasible' ? r.conflicts : r.status === 'invalid' ? r.errors : [englishOnly(r.message)];
      return { status: r.status, reasons, warnings: r.warnings };
    }
    throw error;
  }
}

/** The plan with and without the every-rep floor; null when the floor is off or there is no plan. */
export async function floorCostView(ctx: PolicyContext, chosen: Promise<OptimizedPolicy>): Promise<FloorCost | null> {
  const plan = await chosen.catch((error: unknown) => {
    if (error instanceof PolicyError) return null;
    throw error;
  });
  return plan ? floorCost(ctx, plan) : null;
}

function englishOnly(text: string): PlanReason {
  return { code: 'english_only', params: {}, text };
}

export async function frontierView(ctx: PolicyContext): Promise<FrontierView> {
  const { points, notes } = await frontier(ctx);
  return { points: points.map(({ config: _, ...point }) => point), notes };
}
