/**
 * The conversion-vs-fairness frontier (DESIGN §3.2): the optimized policy solved again at a
 * growing max–min weight λ, the fairness strength. At λ = 0 the plan maximises the objective alone;
 * as λ grows, the LP trades objective for the worst-off rep's expected conversions, until that rep
 * can gain no more (past that λ every plan is the same). For exact optima the objective never rises
 * and the worst-off rep never falls along the sweep: at λ₁ < λ₂, optimality of each plan at its own
 * λ gives (λ₂ − λ₁)(t₂ − t₁) ≥ 0.
 */
import type { RuleConfig } from '../model/rules';
import { frontierNote, type FrontierNote } from './messages';
import { solveOptimized } from './optimized-policy';
import type { OptimalPlan } from './optimize';
import type { BuildOptions, PolicyContext } from './policies';
import { gini } from '../model/inequality';

export interface FrontierPoint {
  /** The max–min weight λ: conversions/week the plan may give up per conversion/week for the worst-off rep. */
  strength: number;
  conversionsPerWeek: number;
  valuePerWeek: number;
  /** Expected conversions/week of the worst-off rep among those who can take a lead (active, eligible somewhere). */
  minRepConversions: number;
  /** Gini coefficient of expected leads/week over the same reps (0 = even). */
  giniLeads: number;
  config: RuleConfig;
}

export interface Frontier {
  points: FrontierPoint[];
  notes: FrontierNote[];
}

export interface FrontierOptions extends BuildOptions {
  /** The first λ above 0; each next one doubles it. */
  firstStrength?: number;
}

/** Relative change below which two plans count as the same point. */
const SAME = 1e-7;
/** λ large enough that the worst-off rep dominates the objective, per rep who can take a lead. */
const TOP_STRENGTH_PER_REP = 1000;
const FIRST_STRENGTH = 1 / 64;

export async function frontier(ctx: PolicyContext, options: FrontierOptions = {}): Promise<Frontier> {
  const solveAt = async (strength: number) => {
    const solved = await solveOptimized(ctx, { maxMinWeight: strength }, options);
    const label = strength === 0 ? 'no fairness weight' : `fairness λ = ${+strength.toPrecision(4)}`;
    return measure(strength, solved.plan, { ...solved.config, name: `${ctx.scenario.name} — ${label}` });
  };
  const first = await solveAt(0);
  const served = servedReps(first.plan);
  const top = await solveAt(TOP_STRENGTH_PER_REP * Math.max(1, served.length));
  const ceiling = top.point.minRepConversions;

  const points: FrontierPoint[] = [first.point];
  const notes: FrontierNote[] = [];
  let reached = ceiling <= first.point.minRepConversions * (1 + SAME) + SAME;
  for (let strength = options.firstStrength ?? FIRST_STRENGTH; !reached && strength < top.point.strength; strength *= 2) {
    const { point } = await solveAt(strength);
    points.push(point);
    reached = point.minRepConversions >= ceiling - SAME * Math.max(1, ceiling);
  }
  if (!reached) points.push(top.point);
  const kept = dedupe(points);
  const last = kept.at(-1)!;
  const strength = +last.strength.toPrecision(4);
  const cost = first.point.conversionsPerWeek - last.conversionsPerWeek;
  const firstStrength = options.firstStrength ?? FIRST_STRENGTH;
  notes.push(
    reached && kept.length === 1
      ? frontierNote('frontier_flat', {}, 'The worst-off rep already gets the most it can at λ = 0: fairness costs nothing here, and the frontier is one point.')
      : frontierNote(
          'frontier_rise',
          { from: first.point.minRepConversions, to: ceiling, strength, cost },
          `The worst-off rep's expected conversions rise from ${fmt(first.point.minRepConversions)} to ${fmt(ceiling)}/week as λ grows from 0 to ${strength}, for ${fmt(cost)} fewer conversions/week in all.`,
        ),
    frontierNote('frontier_points', { first: firstStrength }, `Points are λ = 0 then λ doubling from ${firstStrength} until the worst-off rep stops improving; identical plans are shown once.`),
  );
  return { points: kept, notes };
}

function measure(strength: number, plan: OptimalPlan, config: RuleConfig): { point: FrontierPoint; plan: OptimalPlan } {
  return { plan, point: { ...planPoint(strength, plan), config } };
}

/**
 * A plan's place on the frontier: its totals, the worst-off rep and the Gini of leads, both over
 * the reps the LP can serve (a rep it cannot give a lead to is not "worst off" by choice).
 */
export function planPoint(strength: number, plan: OptimalPlan): Omit<FrontierPoint, 'config'> {
  const reps = servedReps(plan).map((r) => plan.perRep[r]!);
  return {
    strength,
    conversionsPerWeek: plan.totals.conversionsPerWeek,
    valuePerWeek: plan.totals.valuePerWeek,
    minRepConversions: reps.length ? Math.min(...reps.map((r) => r.conversionsPerWeek)) : 0,
    giniLeads: gini(reps.map((r) => r.leadsPerWeek)),
  };
}

/** Reps the LP can give a lead to: those with at least one column (active, eligible for some segment). */
function servedReps(plan: OptimalPlan): number[] {
  const { S, R, xCol } = plan.model;
  const out: number[] = [];
  for (let r = 0; r < R; r++) for (let s = 0; s < S; s++) if (xCol[s * R + r]! >= 0) { out.push(r); break; }
  return out;
}


/** Drops a point whose plan is the one before it: same rules, or the same objective and worst-off rep. */
function dedupe(points: FrontierPoint[]): FrontierPoint[] {
  const close = (a: number, b: number) => Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b));
  const rulesOf = (p: FrontierPoint) => JSON.stringify(p.config.rules.map((r) => [r.when, r.assign]));
  const out: FrontierPoint[] = [];
  for (const point of points) {
    const last = out.at(-1);
    const same = last && (rulesOf(last) === rulesOf(point) || (close(last.conversionsPerWeek, point.conversionsPerWeek) && close(last.valuePerWeek, point.valuePerWeek) && close(last.minRepConversions, point.minRepConversions)));
    if (!same) out.push(point);
  }
  return out;
}

const fmt = (x: number) => `${+x.toFixed(2)}`;

export { gini };
