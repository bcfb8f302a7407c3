/**
 * Every policy a user compares, as an `allot.rules/v2` RuleConfig (DESIGN §3.3), so that whatever
 * is simulated can also be exported. One entry point for the simulator, the CLI and the UI:
 * `buildPolicy(name, ctx)`. The baselines are what teams run today; `optimized` solves the LP.
 */
import { scenarioError } from '../model/scenario-errors';
import { eligibilityNotSegment } from './from-estimates';
import { RULES_SCHEMA_ID, type Assign, type PoolEntry, type Rule, type RuleConfig, type RuleRep } from '../model/rules';
import type { Rep } from '../model/roster';
import { RULE_POLICIES, type RulePolicy, type Scenario } from '../model/scenario';
import { UNASSIGNED_QUEUE } from '../route/decision';
import { policyNote, type PolicyNote } from './messages';
import { solveOptimized } from './optimized-policy';
import type { OptimizeResult } from './optimize';
import { fieldIs } from './segment-condition';
import type { SolverName } from './solvers';
import { largestRemainderPercents, uniqueRuleId } from './to-rules';
import type { Estimates } from '../model/estimates';


export interface PolicyContext {
  scenario: Scenario;
  roster: Rep[];
  estimates: Estimates;
  /** The segment fields and value bands the estimates were made with (the scenario's, as read). */
  segmentFields: string[];
  valueBands: number[];
}

export interface PolicyResult {
  /** The policy's name as asked for (`round_robin`, `optimized`, …). */
  name: string;
  config: RuleConfig;
  /** How the policy was built and what it assumed, for the user to read. */
  notes: PolicyNote[];
  /** `optimized` only: the LP's plan. */
  plan?: OptimizeResult;
}

export interface BuildOptions {
  /** `optimized` only; 'auto' (default) picks by model size. */
  solver?: 'auto' | SolverName;
}


/**
 * Weighted by tier: how many leads a rep of each tier gets for a junior's one. A tier not listed
 * (a blank tier included) counts as mid. Senior 2 : junior 1 is the split sales teams most often
 * describe; mid sits halfway.
 */
export const TIER_WEIGHTS: Readonly<Record<string, number>> = { senior: 2, mid: 1.5, junior: 1 };
const OTHER_TIER_WEIGHT = 1.5;

export async function buildPolicy(name: RulePolicy, ctx: PolicyContext, options: BuildOptions = {}): Promise<PolicyResult> {
  switch (name) {
    case 'round_robin': return roundRobin(ctx);
    case 'least_loaded': return leastLoaded(ctx);
    case 'weighted': return weightedByWinRate(ctx);
    case 'weighted_tier': return weightedByTier(ctx);
    case 'territory': return territory(ctx);
    case 'optimized':
    case 'salesforce_mod': {
      // Salesforce's rotation runs the optimized rules; what is deployed is the same file.
      const { config, plan, notes } = await solveOptimized(ctx, {}, options);
      return { name, config, notes, plan };
    }
    default: throw scenarioError('unknown_policy', { policy: String(name), policies: RULE_POLICIES.join(', ') }, `unknown policy "${String(name)}"; one of ${RULE_POLICIES.join(', ')}.`, { path: 'policies' });
  }
}

/** The roster as a RuleConfig names it; no CRM user where the roster names none (exports refuse rather than guess). */
export function ruleReps(roster: readonly Rep[]): RuleRep[] {
  return roster.map((r) => ({
    id: r.rep_id, name: r.name, ...(r.crm_user.trim() ? { crmUser: r.crm_user.trim() } : {}), capacityPerWeek: r.capacity_per_week, active: r.active,
    // The router counts a rep with this many open leads as capped, like the roster says.
    ...(r.max_open !== null ? { maxOpen: Math.floor(r.max_open) } : {}),
  }));
}

/** Reps who can take a lead at all: active, with capacity. */
export function availableReps(roster: readonly Rep[]): Rep[] {
  return roster.filter((r) => r.active && r.capacity_per_week > 0);
}

