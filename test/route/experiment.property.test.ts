import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignMethod, RuleConfig, RuleConfigInput } from '../../src/model/rules';
import {
  armPools, ARM_CANDIDATE, closeLead, createRouterState, firstRule, isCandidateLead, isRejected, leadArm, NO_REP, route, routeToRep, setRepAway, startPeriod,
  type Lead, type RouterState,
} from '../../src/route';
import { rep, rulesOf } from './rule-fixtures';

/*
 * A rule file with an experiment: the arm is decided first (one implementation, src/route/arm-split.ts),
 * then that arm's rules route the lead over the shared reps. Checked on random configs and streams
 * against route-to-rep's fast path, and on the shares each unit gives.
 */

const METHODS = ['round_robin', 'weighted_round_robin', 'least_loaded', 'fixed', 'manual_review'] as const;

function assignArb(ids: string[], methods: readonly AssignMethod[]) {
  return fc.record({ method: fc.constantFrom(...methods), pool: fc.shuffledSubarray(ids, { minLength: 1 }), raw: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: ids.length, maxLength: ids.length }) }).map(({ method, pool, raw }) => {
    if (method === 'manual_review') return { method, queue: 'review' };
    if (method === 'fixed') return { method, pool: [{ rep: pool[0]! }] };
    if (method !== 'weighted_round_robin') return { method, pool: pool.map((id) => ({ rep: id })) };
    const total = pool.reduce((s, _, i) => s + raw[i]!, 0);
    return { method, pool: pool.map((id, i) => ({ rep: id, weight: raw[i]! / total })) };
  });
}

const armArb = (ids: string[]) => fc.record({
  rules: fc.array(fc.record({ region: fc.constantFrom('A', 'B'), assign: assignArb(ids, METHODS) }), { maxLength: 3 }),
  fallback: assignArb(ids, METHODS.filter((m) => m !== 'manual_review')),
}).map(({ rules, fallback }) => ({
  // Rule ids repeat between the arms on purpose: each arm's rotation must stay its own.
  rules: rules.map((r, i) => ({ id: `rule${i}`, when: { field: 'region', op: 'eq' as const, value: r.region }, assign: r.assign })) as RuleConfigInput['rules'],
  fallback: fallback as RuleConfigInput['fallback'],
}));

const splitArb = fc.oneof(
  fc.integer({ min: 1, max: 9999 }).map((b) => ({ unit: 'lead' as const, candidateShare: b / 10_000, salt: 'allot-test' })),
  fc.integer({ min: 1, max: 99 }).map((k) => ({ unit: 'slot' as const, candidateShare: k / 100 })),
  fc.integer({ min: 1, max: 9 }).map((k) => ({ unit: 'week' as const, candidateShare: k / 10, weekStart: '2026-12-07' })),
);

const configArb: fc.Arbitrary<RuleConfig> = fc
  .array(fc.record({ capacityPerWeek: fc.integer({ min: 0, max: 8 }), maxOpen: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0) }), { minLength: 1, maxLength: 5 })
  .chain((parts) => {
    const reps = parts.map((p, i) => rep(`r${i}`, p));
    const ids = reps.map((r) => r.id);
    return fc.record({ candidate: armArb(ids), control: fc.option(armArb(ids), { nil: null }), split: splitArb, reject: fc.boolean() }).map(({ candidate, control, split, reject }) => rulesOf({
      schema: 'allot.rules/v2',
      reps,
      ...candidate,
      prescreen: { reject: reject ? [{ field: 'region', op: 'empty' }] : [] },
      experiment: { ...split, control: control === null ? { name: 'as is', keepCurrent: true } : { name: 'control', ...control } },
    }));
  });

type Step = { lead: Lead } | { close: number } | { away: number; on: boolean } | { period: true };
const DAYS = ['2026-11-30', '2026-12-07', '2026-12-09', '2026-12-14', '2026-12-21T09:30:00', '2026-12-28', '2027-01-04', 'not a date'];
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ lead_id: fc.integer({ min: 0, max: 10_000 }).map((n) => `L${n}`), region: fc.constantFrom<string | null>('A', 'B', null), created_at: fc.constantFrom(...DAYS) }).map((lead) => ({ lead })) },
  { weight: 2, arbitrary: fc.nat(5).map((close) => ({ close })) },
  { weight: 1, arbitrary: fc.record({ away: fc.nat(5), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ period: true as const }) },
);

