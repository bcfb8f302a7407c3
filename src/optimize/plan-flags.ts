/**
 * What a feasible plan would harm, said out loud (issue 13: no harmful plan passes quietly): a
 * share of the demand sent to the overflow queue, active reps who could take leads and get none,
 * reps whose floor the demand could not fill, reps planned into their headroom.
 */
import { optimizeMessage, type OptimizeMessage } from './messages';
import type { LinearModel } from './model';
import { fmtNum, fmtPct, repLabel, type AssignmentProblem, type NormalizedProblem } from './problem';
import type { RuleConfig } from '../model/rules';

/** More than this share of the demand in the overflow queue is flagged: a few leads a week a person must route by hand. */
export const OVERFLOW_FLAG_SHARE = 0.02;
/** Below this many leads/week a rep gets nothing (less than one lead in two years). */
export const NOTHING_PER_WEEK = 0.01;
/** Slack below this (leads/week) is solver rounding. */
const SLACK_EPS = 1e-6;

export interface PlanNumbers {
  /** x(s,r), dense row-major S × R. */
  x: Float64Array;
  overflow: Float64Array;
  /** The solver's primal vector, for the slack columns. */
  col: Float64Array;
}

export function planFlags(np: NormalizedProblem, model: LinearModel, plan: PlanNumbers): OptimizeMessage[] {
  const { problem, S, R } = np;
  const out: OptimizeMessage[] = [];
  const demand = problem.segments.reduce((sum, s) => sum + s.demandPerWeek, 0);
  const over = plan.overflow.reduce((a, b) => a + b, 0);
  if (demand > 0 && over > OVERFLOW_FLAG_SHARE * demand) {
    const share = over / demand;
    out.push(optimizeMessage('overflow_share', { share, over, demand, queue: np.overflowQueue }, `the plan sends ${fmtPct(share)} of the demand (${fmtNum(over)} of ${fmtNum(demand)} leads/week) to the "${np.overflowQueue}" queue, where a person must route them`));
  }
  const loads = new Float64Array(R);
  for (let s = 0; s < S; s++) for (let r = 0; r < R; r++) loads[r] = loads[r]! + plan.x[s * R + r]!;
  const served = servedReps(problem, model);
  const idle = served.filter((r) => loads[r]! < NOTHING_PER_WEEK);
  const without = repsWithoutLeads(problem, idle);
  if (without) out.push(without);

  const short = served.filter((r) => model.shortCol[r]! >= 0 && plan.col[model.shortCol[r]!]! > SLACK_EPS && !idle.includes(r));
  if (short.length) {
    const floor = problem.constraints.repFloor ?? 0;
    // "got / floor" in numbers only, so the list reads the same in either language.
    const reps = short.map((r) => `${repLabel(problem.reps[r]!)} (${(Math.max(0, model.floor[r]! - plan.col[model.shortCol[r]!]!)).toFixed(1)} / ${model.floor[r]!.toFixed(1)})`).join(', ');
    out.push(optimizeMessage('rep_floor_short', { reps, count: short.length, floor }, `the demand their segments share cannot give every rep ${fmtPct(floor)} of capacity: ${reps} leads/week (got / floor)`));
  }
  const used = served.filter((r) => model.headroomCol[r]! >= 0 && plan.col[model.headroomCol[r]!]! > SLACK_EPS);
  if (used.length) {
    const headroom = problem.constraints.headroom ?? 0;
    const reps = used.map((r) => repLabel(problem.reps[r]!)).join(', ');
    out.push(optimizeMessage('headroom_used', { reps, count: used.length, headroom }, `demand fills ${reps} past capacity less the ${fmtPct(headroom)} headroom: busy weeks will spill to the fallback`));
  }
  return out;
}

/** The flag for `idle` reps (indices into the problem's reps), or null when there are none. */
export function repsWithoutLeads(problem: AssignmentProblem, idle: readonly number[]): OptimizeMessage | null {
  if (idle.length === 0) return null;
  const reps = idle.map((r) => repLabel(problem.reps[r]!)).join(', ');
  return optimizeMessage('reps_without_leads', { reps, count: idle.length }, `${idle.length === 1 ? 'an active rep who can take leads gets' : `${idle.length} active reps who can take leads get`} none: ${reps}`);
}

/**
 * The reps the deployed rules give nothing: served by the LP, yet in no rule's pool (a share that
 * rounds to 0%). The fallback may still reach them, but only when a rule's pool is full.
 */
export function repsOutsideRules(problem: AssignmentProblem, model: LinearModel, config: RuleConfig): number[] {
  const pooled = new Set(config.rules.flatMap((rule) => rule.assign.pool.map((e) => e.rep)));
  return servedReps(problem, model).filter((r) => !pooled.has(problem.reps[r]!.id));
}

/** Reps who could take leads and get none from the plan or, rounded, from its rules. */
export function idleReps(problem: AssignmentProblem, model: LinearModel, perRepLeads: readonly number[], config: RuleConfig): number[] {
  const outside = new Set(repsOutsideRules(problem, model, config));
  return servedReps(problem, model).filter((r) => outside.has(r) || perRepLeads[r]! < NOTHING_PER_WEEK);
}

/** Active reps with capacity and at least one column: those who could take a lead. */
function servedReps(problem: AssignmentProblem, model: LinearModel): number[] {
  const { S, R } = model;
  const out: number[] = [];
  for (let r = 0; r < R; r++) {
    if (!problem.reps[r]!.active || !(problem.reps[r]!.capacityPerWeek > 0)) continue;
    for (let s = 0; s < S; s++) if (model.xCol[s * R + r]! >= 0) { out.push(r); break; }
  }
  return out;
}

/**
 * The plan's warnings with `reps_without_leads` as the deployed rules make it: the reps the LP
 * gives nothing and those whose share rounds away, in roster order.
 */
export function warningsWithRules(problem: AssignmentProblem, model: LinearModel, perRepLeads: readonly number[], warnings: readonly OptimizeMessage[], config: RuleConfig): OptimizeMessage[] {
  const flag = repsWithoutLeads(problem, idleReps(problem, model, perRepLeads, config));
  const rest = warnings.filter((w) => w.code !== 'reps_without_leads');
  if (!flag) return rest;
  // In the place the optimizer put it (after the overflow flag), or after the input warnings.
  const at = warnings.findIndex((w) => w.code === 'reps_without_leads');
  const index = at >= 0 ? at : rest.findIndex((w) => w.code === 'rep_floor_short' || w.code === 'headroom_used');
  return index < 0 ? [...rest, flag] : [...rest.slice(0, index), flag, ...rest.slice(index)];
}

/**
 * What the CLI prints as warnings on stderr and the UI shows as warnings, not notes: the plan
 * harms someone. Headroom used is not among them: it is the headroom doing its job, a note.
 */
export const PLAN_FLAG_CODES: ReadonlySet<string> = new Set(['overflow_share', 'reps_without_leads', 'rep_floor_short']);

export function isPlanFlag(message: OptimizeMessage): boolean {
  return PLAN_FLAG_CODES.has(message.code);
}