/** Round robin over every available rep; with nobody available, a queue a person works. */
export function teamFallback(roster: readonly Rep[]): Assign {
  const pool = availableReps(roster).map((r) => ({ rep: r.rep_id }));
  return pool.length ? { method: 'round_robin', pool } : { method: 'manual_review', pool: [], queue: UNASSIGNED_QUEUE };
}

function config(ctx: PolicyContext, name: string, rules: Rule[], fallback: Assign = teamFallback(ctx.roster)): RuleConfig {
  return { schema: RULES_SCHEMA_ID, name, segmentFields: ctx.segmentFields, reps: ruleReps(ctx.roster), rules, fallback };
}

function nobodyNote(ctx: PolicyContext): PolicyNote[] {
  return availableReps(ctx.roster).length ? [] : [policyNote('nobody_available', { queue: UNASSIGNED_QUEUE }, `No rep is active with capacity: every lead goes to the "${UNASSIGNED_QUEUE}" queue for manual review.`)];
}

function roundRobin(ctx: PolicyContext): PolicyResult {
  const n = availableReps(ctx.roster).length;
  return {
    name: 'round_robin',
    config: config(ctx, 'Round robin', []),
    notes: [policyNote('round_robin', { reps: n }, `Every lead goes to the next of the ${n} active reps in turn (the fallback alone: no rule).`), ...nobodyNote(ctx)],
  };
}

function leastLoaded(ctx: PolicyContext): PolicyResult {
  const pool = availableReps(ctx.roster).map((r) => ({ rep: r.rep_id }));
  const fallback: Assign = pool.length ? { method: 'least_loaded', pool } : teamFallback(ctx.roster);
  return {
    name: 'least_loaded',
    config: config(ctx, 'Least loaded', [], fallback),
    notes: [policyNote('least_loaded', { reps: pool.length }, `Every lead goes to the active rep with the lowest open load relative to capacity, among ${pool.length} reps (the fallback alone: no rule).`), ...nobodyNote(ctx)],
  };
}

/**
 * Each rep's expected win rate on the team's own lead mix: the shrunk p(s, r) of every segment,
 * weighted by the segment's demand. A rep with little history is pulled toward the average rep, so
 * three lucky deals do not make a star (DESIGN §3.1).
 */
export function mixWinRates(estimates: Estimates, reps: readonly string[]): Map<string, number> {
  const cells = new Map(estimates.conversion.map((c) => [`${c.segment}\u0000${c.rep}`, c.mean]));
  const demand = estimates.segments.map((s) => s.perWeek);
  const total = demand.reduce((a, b) => a + b, 0);
  const weight = (s: number) => (total > 0 ? demand[s]! / total : 1 / estimates.segments.length);
  return new Map(reps.map((rep) => [rep, estimates.segments.reduce((sum, seg, s) => sum + weight(s) * (cells.get(`${seg.key}\u0000${rep}`) ?? seg.rate.mean), 0)]));
}

function weightedPolicy(ctx: PolicyContext, name: string, label: string, weightOf: (rep: Rep) => number, explain: PolicyNote[]): PolicyResult {
  const reps = availableReps(ctx.roster);
  if (reps.length === 0) return { name, config: config(ctx, label, []), notes: [...explain, ...nobodyNote(ctx)] };
  const percents = largestRemainderPercents(reps.map(weightOf));
  const pool: PoolEntry[] = reps.flatMap((r, i) => (percents[i]! > 0 ? [{ rep: r.rep_id, weight: percents[i]! / 100 }] : []));
  const dropped = reps.filter((_, i) => percents[i] === 0).map((r) => r.rep_id);
  const assign: Assign = pool.length === 1 ? { method: 'fixed', pool: [{ rep: pool[0]!.rep }] } : { method: 'weighted_round_robin', pool };
  const rule: Rule = { id: 'all-leads', assign };
  const shares = pool.map((e) => `${e.rep} ${Math.round(e.weight! * 100)}%`).join(', ');
  return {
    name,
    config: config(ctx, label, [rule]),
    notes: [
      ...explain,
      policyNote('weighted_shares', { shares }, `Shares: ${shares} (whole percents, largest remainder).`),
      ...(dropped.length ? [policyNote('weighted_dropped', { reps: dropped.join(', ') }, `${dropped.join(', ')} round to 0% and get no lead from this rule.`)] : []),
      policyNote('weighted_no_eligibility', {}, 'Eligibility is not applied: any rep may get any lead, as in a team-wide weighted rotation.'),
    ],
  };
}

