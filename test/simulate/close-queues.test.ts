import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseQueues } from '../../src/simulate/close-queues';

type Step = { push: { rep: number; after: number } } | { advance: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ rep: fc.nat(5), after: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(0, 1, 10)) }).map((push) => ({ push })) },
  { weight: 2, arbitrary: fc.oneof(fc.double({ min: 0, max: 30, noNaN: true }), fc.constantFrom(0, 200)).map((advance) => ({ advance })) },
);

/** The reps of the closes `takeDue` took, sorted (it takes them in no particular order). */
function taken(queues: CloseQueues, now: number): number[] {
  const n = queues.takeDue(now);
  return Array.from(queues.due.subarray(0, n)).sort();
}

describe('the leads waiting to close', () => {
  it('close, by any moment, exactly the leads due by then, with any bucket width and ring (property)', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 300 }),
        fc.integer({ min: 1, max: 400 }),
        fc.oneof(fc.double({ min: 0.5, max: 500, noNaN: true }), fc.constant(0)),
        (steps, closes, hours) => {
          const queues = new CloseQueues();
          queues.reset(closes, hours);
          let pending: Array<{ rep: number; time: number }> = [];
          let now = 0;
          for (const step of steps) {
            if ('push' in step) {
              // Closes are always later than the moment they are booked at, in any order across and within reps.
              queues.push(step.push.rep, now + step.push.after);
              pending.push({ rep: step.push.rep, time: now + step.push.after });
              continue;
            }
            now += step.advance;
            const due = pending.filter((c) => c.time <= now);
            pending = pending.filter((c) => c.time > now);
            expect(taken(queues, now)).toEqual(due.map((c) => c.rep).sort());
          }
          expect(taken(queues, Number.MAX_VALUE)).toEqual(pending.map((c) => c.rep).sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grow past their first arrays and start empty again after a reset', () => {
    const queues = new CloseQueues();
    queues.reset(10, 100);
    for (let i = 0; i < 500; i++) queues.push(i % 2, 1000 - i);
    expect(queues.takeDue(500)).toBe(0);
    expect(taken(queues, 700)).toEqual([...Array.from({ length: 100 }, () => 0), ...Array.from({ length: 100 }, () => 1)]);
    expect(queues.takeDue(1000)).toBe(300);
    queues.push(1, 5);
    queues.reset(3, 10);
    expect(queues.takeDue(1e9)).toBe(0);
  });
});
