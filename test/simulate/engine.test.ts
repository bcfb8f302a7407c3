import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, DEFAULT_WORKING_HOURS, momentAfterWorked, parseWorkingHours, workedUntil } from '../../src/simulate/calendar';
import { gini, jain, METRIC_INDEX } from '../../src/simulate/metrics';
import { Random } from '../../src/simulate/random';
import { runReplications, type ReplicateInput } from '../../src/simulate/replicate';
import { TimeHeap } from '../../src/simulate/time-heap';
import type { SimPolicy } from '../../src/simulate/policy';
import { roundRobinRules, skillRules, tinyWorld } from './support';
import { METRICS } from '../../src/model/comparison';

const M = METRICS.length;
const metric = (values: Float64Array, policies: number, replication: number, policy: number, name: keyof typeof METRIC_INDEX) =>
  values[(replication * policies + policy) * M + METRIC_INDEX[name]]!;

describe('working time', () => {
  const week = compileCalendar(DEFAULT_WORKING_HOURS);

  it('has 45 working hours in a Mon–Fri 9–18 week', () => {
    expect(week.hoursPerWeek).toBe(45);
  });

  it('sends a lead that arrives on Friday evening to Monday 9:00', () => {
    const fridayEvening = 4 * 24 + 20;
    expect(momentAfterWorked(week, workedUntil(week, fridayEvening))).toBe(168 + 9);
  });

  it('maps worked hours and moments both ways (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 2000, noNaN: true }), (worked) => {
      expect(workedUntil(week, momentAfterWorked(week, worked))).toBeCloseTo(worked, 9);
    }));
  });

  it('reads working hours as rosters write them, and refuses what it cannot read', () => {
    expect(parseWorkingHours('09:00-18:00')).toEqual({ days: [0, 1, 2, 3, 4], start: 9, end: 18 });
    expect(parseWorkingHours('每天 8-20')).toEqual({ days: [0, 1, 2, 3, 4, 5, 6], start: 8, end: 20 });
    expect(parseWorkingHours('whenever')).toBeNull();
    expect(parseWorkingHours('18-9')).toBeNull();
  });
});

describe('the random source', () => {
  it('repeats itself for the same seed and streams, and differs across streams', () => {
    const a = new Random(7, 1, 2), b = new Random(7, 1, 2), c = new Random(7, 2, 2);
    const xs = Array.from({ length: 100 }, () => a.uniform());
    expect(Array.from({ length: 100 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.uniform())).not.toEqual(xs);
  });

  it('draws beta and poisson with the right means', () => {
    const random = new Random(11);
    const n = 20_000;
    let beta = 0, poisson = 0;
    for (let i = 0; i < n; i++) {
      beta += random.beta(2, 6);
      poisson += random.poisson(3.5);
    }
    expect(beta / n).toBeCloseTo(0.25, 2);
    expect(poisson / n).toBeCloseTo(3.5, 1);
  });
});

describe('the event heap', () => {
  it('pops events in time order (property)', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true })), (times) => {
      const heap = new TimeHeap(2);
      times.forEach((t, i) => heap.push(t, i));
      const out: number[] = [];
      while (heap.size > 0) {
        out.push(heap.peekTime());
        heap.pop();
      }
      expect(out).toEqual([...times].sort((a, b) => a - b));
    }));
  });
});

describe('fairness measures', () => {
  it('gives 0 and 1 for an even split and Jain 1/n when one rep has everything', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 12])).toBeCloseTo(0.75, 12);
    expect(jain([3, 3, 3])).toBe(1);
    expect(jain([0, 0, 9])).toBeCloseTo(1 / 3, 12);
  });
});