function weightedByWinRate(ctx: PolicyContext): PolicyResult {
  const rates = mixWinRates(ctx.estimates, availableReps(ctx.roster).map((r) => r.rep_id));
  return weightedPolicy(ctx, 'weighted', 'Weighted by win rate', (r) => rates.get(r.rep_id)!, [
    policyNote('weighted_win_rate', {}, "Each active rep's share is proportional to the rep's historical win rate: the shrunk conversion estimate p(segment, rep) averaged over the segments by their demand (a rep with little history is pulled toward the average rep)."),
  ]);
}

function weightedByTier(ctx: PolicyContext): PolicyResult {
  const weight = (r: Rep) => TIER_WEIGHTS[r.tier.toLowerCase()] ?? OTHER_TIER_WEIGHT;
  return weightedPolicy(ctx, 'weighted_tier', 'Weighted by tier', weight, [
    policyNote(
      'weighted_tier',
      { senior: TIER_WEIGHTS.senior!, mid: TIER_WEIGHTS.mid!, junior: TIER_WEIGHTS.junior!, other: OTHER_TIER_WEIGHT },
      `Each active rep's share is proportional to the tier's weight: ${Object.entries(TIER_WEIGHTS).map(([t, w]) => `${t} ${w}`).join(', ')}; any other or blank tier ${OTHER_TIER_WEIGHT} (as mid).`,
    ),
  ]);
}

/**
 * Territory: one rule per value of the eligibility field, round robin among the active reps whose
 * skills hold `<skill>:<value>`; a value nobody holds, and any lead outside the known values, goes
 * to the team-wide round robin.
 */
function territory(ctx: PolicyContext): PolicyResult {
  const rule = ctx.scenario.eligibility;
  if (!rule) {
    const rr = roundRobin(ctx);
    return { name: 'territory', config: { ...rr.config, name: 'Territory (none set: round robin)' }, notes: [policyNote('territory_none', {}, 'The scenario sets no eligibility (territory) field, so territory is the same as round robin.'), ...rr.notes] };
  }
  const values: string[] = [];
  for (const seg of ctx.estimates.segments) {
    const value = seg.fields[rule.field];
    if (value === undefined) throw eligibilityNotSegment(rule.field, Object.keys(seg.fields));
    if (!values.includes(value)) values.push(value);
  }
  const used = new Set(['fallback']);
  const rules: Rule[] = [];
  const notes: PolicyNote[] = [policyNote('territory_rules', { field: rule.field, skill: rule.skill }, `One rule per ${rule.field}: round robin among the active reps with the skill ${rule.skill}:<${rule.field}>; leads of any other ${rule.field} go to the team-wide round robin.`)];
  for (const value of values) {
    const pool = availableReps(ctx.roster).filter((r) => r.skills.includes(`${rule.skill}:${value}`)).map((r) => ({ rep: r.rep_id }));
    if (pool.length === 0) { notes.push(policyNote('territory_nobody', { field: rule.field, skill: rule.skill, value }, `No active rep holds ${rule.skill}:${value}: ${rule.field} ${value} goes to the team-wide round robin.`)); continue; }
    rules.push({ id: uniqueRuleId(`${rule.field}-${value}`, used), when: fieldIs(rule.field, value), assign: { method: 'round_robin', pool } });
  }
  return { name: 'territory', config: config(ctx, `Territory (${rule.field})`, rules), notes: [...notes, ...nobodyNote(ctx)] };
}
