/**
 * The simulator's seeded random source: xoshiro128** on a 4-word state, with the few
 * distributions the model draws from. Hand-written rather than pure-rand's object API because the
 * hot loop draws tens of millions of numbers per run and must not allocate; every stream is
 * identified by (seed, replication, purpose) so any replication can be rerun alone, in any worker.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  constructor(seed: number, ...streams: number[]) {
    let h = mix(seed | 0, 0x9e3779b9);
    for (const s of streams) h = mix(h ^ (s | 0), 0x85ebca6b);
    this.a = mix(h, 1) | 1;
    this.b = mix(h, 2);
    this.c = mix(h, 3);
    this.d = mix(h, 4);
    for (let i = 0; i < 12; i++) this.next32();
  }

  next32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform on [0, 1), 32 bits: plenty for probabilities compared against model rates. */
  uniform(): number {
    return this.next32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = NaN;
      return z;
    }
    let u = 0, v = 0, s = 0;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang; shape < 1 through the boost Gamma(shape+1)·U^(1/shape). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.uniform() || 1e-300, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha);
    return x / (x + this.gamma(beta));
  }

  /** Poisson by inversion for small means, by a rounded normal approximation above 500 (error < 0.2%). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A splitmix-style finaliser: nearby seeds and streams start far apart. */
function mix(x: number, salt: number): number {
  let h = Math.imul(x ^ salt, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** What each stream of a replication is for, so that policies share exactly the draws they should. */
export const STREAM = { posterior: 1, arrivals: 2, outcomes: 3, absences: 4 } as const;
