import type { ConversionCell, ModelHyper, RepEffect } from '../model/estimates';
import { gammaln } from 'simple-statistics';
import { betaQuantile, logBeta, logistic } from './beta';
import { fitAdditiveLogit } from './additive-logit';
import { poolNormal } from './normal-hierarchy';

/**
 * Conversion p(segment, rep) by hierarchical shrinkage (empirical Bayes), DESIGN §3.1.
 *
 * Evidence is decided leads only: an open lead has no outcome yet, and counting it as lost would
 * bias every rate down (most for the reps and segments with the newest or slowest deals).
 *
 * Three levels, each pulled toward the one above by as much as the data say the units differ:
 * 1. Main effects on the logit scale, logit p = segment[s] + rep[r], fitted by maximum likelihood
 *    on all cells (so a rep's effect is measured against the mix of segments the rep was given).
 * 2. Those segment and rep effects are pooled (`poolNormal`): a rep with little history is pulled
 *    toward the average rep, a small segment toward the average segment; a rep or segment never
 *    seen gets the average, with the spread between units as its uncertainty.
 * 3. A cell is beta-binomial around its prior mean m = logistic(segment + rep): p ~ Beta(κm, κ(1−m)).
 *    The prior strength κ (how far a cell may stray from its segment and rep, in "prior leads") is
 *    fitted by maximum marginal likelihood over all seen cells: it is one number learned from
 *    hundreds of cells, so a point estimate is stable, and the beta-binomial likelihood is exact
 *    for small cells where a normal approximation on the logit is not. Each cell's prior is then
 *    widened by the uncertainty of m itself (moment matching), and updated with its own wins and
 *    decided leads. A cell with 3 deals keeps mostly its prior; one with 300 mostly its own rate.
 *
 * Rates are at the response times the history had; the simulator's decay multiplies on top of that.
 */

export interface ConversionCount {
  segment: string;
  rep: string;
  decided: number;
  won: number;
}

export interface SegmentRate {
  segment: string;
  n: number;
  won: number;
  /** The average rep's rate in this segment, with its 90% interval. */
  rate: number;
  lo: number;
  hi: number;
  seen: boolean;
}

export interface ConversionModel {
  cells: ConversionCell[];
  reps: RepEffect[];
  segments: SegmentRate[];
  hyper: ModelHyper;
}

/** Fits the model. `segments` and `reps` list every unit to estimate, seen or not. */
export function estimateConversion(counts: ConversionCount[], segments: string[], reps: string[], options: { intervals?: boolean } = {}): ConversionModel {
  const intervals = options.intervals ?? true;
  const segmentList = [...new Set([...segments, ...counts.map((c) => c.segment)])];
  const repList = [...new Set([...reps, ...counts.map((c) => c.rep)])];
  const si = new Map(segmentList.map((s, i) => [s, i]));
  const ri = new Map(repList.map((r, i) => [r, i]));
  const n = segmentList.map(() => new Float64Array(repList.length));
  const y = segmentList.map(() => new Float64Array(repList.length));
  for (const c of counts) {
    n[si.get(c.segment)!]![ri.get(c.rep)!]! += c.decided;
    y[si.get(c.segment)!]![ri.get(c.rep)!]! += c.won;
  }
  const additive = fitAdditiveLogit(n, y);
  const repPool = poolNormal(additive.rep, { center: 'zero' });
  const segmentPool = poolNormal(additive.segment, { center: 'estimated', tauMax: 5 });

  const R = repList.length;
  // Each cell's prior mean, segment by segment: the strength fit and the cells read it.
  const prior = new Float64Array(segmentList.length * R);
  for (let s = 0; s < segmentList.length; s++) for (let r = 0; r < R; r++) prior[s * R + r] = logistic(segmentPool.units[s]!.mean + repPool.units[r]!.mean);
  const kappa = fitCellStrength(seenCellsOf(n, y, prior));

  const cells: ConversionCell[] = [];
  segmentList.forEach((segment, s) =>
    repList.forEach((rep, r) => {
      const m = prior[s * R + r]!;
      const logitVariance = segmentPool.units[s]!.sd ** 2 + repPool.units[r]!.sd ** 2;
      const variance = (m * (1 - m)) / (kappa + 1) + (m * (1 - m)) ** 2 * logitVariance;
      const strength = Math.max((m * (1 - m)) / variance - 1, 0.1);
      const cellN = n[s]![r]!;
      const cellY = y[s]![r]!;
      const alpha = strength * m + cellY;
      const beta = strength * (1 - m) + cellN - cellY;
      const logNorm = intervals ? logBeta(alpha, beta) : NaN;
      cells.push({
        segment, rep, mean: alpha / (alpha + beta), lo: intervals ? betaQuantile(0.05, alpha, beta, logNorm) : NaN, hi: intervals ? betaQuantile(0.95, alpha, beta, logNorm) : NaN,
        n: cellN, won: cellY, raw: cellN > 0 ? cellY / cellN : null, prior: m, priorOnly: cellN === 0, alpha, beta,
      });
    }),
  );
  // Each unit's decided leads and wins, summed over its cells in the cells' order.
  const repTotals = repList.map(() => ({ n: 0, won: 0 }));
  const segmentTotals = segmentList.map(() => ({ n: 0, won: 0 }));
  cells.forEach((c, i) => {
    const byRep = repTotals[i % repList.length]!;
    const bySegment = segmentTotals[Math.floor(i / repList.length)]!;
    byRep.n += c.n;
    byRep.won += c.won;
    bySegment.n += c.n;
    bySegment.won += c.won;
  });
  return {
    cells,
    reps: repList.map((rep, r) => {
      const u = repPool.units[r]!;
      return { rep, ...repTotals[r]!, effect: u.mean, lo: u.lo, hi: u.hi, significant: u.lo > 0 || u.hi < 0, seen: Number.isFinite(additive.rep[r]!.variance) };
    }),
    segments: segmentList.map((segment, s) => {
      const u = segmentPool.units[s]!;
      return { segment, ...segmentTotals[s]!, rate: logistic(u.mean), lo: logistic(u.lo), hi: logistic(u.hi), seen: Number.isFinite(additive.segment[s]!.variance) };
    }),
    hyper: { repSpread: repPool.tau, segmentSpread: segmentPool.tau, cellStrength: kappa },
  };
}

