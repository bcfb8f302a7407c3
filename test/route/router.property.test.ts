import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignMethod, Condition, RuleConfig, RuleConfigInput } from '../../src/model/rules';
import { closeLead, createRouterState, firstRule, isRejected, NO_REP, route, routeToRep, setRepAway, startPeriod, type Decision, type Lead, type RouterState } from '../../src/route';
import { rep, rulesOf } from './rule-fixtures';

/*
 * The router's promises, checked on random rule files and random streams of leads, closes, new
 * periods and absences, against a plain model of who may take a lead kept by the test itself.
 */

const REGIONS = ['A', 'B', 'C'] as const;

const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...REGIONS).map((value): Condition => ({ field: 'region', op: 'eq', value })),
  fc.subarray([...REGIONS], { minLength: 1 }).map((value): Condition => ({ field: 'region', op: 'in', value })),
  fc.integer({ min: 0, max: 5 }).map((value): Condition => ({ field: 'size', op: 'gte', value })),
  fc.integer({ min: 0, max: 5 }).map((value): Condition => ({ field: 'size', op: 'lt', value })),
  fc.constant<Condition>({ field: 'region', op: 'empty' }),
);
const whenArb = fc.option(
  fc.oneof(conditionArb, fc.array(conditionArb, { maxLength: 3 }).map((all): Condition => ({ all })), fc.array(conditionArb, { minLength: 1, maxLength: 3 }).map((any): Condition => ({ any }))),
  { nil: undefined },
);

function assignArb(repIds: string[], methods: readonly AssignMethod[]) {
  return fc.record({ method: fc.constantFrom(...methods), pool: fc.shuffledSubarray(repIds, { minLength: 1 }), raw: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: repIds.length, maxLength: repIds.length }) }).map(({ method, pool, raw }) => {
    if (method === 'manual_review') return { method, queue: 'review' };
    if (method === 'fixed') return { method, pool: [{ rep: pool[0]! }] };
    if (method !== 'weighted_round_robin') return { method, pool: pool.map((id) => ({ rep: id })) };
    const parts = pool.map((_, i) => raw[i]! + (i === 0 ? 1 : 0)); // at least one positive weight
    const total = parts.reduce((s, p) => s + p, 0);
    return { method, pool: pool.map((id, i) => ({ rep: id, weight: parts[i]! / total })) };
  });
}

const METHODS = ['round_robin', 'weighted_round_robin', 'least_loaded', 'fixed', 'manual_review'] as const;

const configArb: fc.Arbitrary<RuleConfig> = fc
  .array(
    fc.record({
      active: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
      absent: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      capacityPerWeek: fc.integer({ min: 0, max: 8 }),
      maxOpen: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .chain((repParts) => {
    const reps = repParts.map((p, i) => rep(`r${i}`, p));
    const ids = reps.map((r) => r.id);
    return fc.record({
      rules: fc.array(fc.record({ when: whenArb, assign: assignArb(ids, METHODS) }), { maxLength: 4 }),
      fallback: assignArb(ids, METHODS.filter((m) => m !== 'manual_review')),
      rejectEmptyRegion: fc.boolean(),
      dedupe: fc.boolean(),
    }).map((parts) => rulesOf({
      reps,
      rules: parts.rules.map((r, i) => ({ id: `rule${i}`, ...(r.when ? { when: r.when } : {}), assign: r.assign })) as RuleConfigInput['rules'],
      fallback: parts.fallback as RuleConfigInput['fallback'],
      prescreen: { reject: parts.rejectEmptyRegion ? [{ field: 'region', op: 'empty' }] : [], dedupeOn: parts.dedupe ? ['email'] : [] },
    }));
  });

type Step = { lead: Lead } | { close: number } | { away: number; on: boolean } | { period: true };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ region: fc.constantFrom<string | null>(...REGIONS, null), size: fc.integer({ min: 0, max: 6 }), email: fc.integer({ min: 0, max: 30 }).map((n) => `e${n}@x`) }).map((lead) => ({ lead })) },
  { weight: 2, arbitrary: fc.nat(5).map((close) => ({ close })) },
  { weight: 1, arbitrary: fc.record({ away: fc.nat(5), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ period: true as const }) },
);

