import { xoroshiro128plus } from 'pure-rand';
import type { RandomGenerator } from 'pure-rand';

/**
 * A small seeded random source over pure-rand's xoroshiro128+.
 *
 * Every draw the sample generator makes goes through one of these, so a seed fixes every byte of
 * the sample files. Nothing here touches Math.random or the clock.
 */
export interface Rng {
  /** Uniform on [0, 1), 53 bits. */
  uniform(): number;
  /** Uniform integer on [lo, hi], both ends included. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  normal(mean?: number, sd?: number): number;
  /** Log-normal given its median and the sd of its log. */
  lognormal(median: number, sigma: number): number;
  exponential(mean: number): number;
  poisson(mean: number): number;
  pick<T>(items: readonly T[]): T;
  /** Index drawn in proportion to `weights` (not necessarily normalised). */
  weightedIndex(weights: readonly number[]): number;
}

/**
 * Mixes a seed and a stream number into a well-spread 32-bit state (a splitmix-style finaliser),
 * so that seeds 1, 2, 3 and the streams of one seed start far apart.
 */
export function mixSeed(seed: number, stream = 0): number {
  let h = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Warm-up draws: xoroshiro's first outputs from a sparse state are poorly mixed. */
const WARM_UP = 20;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

class XoroRng implements Rng {
  private readonly gen: RandomGenerator;
  private spareNormal: number | null = null;

  constructor(seed: number, stream: number) {
    this.gen = xoroshiro128plus(mixSeed(seed, stream));
    for (let i = 0; i < WARM_UP; i++) this.gen.unsafeNext();
  }

  uniform(): number {
    // The high bits of xoroshiro128+ are its strongest; build a 53-bit double from two draws.
    const hi = this.gen.unsafeNext() >>> 5;
    const lo = this.gen.unsafeNext() >>> 6;
    return (hi * TWO_POW_26 + lo) / TWO_POW_53;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.uniform() * (hi - lo + 1));
  }

  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    // Box–Muller; 1 - u keeps the log argument in (0, 1].
    const r = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const theta = 2 * Math.PI * this.uniform();
    this.spareNormal = r * Math.sin(theta);
    return mean + sd * r * Math.cos(theta);
  }

  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.uniform());
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean < 40) {
      // Knuth's product method: exact, and cheap for small means.
      const limit = Math.exp(-mean);
      let k = 0;
      let product = this.uniform();
      while (product > limit) {
        k++;
        product *= this.uniform();
      }
      return k;
    }
    // For large means (benchmark volumes) the normal approximation is within a fraction of a
    // percent, and keeps the draw O(1).
    return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() needs at least one item');
    return items[Math.floor(this.uniform() * items.length)] as T;
  }

  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] as number;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }
}

/**
 * A seeded generator. Different `stream` numbers of one seed are independent sequences, so that
 * for example the planted truth does not change when the number of leads changes.
 */
export function createRng(seed: number, stream = 0): Rng {
  return new XoroRng(seed, stream);
}

/** A precomputed weighted sampler: O(log n) per draw, for the hot loop of the lead generator. */
export function weightedSampler(weights: readonly number[]): (rng: Rng) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  return (rng) => {
    const u = rng.uniform() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u < (cumulative[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