/** The cells with decided leads, segment by segment and rep by rep within one: decided leads, wins and prior mean. */
export interface SeenCells {
  n: Float64Array;
  y: Float64Array;
  m: Float64Array;
}

function seenCellsOf(n: Float64Array[], y: Float64Array[], prior: Float64Array): SeenCells {
  const R = n[0]?.length ?? 0;
  let size = 0;
  for (const row of n) for (const count of row) if (count > 0) size++;
  const seen: SeenCells = { n: new Float64Array(size), y: new Float64Array(size), m: new Float64Array(size) };
  let c = 0;
  n.forEach((row, s) => row.forEach((count, r) => {
    if (!(count > 0)) return;
    seen.n[c] = count;
    seen.y[c] = y[s]![r]!;
    seen.m[c++] = prior[s * R + r]!;
  }));
  return seen;
}

const KAPPA_MIN = 0.5;
const KAPPA_MAX = 1e5;

/**
 * κ maximizing Σ log BetaBinomial(y | n, κm, κ(1−m)) over the seen cells: a coarse grid on log κ
 * (the likelihood can be flat or have a shallow second bump), then golden-section refinement.
 * At the top of the range cells do not differ beyond segment + rep: every cell is its prior.
 */
export function fitCellStrength(cells: SeenCells): number {
  const { n, y, m } = cells;
  const size = n.length;
  if (size === 0) return KAPPA_MAX;
  const logLik = (logKappa: number) => {
    const k = Math.exp(logKappa);
    let sum = 0;
    for (let c = 0; c < size; c++) {
      // log B(y + κm, n − y + κ(1−m)) − log B(κm, κ(1−m)), as logBeta computes each. A cell without
      // wins (or without losses) has y + κm = κm exactly: its log Γ(κm) is computed once.
      const mc = m[c]!;
      const a = k * mc;
      const b = k * (1 - mc);
      const gammaA = gammaln(a);
      const gammaB = gammaln(b);
      const wonA = y[c]! + a;
      const lostB = n[c]! - y[c]! + b;
      const posterior = (wonA === a ? gammaA : gammaln(wonA)) + (lostB === b ? gammaB : gammaln(lostB)) - gammaln(wonA + lostB);
      sum = sum + posterior - (gammaA + gammaB - gammaln(a + b));
    }
    return sum;
  };
  const a0 = Math.log(KAPPA_MIN);
  const b0 = Math.log(KAPPA_MAX);
  const steps = 40;
  let best = 0;
  const grid = Array.from({ length: steps + 1 }, (_, i) => a0 + ((b0 - a0) * i) / steps);
  const values = grid.map(logLik);
  values.forEach((v, i) => v > values[best]! && (best = i));
  let a = grid[Math.max(best - 1, 0)]!;
  let b = grid[Math.min(best + 1, steps)]!;
  // Golden-section search reusing one evaluation per step: the likelihood sums over every cell.
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = logLik(c);
  let fd = logLik(d);
  for (let i = 0; i < 30; i++) {
    if (fc >= fd) {
      [b, d, fd] = [d, c, fc];
      c = b - phi * (b - a);
      fc = logLik(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + phi * (b - a);
      fd = logLik(d);
    }
  }
  return Math.exp((a + b) / 2);
}
