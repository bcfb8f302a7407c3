import { errorFunction } from 'simple-statistics';
import { Z90 } from './beta';

/**
 * Partial pooling of unit estimates on the logit scale (reps, or segments): each unit's raw
 * estimate x_i with sampling variance v_i is a draw around its true value θ_i, and the θ_i are
 * spread N(center, τ²) around a common center.
 *
 * τ, the real spread between units, is not fixed at a point estimate: its posterior is computed on
 * a grid (uniform prior on τ, marginal likelihood of the x_i; Gelman et al., BDA §5.4), and every
 * unit's posterior is the mixture over that grid. A point estimate (method of moments or maximum
 * marginal likelihood) often lands on τ = 0 when units barely differ, which would claim every unit
 * is exactly average with zero uncertainty; the mixture keeps the honest "no detectable difference,
 * but we cannot rule out small ones" interval.
 */

export interface UnitEstimate {
  /** Raw estimate (logit scale); ignored when `variance` is Infinity (the unit was never seen). */
  value: number;
  variance: number;
}

export interface PooledUnit {
  mean: number;
  sd: number;
  lo: number;
  hi: number;
  /** Shrinkage toward the center, 0 (none) … 1 (all the way), at the posterior mean of τ². */
  shrinkage: number;
}

export interface Pooled {
  units: PooledUnit[];
  center: number;
  /** Posterior mean of τ and its 90% interval. */
  tau: { mean: number; lo: number; hi: number };
}

const GRID_POINTS = 121;

/**
 * `center: 'zero'` when the units are effects centered by construction (reps: relative to the
 * average rep); `'estimated'` integrates the common center out under a flat prior (segments).
 */
export function poolNormal(units: UnitEstimate[], options: { center: 'zero' | 'estimated'; tauMax?: number }): Pooled {
  const tauMax = options.tauMax ?? 3;
  const seen = units.filter((u) => Number.isFinite(u.variance));
  const grid = Array.from({ length: GRID_POINTS }, (_, k) => (tauMax * k) / (GRID_POINTS - 1));
  const fits = grid.map((tau) => fitAtTau(seen, tau, options.center));
  const maxLog = Math.max(...fits.map((f) => f.logLikelihood));
  const raw = fits.map((f) => Math.exp(f.logLikelihood - maxLog));
  const total = raw.reduce((s, w) => s + w, 0);
  const weights = raw.map((w) => w / total);
  const live = weights.map((w, k) => ({ w, k })).filter(({ w }) => w > 1e-9);

  const tauMean = live.reduce((s, { w, k }) => s + w * grid[k]!, 0);
  const tau2Mean = live.reduce((s, { w, k }) => s + w * grid[k]! ** 2, 0);
  const center = live.reduce((s, { w, k }) => s + w * fits[k]!.center, 0);
  const pooled = units.map((unit) => {
    const parts = live.map(({ w, k }) => ({ w, ...unitPosterior(unit, grid[k]!, fits[k]!) }));
    const mean = parts.reduce((s, p) => s + p.w * p.mean, 0);
    const variance = parts.reduce((s, p) => s + p.w * (p.sd ** 2 + (p.mean - mean) ** 2), 0);
    const shrinkage = Number.isFinite(unit.variance) ? unit.variance / (unit.variance + tau2Mean) : 1;
    return { mean, sd: Math.sqrt(variance), lo: mixtureQuantile(parts, 0.05), hi: mixtureQuantile(parts, 0.95), shrinkage };
  });
  const tauCdf = (q: number) => {
    let cumulative = 0;
    for (const [k, w] of weights.entries()) if ((cumulative += w) >= q) return grid[k]!;
    return tauMax;
  };
  return { units: pooled, center, tau: { mean: tauMean, lo: tauCdf(0.05), hi: tauCdf(0.95) } };
}

interface TauFit {
  logLikelihood: number;
  center: number;
  /** Variance of the center given τ (0 when fixed). */
  centerVariance: number;
}

function fitAtTau(units: UnitEstimate[], tau: number, center: 'zero' | 'estimated'): TauFit {
  const weights = units.map((u) => 1 / (u.variance + tau * tau));
  const sumW = weights.reduce((s, w) => s + w, 0);
  const c = center === 'zero' || sumW === 0 ? 0 : units.reduce((s, u, i) => s + weights[i]! * u.value, 0) / sumW;
  const centerVariance = center === 'zero' || sumW === 0 ? 0 : 1 / sumW;
  let logLikelihood = center === 'zero' || sumW === 0 ? 0 : 0.5 * Math.log(centerVariance);
  units.forEach((u, i) => {
    logLikelihood += 0.5 * Math.log(weights[i]!) - 0.5 * weights[i]! * (u.value - c) ** 2;
  });
  return { logLikelihood, center: c, centerVariance };
}

/** θ given τ (BDA eq. 5.17 with the center's own uncertainty added). */
function unitPosterior(unit: UnitEstimate, tau: number, fit: TauFit): { mean: number; sd: number } {
  if (!Number.isFinite(unit.variance)) return { mean: fit.center, sd: Math.sqrt(tau * tau + fit.centerVariance) };
  const pull = unit.variance / (unit.variance + tau * tau);
  const mean = (1 - pull) * unit.value + pull * fit.center;
  const variance = (unit.variance * tau * tau) / (unit.variance + tau * tau) + pull * pull * fit.centerVariance;
  return { mean, sd: Math.sqrt(variance) };
}

function mixtureQuantile(parts: Array<{ w: number; mean: number; sd: number }>, q: number): number {
  const cdf = (x: number) => parts.reduce((s, p) => s + p.w * (p.sd > 0 ? 0.5 * (1 + errorFunction((x - p.mean) / (p.sd * Math.SQRT2))) : x >= p.mean ? 1 : 0), 0);
  let lo = Math.min(...parts.map((p) => p.mean - 4 * Z90 * p.sd)) - 1e-9;
  let hi = Math.max(...parts.map((p) => p.mean + 4 * Z90 * p.sd)) + 1e-9;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
