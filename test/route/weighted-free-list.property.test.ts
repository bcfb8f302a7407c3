import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rulesOf, rep } from './rule-fixtures';
import { closeLead, cloneRouterState, createRouterState, routeToRep, setRepAway, startPeriod, type RouterState } from '../../src/route';

/**
 * Smooth weighted round robin looks only at the pool's free entries, listed again after each change
 * of who is free. This is the pick as it was written before that list: every entry's block looked
 * at, on a copy of the current values, with the same sums in the same order.
 */
function scanPick(state: RouterState, weights: readonly number[], current: number[]): number {
  const pool = state.rules.fallback;
  let total = 0, best = -1, bestCurrent = -Infinity;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i]! <= 0 || state.block[pool.reps[i]!] !== 0) continue;
    current[i]! += weights[i]!;
    total += weights[i]!;
    if (best < 0 || current[i]! > bestCurrent) [best, bestCurrent] = [i, current[i]!];
  }
  if (best >= 0) current[best]! -= total;
  return best;
}

type Step = { pick: true } | { close: number } | { away: number; on: boolean } | { week: true } | { clone: true };
const stepArb = (n: number): fc.Arbitrary<Step> => fc.oneof(
  { weight: 6, arbitrary: fc.constant({ pick: true as const }) },
  { weight: 3, arbitrary: fc.nat(n - 1).map((close) => ({ close })) },
  { weight: 1, arbitrary: fc.record({ away: fc.nat(n - 1), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ week: true as const }) },
  { weight: 1, arbitrary: fc.constant({ clone: true as const }) },
);

describe('smooth weighted round robin over its free entries', () => {
  it('picks what a scan of every entry picks, through caps, closes, absences, new weeks and clones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.record({
          weights: fc.array(fc.oneof(fc.constantFrom(0, 1, 2), fc.double({ min: 0.01, max: 5, noNaN: true })), { minLength: n, maxLength: n }),
          caps: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: n, maxLength: n }),
          maxOpen: fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { minLength: n, maxLength: n }),
          steps: fc.array(stepArb(n), { maxLength: 150 }),
        })),
        ({ weights: raw, caps, maxOpen, steps }) => {
          // A config's weights sum to 1; zeros stay zeros (entries that never take part).
          const sum = raw.reduce((a, b) => a + b, 0);
          const weights = sum > 0 ? raw.map((w) => w / sum) : raw.map((_, i) => (i === 0 ? 1 : 0));
          const ids = weights.map((_, i) => `r${i}`);
          const config = rulesOf({
            reps: ids.map((id, i) => rep(id, { capacityPerWeek: caps[i]!, ...(maxOpen[i] === null ? {} : { maxOpen: maxOpen[i]! }) })),
            rules: [],
            fallback: { method: 'weighted_round_robin', pool: ids.map((id, i) => ({ rep: id, weight: weights[i]! })) },
          });
          let state = createRouterState(config);
          const current = weights.map(() => 0);
          let week = 0;
          for (const step of steps) {
            if ('pick' in step) {
              const expected = scanPick(state, weights, current);
              const routed = routeToRep(state.rules, 0, state);
              expect(routed < 0 ? -1 : routed >> 1).toBe(expected);
              expect(Array.from(state.current)).toEqual(current);
            } else if ('close' in step) closeLead(state, step.close);
            else if ('away' in step) setRepAway(state, step.away, step.on);
            else if ('week' in step) startPeriod(state, ++week);
            else state = cloneRouterState(state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
