import { DECAY_FORMULA, type DecayCurveParams, type DecayEstimate } from '../model/estimates';
import type { OutcomeRow } from '../model/estimation-inputs';

/**
 * Response-time decay (DESIGN §3.1): how much of a lead's chance of winning is left when it is
 * first touched h hours after it arrived, as multiplier(h) = floor + (1 − floor)·exp(−h / τ),
 * with multiplier(0) = 1.
 *
 * Fitted from first-touch times when the history has them. Fast and slow leads differ in more than
 * speed (seniors answer slower but close better; busy segments wait longer), so each bucket of
 * hours is compared with what its own rep × segment cells convert overall (indirect
 * standardization): relative(b) = wins(b) / Σ_cells decided(cell, b) · rate(cell). The curve is
 * fitted to those ratios by weighted least squares (weights: expected wins, the ratio's inverse
 * variance up to a constant), over a grid of τ with the two linear coefficients solved exactly.
 * Leads never touched are left out of the fit and reported apart.
 *
 * Without first-touch times the curve is DECAY_PRESET, flagged `source: 'preset'`: an editable
 * assumption, never a hidden constant.
 */

/**
 * The preset. The lead-response literature (the MIT / InsideSales Lead Response Management study;
 * Oldroyd, McElheran and Elkington in HBR, 2011) finds the odds of reaching and qualifying a web
 * lead fall several-fold within the first hour and keep falling over the first day. Those studies
 * measure contact and qualification, partly confounded by which firms answer fast, so the preset
 * is milder for conversion: 80% left after 1 hour, 56% after 3, a floor of 30% after a day.
 * Edit it in the scenario when your team knows better.
 */
export const DECAY_PRESET: DecayCurveParams = { floor: 0.3, tauHours: 3 };

/** Fitting needs this many touched decided leads, in at least MIN_BUCKETS buckets of MIN_BUCKET_LEADS. */
const MIN_TOUCHED = 200;
const MIN_BUCKETS = 3;
const MIN_BUCKET_LEADS = 20;

export function decayMultiplier(curve: DecayCurveParams, hours: number): number {
  return curve.floor + (1 - curve.floor) * Math.exp(-Math.max(hours, 0) / curve.tauHours);
}

/** The scenario's curve replaces the fitted or preset one; the fitted points stay, to plot against it. */
export function withScenarioDecay(estimated: DecayEstimate, curve: DecayCurveParams): DecayEstimate {
  return { ...estimated, ...curve, source: 'scenario', note: `The scenario sets the curve (floor ${curve.floor}, tau ${curve.tauHours} h); ${estimated.note}` };
}

export function estimateDecay(rows: OutcomeRow[], touchBuckets: number[], preset: DecayCurveParams = DECAY_PRESET): DecayEstimate {
  const untouched = rows.filter((r) => r.touch === null).reduce((t, r) => ({ decided: t.decided + r.decided, won: t.won + r.won }), { decided: 0, won: 0 });
  const touched = rows.filter((r) => r.touch !== null);
  const usePreset = (note: string): DecayEstimate => ({ source: 'preset', formula: DECAY_FORMULA, ...preset, points: [], untouched, note });
  const total = touched.reduce((s, r) => s + r.decided, 0);
  if (total < MIN_TOUCHED) return usePreset(`${total} decided leads have a first-touch time (fitting needs ${MIN_TOUCHED}): the preset curve is used.`);

  const cellRate = new Map<string, { n: number; y: number }>();
  for (const r of touched) {
    const c = cellRate.get(`${r.segment}\u0000${r.rep}`) ?? { n: 0, y: 0 };
    c.n += r.decided;
    c.y += r.won;
    cellRate.set(`${r.segment}\u0000${r.rep}`, c);
  }
  const buckets = touchBuckets.map((fromHours, b) => ({ fromHours, toHours: touchBuckets[b + 1] ?? null, decided: 0, won: 0, expectedWon: 0, hours: 0 }));
  for (const r of touched) {
    const bucket = buckets[r.touch!]!;
    const c = cellRate.get(`${r.segment}\u0000${r.rep}`)!;
    bucket.decided += r.decided;
    bucket.won += r.won;
    bucket.expectedWon += (r.decided * c.y) / c.n;
    bucket.hours += r.touchHoursSum;
  }
  const used = buckets.filter((b) => b.decided >= MIN_BUCKET_LEADS && b.expectedWon > 0);
  if (used.length < MIN_BUCKETS) return usePreset(`first-touch times fill only ${used.length} time buckets with ${MIN_BUCKET_LEADS}+ decided leads (fitting needs ${MIN_BUCKETS}): the preset curve is used.`);

  const points = used.map((b) => ({ h: b.hours / b.decided, r: b.won / b.expectedWon, w: b.expectedWon }));
  const fit = fitCurve(points);
  const scale = fit.a + fit.b;
  if (!(scale > 0)) return usePreset('no decided lead with a first-touch time was won: the preset curve is used.');
  return {
    source: 'fitted',
    formula: DECAY_FORMULA,
    floor: fit.a / scale,
    tauHours: fit.tau,
    points: used.map((b, i) => ({
      fromHours: b.fromHours, toHours: b.toHours, meanHours: points[i]!.h, decided: b.decided, won: b.won, expectedWon: b.expectedWon, relative: points[i]!.r / scale,
    })),
    untouched,
    note: `fitted on ${total} decided leads with a first-touch time, standardized for rep × segment.`,
  };
}

interface Fit {
  a: number;
  b: number;
  tau: number;
  sse: number;
}

/** Weighted least squares of r ≈ a + b·exp(−h/τ) with a, b ≥ 0: τ on a log grid, then refined. */
function fitCurve(points: Array<{ h: number; r: number; w: number }>): Fit {
  const atTau = (tau: number): Fit => {
    const e = points.map((p) => Math.exp(-p.h / tau));
    const sum = (f: (p: { h: number; r: number; w: number }, i: number) => number) => points.reduce((s, p, i) => s + f(p, i), 0);
    const [sw, swe, swee, swr, swer] = [sum((p) => p.w), sum((p, i) => p.w * e[i]!), sum((p, i) => p.w * e[i]! ** 2), sum((p) => p.w * p.r), sum((p, i) => p.w * e[i]! * p.r)];
    const det = sw * swee - swe * swe;
    const candidates: Array<[number, number]> = [[swr / sw, 0], [0, swee > 0 ? swer / swee : 0]];
    if (det > 1e-12) candidates.push([(swr * swee - swe * swer) / det, (sw * swer - swe * swr) / det]);
    const sse = ([a, b]: [number, number]) => sum((p, i) => p.w * (p.r - a - b * e[i]!) ** 2);
    const feasible = candidates.filter(([a, b]) => a >= 0 && b >= 0);
    const [a, b] = feasible.reduce((best, c) => (sse(c) < sse(best) ? c : best));
    return { a, b, tau, sse: sse([a, b]) };
  };
  const grid = Array.from({ length: 121 }, (_, i) => 0.1 * 10 ** (i / 30));
  const fits = grid.map(atTau);
  const best = fits.reduce((m, f, i) => (f.sse < fits[m]!.sse ? i : m), 0);
  let lo = Math.log(grid[Math.max(best - 1, 0)]!);
  let hi = Math.log(grid[Math.min(best + 1, grid.length - 1)]!);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const c = hi - phi * (hi - lo);
    const d = lo + phi * (hi - lo);
    if (atTau(Math.exp(c)).sse <= atTau(Math.exp(d)).sse) hi = d;
    else lo = c;
  }
  return atTau(Math.exp((lo + hi) / 2));
}
