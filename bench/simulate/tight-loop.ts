import type { Arrivals } from '../../src/simulate/arrivals';
import type { PreparedPolicy } from '../../src/simulate/policy';
import type { SimulationWorld } from '../../src/simulate/world';

/**
 * The tight-loop reference of issue 14: the same routings the simulator does, with nothing
 * else, as one loop over typed arrays: each lead goes to its segment's pool, a rep is picked by
 * smooth weighted round robin, the first touch waits behind the rep's earlier leads (the rep's
 * free time), and the lead converts with p(segment, rep) × decay(hours to first touch) against
 * its own uniform draw. No objects, no calendar, no caps, no events: what a hand-written kernel
 * would cost, the yardstick the simulator's throughput per core is held against.
 */
export interface SegmentPools {
  /** Per segment: its pool's entries are [start, end) of `rep` and `weight`. */
  start: Int32Array;
  end: Int32Array;
  /** World rep index per entry. */
  rep: Int32Array;
  weight: Float64Array;
}

/**
 * Each segment's pool under a policy's rules: the first rule its leads match (on the segment's
 * fields), else the fallback. Weighted pools keep their weights; round robin and fixed pools are
 * smooth weighted round robin with equal weights, which picks the same way.
 */
export function segmentPools(world: SimulationWorld, policy: PreparedPolicy): SegmentPools {
  const compiled = policy.compiled!;
  const S = world.segments.length;
  const start = new Int32Array(S), end = new Int32Array(S);
  const reps: number[] = [], weights: number[] = [];
  policy.leads.forEach((lead, s) => {
    const pool = compiled.rules.find((rule) => rule.matches(lead)) ?? compiled.fallback;
    start[s] = reps.length;
    pool.reps.forEach((rep, i) => {
      const weight = pool.method === 'weighted_round_robin' ? pool.weights[i]! : 1;
      // As the router: a rep with no weight never takes part, nor does one outside the world.
      if (weight <= 0 || policy.toWorld[rep]! < 0) return;
      reps.push(policy.toWorld[rep]!);
      weights.push(weight);
    });
    end[s] = reps.length;
  });
  return { start, end, rep: Int32Array.from(reps), weight: Float64Array.from(weights) };
}

export interface TightLoopInputs {
  arrivals: Pick<Arrivals, 'count' | 'time' | 'segment' | 'u'>;
  pools: SegmentPools;
  /** p(segment, rep), row-major segment × world rep. */
  p: Float64Array;
  /** Per world rep: hours of the rep's time one first touch takes. */
  service: Float64Array;
  reps: number;
  latencyHours: number;
  decay: { floor: number; tauHours: number; reference: number };
}

/** Routes every lead once; returns the conversions and the sum of the conversion chances (a checksum the caller keeps, so no work can be skipped). */
export function tightLoop(inputs: TightLoopInputs): { won: number; chanceSum: number } {
  const { arrivals, pools, p, service, reps: R, latencyHours } = inputs;
  const { floor, tauHours, reference } = inputs.decay;
  const { time, segment, u } = arrivals;
  const { start, end, rep: poolRep, weight } = pools;
  const current = new Float64Array(weight.length);
  const repFree = new Float64Array(R);
  let won = 0, chanceSum = 0;
  for (let i = 0; i < arrivals.count; i++) {
    const s = segment[i]!, now = time[i]!;
    let total = 0, best = -1, bestCurrent = -Infinity;
    for (let e = start[s]!; e < end[s]!; e++) {
      const c = (current[e]! += weight[e]!);
      total += weight[e]!;
      if (c > bestCurrent) {
        best = e;
        bestCurrent = c;
      }
    }
    current[best]! -= total;
    const rep = poolRep[best]!;
    const begin = repFree[rep]! > now ? repFree[rep]! : now;
    repFree[rep] = begin + service[rep]!;
    const hours = begin + latencyHours - now;
    const multiplier = floor + (1 - floor) * Math.exp(-hours / tauHours);
    const chance = Math.min(1, (p[s * R + rep]! * multiplier) / reference);
    chanceSum += chance;
    if (u[i]! < chance) won++;
  }
  return { won, chanceSum };
}
