import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseQueues } from '../../src/simulate/close-queues';

type Step = { push: { rep: number; after: number } } | { advance: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ rep: fc.nat(5), after: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(0, 1, 10)) }).map((push) => ({ push })) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 30, noNaN: true }).map((advance) => ({ advance })) },
);

describe('the leads waiting to close, per rep', () => {
  it('close, by any moment, exactly the leads due by then, rep by rep (property)', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 300 }), (steps) => {
        const queues = new CloseQueues();
        queues.reset(6);
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
          const closed: number[] = [];
          while (queues.peekTime() <= now) {
            closed.push(queues.peekRep());
            queues.pop();
          }
          const due = pending.filter((c) => c.time <= now);
          pending = pending.filter((c) => c.time > now);
          expect(closed.sort()).toEqual(due.map((c) => c.rep).sort());
          expect(queues.peekTime()).toBe(pending.length ? Math.min(...pending.map((c) => c.time)) : Infinity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grow past their first rings and start empty again after a reset', () => {
    const queues = new CloseQueues();
    queues.reset(2);
    for (let i = 0; i < 500; i++) queues.push(i % 2, 1000 - i);
    const times: number[] = [];
    while (queues.peekTime() < Infinity) {
      times.push(queues.peekTime());
      queues.pop();
    }
    expect(times).toEqual(Array.from({ length: 500 }, (_, i) => 501 + i));
    queues.push(1, 5);
    queues.reset(3);
    expect(queues.peekTime()).toBe(Infinity);
  });
});