/** Runs the steps; returns the decisions, in lead order. */
function run(config: RuleConfig, steps: Step[]): Decision[] {
  const state = createRouterState(config);
  const decisions: Decision[] = [];
  const reps = config.reps.length;
  steps.forEach((step, i) => {
    if ('lead' in step) decisions.push(route(config, { lead_id: `L${i}`, ...step.lead }, state).decision);
    else if ('close' in step) closeLead(state, step.close % reps);
    else if ('away' in step) setRepAway(state, step.away % reps, step.on);
    else startPeriod(state, i);
  });
  return decisions;
}

/** The test's own reading of a condition over the generated fields. */
function holds(c: Condition | undefined, lead: Lead): boolean {
  if (c === undefined) return true;
  if ('all' in c) return c.all.every((m) => holds(m, lead));
  if ('any' in c) return c.any.some((m) => holds(m, lead));
  const v = lead[c.field];
  if (c.op === 'eq') return v === c.value;
  if (c.op === 'in') return c.value.includes(v as string);
  if (c.op === 'gte') return typeof v === 'number' && v >= (c.value as number);
  if (c.op === 'lt') return typeof v === 'number' && v < (c.value as number);
  if (c.op === 'empty') return v === null || v === undefined;
  throw new Error(`not generated: ${c.op}`);
}