describe('a rule file with an experiment, on random configs and streams', () => {
  it('routing by index (leadArm, armPools, firstRule, routeToRep) gives every lead what route gives it, and leaves the same state', () => {
    const booked = (s: RouterState) => ({ inPeriod: [...s.assignedInPeriod], open: [...s.open], cursor: [...s.cursor], current: [...s.current] });
    fc.assert(
      fc.property(configArb, fc.array(stepArb, { maxLength: 80 }), (config, steps) => {
        const full = createRouterState(config), byIndex = createRouterState(config);
        const n = config.reps.length;
        let sequence = 0; // the fast path leaves the count of leads routed to its caller
        steps.forEach((step, i) => {
          for (const s of [full, byIndex]) {
            if ('close' in step) closeLead(s, step.close % n);
            else if ('away' in step) setRepAway(s, step.away % n, step.on);
            else if ('period' in step) startPeriod(s, i);
          }
          if (!('lead' in step)) return;
          const decision = route(config, step.lead, full).decision;
          const compiled = byIndex.rules;
          let answer: number | 'left' = NO_REP;
          if (!isRejected(compiled, step.lead)) {
            const pools = armPools(compiled, leadArm(compiled.split!, step.lead, String(step.lead['lead_id']), sequence));
            answer = pools === null ? 'left' : routeToRep(pools, firstRule(pools, step.lead), byIndex);
          }
          sequence += 1;
          const expected = decision.kind === 'left_to_current' ? 'left' : decision.kind === 'assigned' ? 2 * decision.repIndex + (decision.fallbackBecause === null ? 0 : 1) : NO_REP;
          expect(answer, JSON.stringify(decision)).toBe(expected);
          expect(booked(byIndex)).toEqual(booked(full));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('every routed decision names its arm, a rep only comes from that arm\'s pools, and a keepCurrent control is left to the current process', () => {
    fc.assert(
      fc.property(configArb, fc.array(stepArb, { maxLength: 60 }), (config, steps) => {
        const state = createRouterState(config);
        const control = config.experiment!.control;
        for (const step of steps) {
          if (!('lead' in step)) continue;
          const d = route(config, step.lead, state).decision;
          if (d.kind === 'rejected' || d.kind === 'duplicate') continue;
          if (d.kind === 'left_to_current') {
            expect('keepCurrent' in control).toBe(true);
            continue;
          }
          const arm = d.arm === 'candidate' ? config : 'rules' in control ? control : null;
          expect(arm, 'a keepCurrent control never routes a lead').not.toBeNull();
          if (d.kind === 'assigned') {
            const pool = d.ruleId === 'fallback' ? arm!.fallback : arm!.rules.find((r) => r.id === d.ruleId)!.assign;
            expect(pool.pool.map((e) => e.rep)).toContain(d.rep);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

const twoReps = [rep('a'), rep('b')];
const roundRobin = { method: 'round_robin' as const, pool: [{ rep: 'a' }, { rep: 'b' }] };

function experimentOf(experiment: Record<string, unknown>, control: Record<string, unknown> = { name: 'as is', keepCurrent: true }): RuleConfig {
  return rulesOf({ schema: 'allot.rules/v2', reps: twoReps, rules: [{ id: 'r', assign: roundRobin }], fallback: roundRobin, experiment: { ...experiment, control } as never });
}

describe('the split each unit gives', () => {
  it('lead: the candidate gets the leads the shared hash puts below its share (30% of 20,000 leads within 1 point), whatever order they come in', () => {
    const config = experimentOf({ unit: 'lead', candidateShare: 0.3, salt: 's1' });
    const state = createRouterState(config);
    let candidate = 0;
    for (let i = 0; i < 20_000; i++) {
      const d = route(config, { lead_id: `L-${i}` }, state).decision;
      const expected = isCandidateLead(`L-${i}`, 0.3, 's1');
      expect(d.kind === 'left_to_current' ? false : true).toBe(expected);
      if (expected) candidate++;
    }
    expect(Math.abs(candidate / 20_000 - 0.3)).toBeLessThan(0.01);
  });

  it('lead: another id field is hashed when the experiment names it', () => {
    const config = experimentOf({ unit: 'lead', candidateShare: 0.5, salt: 's', idField: 'email' });
    const state = createRouterState(config);
    const arm = (email: string) => route(config, { lead_id: 'same', email }, state).decision.kind !== 'left_to_current';
    const emails = Array.from({ length: 200 }, (_, i) => `p${i}@x`);
    expect(emails.map(arm)).toEqual(emails.map((e) => isCandidateLead(e, 0.5, 's')));
  });

  it('slot: exactly k of every 100 consecutive leads go to the candidate, the first k of each hundred', () => {
    const config = experimentOf({ unit: 'slot', candidateShare: 0.37 }, { name: 'rr', rules: [], fallback: roundRobin });
    const state = createRouterState(config);
    const arms = Array.from({ length: 300 }, (_, i) => (route(config, { lead_id: `L${i}` }, state).decision as { arm: string }).arm);
    for (let h = 0; h < 3; h++) expect(arms.slice(100 * h, 100 * h + 100)).toEqual([...Array(37).fill('candidate'), ...Array(63).fill('control')]);
  });

  it('week: whole weeks from weekStart alternate at ½ (week 0 control, as candidateWeek says), a lead without a date is control', () => {
    const config = experimentOf({ unit: 'week', candidateShare: 0.5, weekStart: '2026-12-07' }, { name: 'rr', rules: [], fallback: roundRobin });
    const state = createRouterState(config);
    const armOn = (created_at: string | null) => (route(config, { created_at }, state).decision as { arm: string }).arm;
    expect(['2026-12-07', '2026-12-13T23:59:59', '2026-12-14', '2026-12-20 08:00', '2026-12-21', '2026-11-30', null, '07/12/2026'].map(armOn))
      .toEqual(['control', 'control', 'candidate', 'candidate', 'control', 'candidate', 'control', 'control']);
  });

  it('each arm keeps its own rotation: a rule id both arms use rotates a, b, a, b within each arm', () => {
    const config = experimentOf({ unit: 'slot', candidateShare: 0.5 }, { name: 'rr', rules: [{ id: 'r', assign: roundRobin }], fallback: roundRobin });
    const state = createRouterState(config);
    const byArm: Record<string, string[]> = { candidate: [], control: [] };
    // Slots 0-49 candidate, 50-99 control: route 100 leads, then look within each arm.
    for (let i = 0; i < 100; i++) {
      const d = route(config, { lead_id: `L${i}` }, state).decision;
      if (d.kind !== 'assigned') throw new Error('both reps are free');
      byArm[d.arm!]!.push(d.rep);
    }
    for (const reps of Object.values(byArm)) expect(reps.slice(0, 6)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
  });

  it('reps, caps and loads are shared between the arms: a rep capped by candidate leads takes no control lead', () => {
    const config = rulesOf({
      schema: 'allot.rules/v2', reps: [rep('a', { capacityPerWeek: 2 }), rep('b')], rules: [], fallback: { method: 'fixed', pool: [{ rep: 'a' }] },
      experiment: { unit: 'slot', candidateShare: 0.5, control: { name: 'c', rules: [], fallback: roundRobin } },
    });
    const state = createRouterState(config);
    const reps = Array.from({ length: 3 }, (_, i) => route(config, { lead_id: `L${i}` }, state).decision).map((d) => (d.kind === 'assigned' ? d.rep : d.kind));
    expect(reps).toEqual(['a', 'a', 'unassigned']);
    // Lead 50 is the control's first: a is capped, so the control's round robin skips to b.
    for (let i = 3; i < 50; i++) route(config, { lead_id: `L${i}` }, state);
    const d = route(config, { lead_id: 'L50' }, state).decision;
    expect(d).toMatchObject({ kind: 'assigned', rep: 'b', arm: 'control', skipped: [{ rep: 'a', why: 'capped' }] });
  });

  it('the prescreen applies before the split: a rejected lead has no arm', () => {
    const config = rulesOf({
      schema: 'allot.rules/v2', reps: twoReps, rules: [], fallback: roundRobin, prescreen: { reject: [{ field: 'email', op: 'empty' }] },
      experiment: { unit: 'lead', candidateShare: 0.5, salt: 's', control: { name: 'as is', keepCurrent: true } },
    });
    expect(route(config, { lead_id: 'x' }, createRouterState(config)).decision).toEqual({ kind: 'rejected', leadId: 'x', rejectIndex: 0, reason: 'email is empty' });
    expect(ARM_CANDIDATE).toBe(1);
  });
});