describe('replications', () => {
  const run = (policies: SimPolicy[], replications = 30, world = tinyWorld()) => {
    const input: ReplicateInput = { world, policiesByFold: [policies], seed: 5 };
    return runReplications(input, Array.from({ length: replications }, (_, i) => i));
  };
  const rr: SimPolicy = { name: 'rr', kind: 'rules', config: roundRobinRules() };
  const skills: SimPolicy = { name: 'skills', kind: 'rules', config: skillRules() };

  it('loses no lead: every counted lead is assigned to a rep or counted unassigned', () => {
    const batch = run([rr, { name: 'two reps', kind: 'rules', config: roundRobinRules(['a', 'b']) }]);
    const R = 3, K = 4;
    for (let i = 0; i < 30; i++) {
      for (let k = 0; k < 2; k++) {
        const leads = metric(batch.metrics, 2, i, k, 'leads');
        const toReps = [0, 1, 2].reduce((s, r) => s + batch.reps[((i * 2 + k) * R + r) * K]!, 0);
        expect(toReps + metric(batch.metrics, 2, i, k, 'unassignedShare') * leads).toBeCloseTo(leads, 9);
      }
    }
  });

  it('gives identical policies identical numbers: common random numbers leave nothing but the policy', () => {
    const batch = run([rr, { ...rr, name: 'rr again' }]);
    for (let i = 0; i < 30; i++) {
      for (const name of METRICS) {
        const a = metric(batch.metrics, 2, i, 0, name), b = metric(batch.metrics, 2, i, 1, name);
        expect(Number.isNaN(a) ? Number.isNaN(b) : a === b, `${name} in replication ${i}`).toBe(true);
      }
    }
  });

  it('is deterministic: replication i is the same whether run alone or among others', () => {
    const all = run([rr, skills], 12);
    const alone = runReplications({ world: tinyWorld(), policiesByFold: [[rr, skills]], seed: 5 }, [7]);
    expect(Array.from(alone.metrics)).toEqual(Array.from(all.metrics.subarray(7 * 2 * M, 8 * 2 * M)));
  });

  it('sees the skill-aware rules convert more than round robin, in every replication', () => {
    const batch = run([rr, skills]);
    for (let i = 0; i < 30; i++) expect(metric(batch.metrics, 2, i, 1, 'conversions')).toBeGreaterThan(metric(batch.metrics, 2, i, 0, 'conversions'));
  });

  it('sends an absent rep no lead, and their share to the others', () => {
    const world = tinyWorld();
    world.reps[2] = { ...world.reps[2]!, absent: true };
    const batch = run([rr], 5, world);
    for (let i = 0; i < 5; i++) expect(batch.reps[(i * 3 + 2) * 4]).toBe(0);
  });

  it('keeps each rep under their weekly capacity, and lets slow first touches breach the SLA', () => {
    const tight = tinyWorld({ slaHours: 1 }, 60);
    tight.reps.forEach((r) => (r.capacityPerWeek = 30));
    const batch = run([{ name: 'rr', kind: 'rules', config: roundRobinRules(['a', 'b', 'c'], 30) }], 10, tight);
    for (let i = 0; i < 10; i++) {
      expect(metric(batch.metrics, 1, i, 0, 'maxUtilization')).toBeLessThanOrEqual(1 + 1e-9);
      expect(metric(batch.metrics, 1, i, 0, 'unassignedShare')).toBeGreaterThan(0);
      expect(metric(batch.metrics, 1, i, 0, 'slaBreachRate')).toBeGreaterThan(0.3);
    }
  });

  it('reclaims leads a rep cannot reach in time, and routes them again', () => {
    const slow = tinyWorld({ reclaimAfterHours: 4, touchShare: 1 }, 60);
    const batch = run([{ name: 'one rep', kind: 'rules', config: roundRobinRules(['a']) }], 5, slow);
    for (let i = 0; i < 5; i++) expect(metric(batch.metrics, 1, i, 0, 'reclaimedShare')).toBeGreaterThan(0);
  });

  it('replays history as it was in the as-is policy', () => {
    const batch = run([{ name: 'as_is', kind: 'as_is' }], 5);
    // ownerShare sends East to a and b, West to c only.
    for (let i = 0; i < 5; i++) expect(batch.reps[(i * 3 + 2) * 4]).toBeGreaterThan(0);
  });

  describe.each([
    ['inactive', { active: false }],
    ['away', { absent: true }],
  ] as const)('as is, with a historical owner %s', (_, change) => {
    const world = tinyWorld();
    world.reps[2] = { ...world.reps[2]!, ...change };
    const asIs: SimPolicy = { name: 'as_is', kind: 'as_is', fallback: roundRobinRules(['a', 'b', 'c']) };
    const batch = run([asIs, rr], 8, world);

    it('re-routes their leads by its fallback to the reps who can take them, and counts them', () => {
      for (let i = 0; i < 8; i++) {
        const toC = batch.reps[((i * 2 + 0) * 3 + 2) * 4]!;
        expect(toC, `replication ${i}`).toBe(0);
        expect(metric(batch.metrics, 2, i, 0, 'unassignedShare')).toBe(0);
        // c had every West lead: half of the leads reach the fallback.
        expect(metric(batch.metrics, 2, i, 0, 'fallbackShare')).toBeGreaterThan(0.4);
        expect(metric(batch.metrics, 2, i, 0, 'fallbackShare')).toBeLessThan(0.6);
      }
    });

    it('leaves a policy that is its fallback alone at no fallback share', () => {
      for (let i = 0; i < 8; i++) expect(metric(batch.metrics, 2, i, 1, 'fallbackShare')).toBe(0);
    });
  });

  it('counts the leads a rule cannot place and its fallback takes', () => {
    const world = tinyWorld();
    world.reps[2] = { ...world.reps[2]!, absent: true };
    // West is fixed to c, who is away: every West lead falls to the fallback; East never does.
    const batch = run([skills], 5, world);
    for (let i = 0; i < 5; i++) {
      expect(metric(batch.metrics, 1, i, 0, 'fallbackShare')).toBeGreaterThan(0.4);
      expect(metric(batch.metrics, 1, i, 0, 'fallbackShare') + metric(batch.metrics, 1, i, 0, 'unassignedShare')).toBeLessThanOrEqual(1);
    }
    // With c present, only West leads above c's weekly cap of 40 fall to the fallback.
    const present = run([skills], 5, tinyWorld({}, 20));
    for (let i = 0; i < 5; i++) expect(metric(present.metrics, 1, i, 0, 'fallbackShare')).toBe(0);
  });
});
