/**
 * A seeded random assignment problem with every constraint on, sized segments × reps, for the
 * crossover measurement and the bench. Capacity exceeds demand by 20% so band minimums, the value
 * floor and the junior share can all be met.
 */
import type { AssignmentProblem } from '../../src/optimize/problem';

export function randomInstance(S: number, R: number, seed = 1): AssignmentProblem {
  let state = seed >>> 0 || 1;
  const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const segments = Array.from({ length: S }, (_, s) => ({ key: `seg${s}`, demandPerWeek: 5 + Math.round(rand() * 40), valuePerWon: 1000 + Math.round(rand() * 9000) }));
  const demand = segments.reduce((sum, seg) => sum + seg.demandPerWeek, 0);
  const weights = Array.from({ length: R }, () => 0.5 + rand());
  const wsum = weights.reduce((a, b) => a + b, 0);
  const reps = weights.map((w, r) => ({ id: `r${r}`, capacityPerWeek: Math.round((1.2 * demand * w) / wsum) + 1, tier: r % 4 === 0 ? 'junior' : 'senior', active: true }));
  const conversion = Float64Array.from({ length: S * R }, () => 0.02 + rand() * 0.3);
  const eligible = Uint8Array.from({ length: S * R }, () => (rand() < 0.6 ? 1 : 0));
  // Every segment and every rep gets at least one pair, so nobody is idle by construction.
  for (let s = 0; s < S; s++) eligible[s * R + (s % R)] = 1;
  for (let r = 0; r < R; r++) eligible[(r % S) * R + r] = 1;
  return {
    segments, reps, conversion, eligible, objective: 'revenue',
    constraints: {
      capacity: true,
      loadBand: [0.3, 1],
      valueFloor: 0.3,
      juniorShare: { segments: [0, 1, 2].filter((s) => s < S), atLeast: 0.2 },
      maxMinWeight: 0.5,
    },
  };
}
