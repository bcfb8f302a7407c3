import { HOURS_PER_WEEK } from './calendar';
import { Random, STREAM } from './random';
import type { SimulationWorld } from './world';

/**
 * One replication's stream of leads, shared by every policy (common random numbers): the same
 * leads arrive at the same times with the same values, and each lead carries its own uniform
 * draw for the conversion, so two policies that give a lead to equally good reps see the same
 * outcome, and a difference between policies is the policies', not the dice's.
 */
export interface Arrivals {
  count: number;
  /** Hours since the start of the first (warm-up) week, ascending. */
  time: Float64Array;
  segment: Uint32Array;
  /** The lead's value; NaN when it has none (its segment's value per win is used). */
  value: Float64Array;
  /** The rep who had this lead in history (as-is), as a world rep index, or -1. */
  owner: Int32Array;
  /** Uniform draw deciding the conversion, the same under every policy. */
  u: Float64Array;
  /** Counted in the metrics (not in the warm-up). */
  counted: Uint8Array;
}

export function drawArrivals(world: SimulationWorld, seed: number, replication: number): Arrivals {
  const random = new Random(seed, replication, STREAM.arrivals);
  const { weeks, warmUpWeeks, volumeMultiplier } = world.horizon;
  const total = weeks + warmUpWeeks;
  const time: number[] = [], segment: number[] = [], value: number[] = [], owner: number[] = [];
  const source = world.arrivals;
  const copies = () => Math.floor(volumeMultiplier) + (random.uniform() < volumeMultiplier % 1 ? 1 : 0);
  const R = world.reps.length;

  if (source.kind === 'replay') {
    for (let i = 0; i < source.time.length; i++) {
      for (let c = copies(); c > 0; c--) {
        time.push(source.time[i]!); segment.push(source.segment[i]!); value.push(source.value[i]!); owner.push(source.owner[i]!);
      }
    }
  } else if (source.kind === 'history') {
    // Whole historical weeks, drawn with replacement: the week's mix, values and timing stay together.
    const nWeeks = source.weekStarts.length;
    for (let w = 0; w < total; w++) {
      const k = random.int(nWeeks);
      for (let i = source.weekStarts[k]!; i < source.weekEnds[k]!; i++) {
        for (let c = copies(); c > 0; c--) {
          time.push(w * HOURS_PER_WEEK + source.hourInWeek[i]!); segment.push(source.segment[i]!); value.push(source.value[i]!); owner.push(source.owner[i]!);
        }
      }
    }
  } else {
    const cumulative = new Float64Array(HOURS_PER_WEEK);
    let acc = 0;
    source.hourOfWeek.forEach((p, h) => (cumulative[h] = acc += p));
    world.segments.forEach((seg, s) => {
      const ownerCumulative = cumulativeRow(source.ownerShare, s, R);
      for (let w = 0; w < total; w++) {
        const n = random.poisson(seg.perWeek * volumeMultiplier);
        for (let j = 0; j < n; j++) {
          time.push(w * HOURS_PER_WEEK + pick(cumulative, random.uniform()) + random.uniform());
          segment.push(s);
          value.push(NaN);
          owner.push(ownerCumulative ? pick(ownerCumulative, random.uniform()) : -1);
        }
      }
    });
  }

  const order = Uint32Array.from(time.keys()).sort((a, b) => time[a]! - time[b]! || a - b);
  const count = order.length;
  const out: Arrivals = {
    count,
    time: new Float64Array(count),
    segment: new Uint32Array(count),
    value: new Float64Array(count),
    owner: new Int32Array(count),
    u: new Float64Array(count),
    counted: new Uint8Array(count),
  };
  const warmUpEnd = source.kind === 'replay' ? -Infinity : warmUpWeeks * HOURS_PER_WEEK;
  const outcomes = new Random(seed, replication, STREAM.outcomes);
  for (let j = 0; j < count; j++) {
    const i = order[j]!;
    out.time[j] = time[i]!;
    out.segment[j] = segment[i]!;
    out.value[j] = value[i]!;
    out.owner[j] = owner[i]!;
    out.u[j] = outcomes.uniform();
    out.counted[j] = time[i]! >= warmUpEnd ? 1 : 0;
  }
  return out;
}

function cumulativeRow(shares: Float64Array, s: number, R: number): Float64Array | null {
  let total = 0;
  for (let r = 0; r < R; r++) total += shares[s * R + r]!;
  if (total <= 0) return null;
  const out = new Float64Array(R);
  let acc = 0;
  for (let r = 0; r < R; r++) out[r] = acc += shares[s * R + r]! / total;
  return out;
}

/** The first index whose cumulative share exceeds u. */
function pick(cumulative: Float64Array, u: number): number {
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
