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
  const source = world.arrivals;
  const whole = Math.floor(volumeMultiplier), fraction = volumeMultiplier - whole;
  const copies = () => whole + (fraction > 0 && random.uniform() < fraction ? 1 : 0);
  const out = new ArrivalBuffer(Math.ceil(expectedCount(world) * 1.3) + 64);

  if (source.kind === 'replay') {
    // Replayed leads come in creation order already.
    for (let i = 0; i < source.time.length; i++) for (let c = copies(); c > 0; c--) out.push(source.time[i]!, source.segment[i]!, source.value[i]!, source.owner[i]!);
  } else if (source.kind === 'history') {
    // Whole historical weeks, drawn with replacement: the week's mix, values and timing stay
    // together, and since each week's leads are in time order, so is the stream.
    const nWeeks = source.weekStarts.length;
    for (let w = 0; w < total; w++) {
      const k = random.int(nWeeks);
      for (let i = source.weekStarts[k]!; i < source.weekEnds[k]!; i++) {
        for (let c = copies(); c > 0; c--) out.push(w * HOURS_PER_WEEK + source.hourInWeek[i]!, source.segment[i]!, source.value[i]!, source.owner[i]!);
      }
    }
  } else {
    const cumulative = new Float64Array(HOURS_PER_WEEK);
    let acc = 0;
    source.hourOfWeek.forEach((p, h) => (cumulative[h] = acc += p));
    const R = world.reps.length;
    world.segments.forEach((seg, s) => {
      const ownerCumulative = cumulativeRow(source.ownerShare, s, R);
      for (let w = 0; w < total; w++) {
        const n = random.poisson(seg.perWeek * volumeMultiplier);
        for (let j = 0; j < n; j++) {
          out.push(w * HOURS_PER_WEEK + pick(cumulative, random.uniform()) + random.uniform(), s, NaN, ownerCumulative ? pick(ownerCumulative, random.uniform()) : -1);
        }
      }
    });
    out.sortByTime();
  }

  const warmUpEnd = source.kind === 'replay' ? -Infinity : warmUpWeeks * HOURS_PER_WEEK;
  return out.finish(new Random(seed, replication, STREAM.outcomes), warmUpEnd);
}

function expectedCount(world: SimulationWorld): number {
  const source = world.arrivals;
  if (source.kind === 'replay') return source.time.length * world.horizon.volumeMultiplier;
  const perWeek = world.segments.reduce((s, x) => s + x.perWeek, 0);
  return perWeek * (world.horizon.weeks + world.horizon.warmUpWeeks) * world.horizon.volumeMultiplier;
}

/** Growable typed columns of arrivals, so a replication's stream allocates a few arrays, not objects. */
class ArrivalBuffer {
  count = 0;
  private time: Float64Array;
  private segment: Uint32Array;
  private value: Float64Array;
  private owner: Int32Array;

  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.segment = new Uint32Array(capacity);
    this.value = new Float64Array(capacity);
    this.owner = new Int32Array(capacity);
  }

  push(time: number, segment: number, value: number, owner: number): void {
    if (this.count === this.time.length) this.grow();
    const i = this.count++;
    this.time[i] = time;
    this.segment[i] = segment;
    this.value[i] = value;
    this.owner[i] = owner;
  }

  sortByTime(): void {
    const order = Uint32Array.from({ length: this.count }, (_, i) => i).sort((a, b) => this.time[a]! - this.time[b]! || a - b);
    const take = <T extends Float64Array | Uint32Array | Int32Array>(xs: T): T => {
      const copy = xs.slice(0, this.count) as T;
      for (let j = 0; j < this.count; j++) xs[j] = copy[order[j]!]!;
      return xs;
    };
    take(this.time);
    take(this.segment);
    take(this.value);
    take(this.owner);
  }

  /** The stream, with each lead's own outcome draw (in time order, so every policy sees the same one). */
  finish(outcomes: Random, warmUpEnd: number): Arrivals {
    const n = this.count;
    const u = new Float64Array(n);
    const counted = new Uint8Array(n);
    for (let j = 0; j < n; j++) {
      u[j] = outcomes.uniform();
      counted[j] = this.time[j]! >= warmUpEnd ? 1 : 0;
    }
    return { count: n, time: this.time.subarray(0, n), segment: this.segment.subarray(0, n), value: this.value.subarray(0, n), owner: this.owner.subarray(0, n), u, counted };
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grow = <T extends Float64Array | Uint32Array | Int32Array>(xs: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(xs);
      return next;
    };
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.segment = grow(this.segment, (n) => new Uint32Array(n));
    this.value = grow(this.value, (n) => new Float64Array(n));
    this.owner = grow(this.owner, (n) => new Int32Array(n));
  }
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
