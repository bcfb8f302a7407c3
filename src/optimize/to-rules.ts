/**
 * From an optimal plan to an `allot.rules/v2` RuleConfig (DESIGN §2.4): per segment, the weights
 * x(s,r) / Σ_r x(s,r) rounded to whole percents by the largest-remainder method; segments with the
 * same rounded pool merged into one rule; the busiest rule first; a fallback over every active rep.
 */
import { RULES_SCHEMA_ID, type Condition, type Rule, type RuleConfig } from '../model/rules';
import type { OptimalPlan } from './optimize';
import type { AssignmentProblem } from './problem';

export interface ToRulesOptions {
  name: string;
  /** The condition that selects segment s's leads, e.g. `{ field: 'region', op: 'eq', value: 'East' }`. */
  when: (segment: number) => Condition;
  segmentFields?: string[];
  /** Display name (by default the rep id) and CRM user (by default none: exports refuse rather than guess) of each rep. */
  repDetails?: (rep: number) => { name: string; crmUser?: string; maxOpen?: number };
}

/** Whole percents summing to exactly 100 (Hamilton's method); ties go to the earlier entry. */
export function largestRemainderPercents(shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return shares.map(() => 0);
  const exact = shares.map((x) => (100 * x) / total);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) { if (left <= 0) break; out[i]!++; left--; }
  return out;
}

export function planToRuleConfig(problem: AssignmentProblem, plan: OptimalPlan, options: ToRulesOptions): RuleConfig {
  const { segments, reps } = problem;
  const S = segments.length, R = reps.length;
  const p = (s: number, r: number) => (typeof problem.conversion === 'function' ? problem.conversion(s, r) : problem.conversion[s * R + r]!);
  const groups = new Map<string, { segments: number[]; percents: number[] }>();
  for (let s = 0; s < S; s++) {
    const percents = largestRemainderPercents(Array.from({ length: R }, (_, r) => plan.x[s * R + r]!));
    const key = percents.join(',');
    const group = groups.get(key) ?? { segments: [], percents };
    group.segments.push(s);
    groups.set(key, group);
  }
  const usedIds = new Set<string>(['fallback']);
  const rules = [...groups.values()].map(({ segments: ss, percents }) => {
    let leads = 0, conversions = 0, value = 0, overflow = 0;
    const perRep = new Map<number, { leads: number; conversions: number }>();
    for (const s of ss) {
      overflow += plan.overflow[s]!;
      for (let r = 0; r < R; r++) {
        const x = plan.x[s * R + r]!;
        if (x <= 0) continue;
        leads += x; conversions += x * p(s, r); value += x * p(s, r) * segments[s]!.valuePerWon;
        const acc = perRep.get(r) ?? { leads: 0, conversions: 0 };
        acc.leads += x; acc.conversions += x * p(s, r);
        perRep.set(r, acc);
      }
    }
    const pool = percents.flatMap((pct, r) => (pct > 0 ? [{ rep: reps[r]!.id, weight: pct / 100 }] : []));
    const rule: Rule = {
      id: uniqueRuleId(ss.map((s) => segments[s]!.key).join('-'), usedIds),
      when: ss.length === 1 ? options.when(ss[0]!) : { any: ss.map(options.when) },
      assign: pool.length === 0 ? { method: 'manual_review', pool: [], queue: problem.overflowQueue ?? 'overflow' }
        : pool.length === 1 ? { method: 'fixed', pool: [{ rep: pool[0]!.rep }] }
        : { method: 'weighted_round_robin', pool },
      info: {
        expectedLeadsPerWeek: round(leads), expectedConversionsPerWeek: round(conversions), expectedValuePerWeek: round(value),
        expectedOverflowPerWeek: round(overflow),
        perRep: [...perRep].map(([r, a]) => ({ rep: reps[r]!.id, leadsPerWeek: round(a.leads), conversionsPerWeek: round(a.conversions) })),
      },
    };
    return rule;
  });
  rules.sort((a, b) => (b.info?.expectedLeadsPerWeek ?? 0) - (a.info?.expectedLeadsPerWeek ?? 0));
  const active = reps.filter((r) => r.active && r.capacityPerWeek > 0).map((r) => ({ rep: r.id }));
  return {
    schema: RULES_SCHEMA_ID,
    name: options.name,
    ...(options.segmentFields ? { segmentFields: options.segmentFields } : {}),
    reps: reps.map((rep, r) => {
      const { name, crmUser, maxOpen } = options.repDetails?.(r) ?? { name: rep.id };
      return { id: rep.id, name, ...(crmUser !== undefined ? { crmUser } : {}), capacityPerWeek: rep.capacityPerWeek, active: rep.active, ...(maxOpen !== undefined ? { maxOpen } : {}) };
    }),
    rules,
    fallback: active.length ? { method: 'round_robin', pool: active } : { method: 'manual_review', pool: [], queue: problem.overflowQueue ?? 'overflow' },
  };
}

/** A rule id from readable text (letters and digits of any script, dashes), not yet in `used`. */
export function uniqueRuleId(text: string, used: Set<string>): string {
  const base = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'segment';
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
