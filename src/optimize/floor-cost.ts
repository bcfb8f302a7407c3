/**
 * What the floor (every active eligible rep gets some leads) costs: the scenario's plan against
 * the same plan solved without the floor, so a sales leader reads "giving every rep some leads
 * costs X conversions over N weeks" and decides with the number in front of them.
 */
import { policyNote, type PolicyNote } from './messages';
import { solveOptimized, type OptimizedPolicy } from './optimized-policy';
import type { BuildOptions, PolicyContext } from './policies';
import { idleReps } from './plan-flags';
import { fmtNum, fmtPct, repLabel } from './problem';

export interface FloorCost {
  /** The floor asked for, a share of each rep's capacity. */
  floor: number;
  withFloor: { conversionsPerWeek: number; valuePerWeek: number };
  withoutFloor: { conversionsPerWeek: number; valuePerWeek: number };
  /** Given up for the floor (without − with), per week and over the scenario's horizon. */
  conversionsPerWeek: number;
  valuePerWeek: number;
  weeks: number;
  conversions: number;
  value: number;
  /** Reps who would get nothing without the floor and get leads with it. */
  lifted: Array<{ id: string; name: string }>;
  note: PolicyNote;
}

/** Solver noise below this (conversions or value per week) is no cost. */
const NO_COST = 1e-6;

/** Null when the scenario sets no floor. The plan without the floor always exists when `chosen` does: the floor is soft. */
export async function floorCost(ctx: PolicyContext, chosen: OptimizedPolicy, options: BuildOptions = {}): Promise<FloorCost | null> {
  const floor = chosen.problem.constraints.repFloor ?? 0;
  if (!(floor > 0)) return null;
  const free = await solveOptimized(ctx, { repFloor: 0 }, options);
  const idle = (p: OptimizedPolicy) => new Set(idleReps(p.problem, p.plan.model, p.plan.perRep.map((o) => o.leadsPerWeek), p.config));
  const still = idle(chosen);
  const liftedIndices = [...idle(free)].filter((r) => !still.has(r)).sort((a, b) => a - b);
  const lifted = liftedIndices.map((r) => ({ id: chosen.problem.reps[r]!.id, name: chosen.problem.reps[r]!.name ?? chosen.problem.reps[r]!.id }));
  const clean = (x: number) => (Math.abs(x) < NO_COST ? 0 : x);
  const conversionsPerWeek = clean(free.plan.totals.conversionsPerWeek - chosen.plan.totals.conversionsPerWeek);
  const valuePerWeek = clean(free.plan.totals.valuePerWeek - chosen.plan.totals.valuePerWeek);
  const weeks = ctx.scenario.simulation.weeks;
  const reps = liftedIndices.map((r) => repLabel(chosen.problem.reps[r]!)).join(', ');
  const note = conversionsPerWeek === 0 && lifted.length === 0
    ? policyNote('floor_free', { floor }, `Giving every active rep at least ${fmtPct(floor)} of capacity costs nothing here: the plan without the floor is as good.`)
    : policyNote(
        'floor_cost',
        { floor, perWeek: conversionsPerWeek, weeks, total: conversionsPerWeek * weeks, reps, count: lifted.length },
        `Giving every active rep at least ${fmtPct(floor)} of capacity costs ${fmtNum(conversionsPerWeek)} expected conversions/week, ${fmtNum(conversionsPerWeek * weeks)} over ${weeks} weeks` +
          (lifted.length ? `; without it ${reps} would get no leads.` : '.'),
      );
  return {
    floor,
    withFloor: { conversionsPerWeek: chosen.plan.totals.conversionsPerWeek, valuePerWeek: chosen.plan.totals.valuePerWeek },
    withoutFloor: { conversionsPerWeek: free.plan.totals.conversionsPerWeek, valuePerWeek: free.plan.totals.valuePerWeek },
    conversionsPerWeek,
    valuePerWeek,
    weeks,
    conversions: conversionsPerWeek * weeks,
    value: valuePerWeek * weeks,
    lifted,
    note,
  };
}