describe('the router, on random rules and random streams of leads', () => {
  it('never loses a lead, never assigns outside the pool that decided, and never to an inactive, absent or capped rep', () => {
    fc.assert(
      fc.property(configArb, fc.array(stepArb, { maxLength: 80 }), (config, steps) => {
        const decisions = run(config, steps);
        const leadSteps = steps.map((s, i) => ({ s, i })).filter((x): x is { s: { lead: Lead }; i: number } => 'lead' in x.s);
        expect(decisions).toHaveLength(leadSteps.length);
        // The model: what the test knows of each rep, updated as the stream goes.
        const n = config.reps.length;
        const inPeriod = new Array<number>(n).fill(0);
        const open = new Array<number>(n).fill(0);
        const away = new Array<boolean>(n).fill(false);
        const seen = new Set<string>();
        const can = (r: number) => {
          const spec = config.reps[r]!;
          return spec.active && !spec.absent && !away[r] && inPeriod[r]! < spec.capacityPerWeek && open[r]! < (spec.maxOpen ?? Infinity);
        };
        const index = (id: string) => config.reps.findIndex((r) => r.id === id);
        const anyoneIn = (pool: RuleConfig['fallback']) => pool.pool.some((e) => can(index(e.rep)) && (pool.method !== 'weighted_round_robin' || e.weight! > 0));
        let next = 0;
        steps.forEach((step, i) => {
          if ('close' in step) open[step.close % n] = Math.max(0, open[step.close % n]! - 1);
          else if ('away' in step) away[step.away % n] = step.on;
          else if ('period' in step) inPeriod.fill(0);
          else {
            const decision = decisions[next++]!;
            expect(decision.leadId).toBe(`L${i}`);
            const lead = step.lead;
            if (config.prescreen?.reject?.length && lead.region === null) return void expect(decision.kind).toBe('rejected');
            if (config.prescreen?.dedupeOn?.length && seen.has(lead.email as string)) return void expect(decision.kind).toBe('duplicate');
            seen.add(lead.email as string);
            const matched = config.rules.find((r) => holds(r.when, lead));
            const deciding = matched && (matched.assign.method === 'manual_review' || anyoneIn(matched.assign)) ? matched.assign : config.fallback;
            expect(decision).toHaveProperty('ruleId', deciding === config.fallback ? 'fallback' : matched!.id);
            if (decision.kind === 'queued') expect(deciding.method).toBe('manual_review');
            if (decision.kind === 'unassigned') expect(anyoneIn(config.fallback)).toBe(false);
            if (decision.kind === 'assigned') {
              const r = index(decision.rep);
              expect(deciding.pool.map((e) => e.rep)).toContain(decision.rep);
              expect(can(r)).toBe(true);
              inPeriod[r]! += 1;
              open[r]! += 1;
            }
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('routing by index (the simulator\'s way) gives every lead to the rep route gives it to, and leaves the same state', () => {
    const booked = (state: RouterState) => ({ inPeriod: [...state.assignedInPeriod], open: [...state.open], cursor: [...state.cursor], current: [...state.current] });
    fc.assert(
      fc.property(configArb, fc.array(stepArb, { maxLength: 80 }), (withDedupe, steps) => {
        // Dedupe remembers leads by id: a config that dedupes goes through route.
        const config = { ...withDedupe, prescreen: { ...withDedupe.prescreen, dedupeOn: [] } };
        const full = createRouterState(config), byIndex = createRouterState(config);
        const reps = config.reps.length;
        steps.forEach((step, i) => {
          for (const state of [full, byIndex]) {
            if ('close' in step) closeLead(state, step.close % reps);
            else if ('away' in step) setRepAway(state, step.away % reps, step.on);
            else if ('period' in step) startPeriod(state, i);
          }
          if (!('lead' in step)) return;
          const decision = route(config, step.lead, full).decision;
          const answer = isRejected(byIndex.rules, step.lead) ? NO_REP : routeToRep(byIndex.rules, firstRule(byIndex.rules, step.lead), byIndex);
          const expected = decision.kind === 'assigned' ? 2 * decision.repIndex + (decision.fallbackBecause === null ? 0 : 1) : NO_REP;
          expect(answer, JSON.stringify(decision)).toBe(expected);
          expect(booked(byIndex)).toEqual(booked(full));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('the same rules and the same stream give the same decisions', () => {
    fc.assert(
      fc.property(configArb, fc.array(stepArb, { maxLength: 60 }), (config, steps) => {
        expect(run(config, steps)).toEqual(run(config, steps));
      }),
      { numRuns: 200 },
    );
  });

  it('over any N leads, each rep of a weighted rule has within 1 of weight × N of its leads, at every point of the stream', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 7 }).filter((parts) => parts.some((p) => p > 0)),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 7 }).filter((parts) => parts.some((p) => p > 0)),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 400 }),
        (partsA, partsB, stream) => {
          const weightsOf = (parts: number[]) => parts.map((p) => p / parts.reduce((s, q) => s + q, 0));
          const pool = (weights: number[], prefix: string) => weights.map((weight, i) => ({ rep: `${prefix}${i}`, weight }));
          const [wa, wb] = [weightsOf(partsA), weightsOf(partsB)];
          const config = rulesOf({
            reps: [...wa.map((_, i) => rep(`a${i}`)), ...wb.map((_, i) => rep(`b${i}`))],
            rules: [
              { id: 'A', when: { field: 'region', op: 'eq', value: 'A' }, assign: { method: 'weighted_round_robin', pool: pool(wa, 'a') } },
              { id: 'B', assign: { method: 'weighted_round_robin', pool: pool(wb, 'b') } },
            ],
          });
          const state = createRouterState(config);
          const counts = new Map<string, number>();
          const seen = { A: 0, B: 0 };
          for (const isA of stream) {
            const decision = route(config, { region: isA ? 'A' : 'B' }, state).decision;
            if (decision.kind !== 'assigned') throw new Error('every rep is available');
            counts.set(decision.rep, (counts.get(decision.rep) ?? 0) + 1);
            const rule = isA ? 'A' : 'B';
            seen[rule] += 1;
            (isA ? wa : wb).forEach((w, i) => expect(Math.abs((counts.get(`${rule.toLowerCase()}${i}`) ?? 0) - w * seen[rule])).toBeLessThan(1 + 1e-9));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
