import { betaBinomialInterval, Z90 } from './beta';
import type { BacktestResult, ForecastLine } from '../model/backtest';
import type { ConversionCell } from '../model/estimates';
import type { ConversionCount } from './conversion';

/**
 * Backtest (DESIGN §3.1): the model fitted on an earlier period forecasts the wins among the
 * later period's decided leads, per rep × segment, per segment, per rep and in total, and each
 * forecast's 90% interval is checked against what happened.
 *
 * A cell's forecast is exact: with p ~ Beta(α, β) from the fit, the wins among n leads are
 * beta-binomial(n, α, β), so the interval holds both the uncertainty of p and the luck of n
 * draws. Sums over cells use the normal approximation with the cells' variances added, as if the
 * cells were independent; they share the segment and rep effects, so totals' intervals are, if
 * anything, a little narrow.
 */

/** Cells with fewer held-out leads are forecast but not counted in coverage: 0–2 leads cover trivially. */
export const MIN_CELL_LEADS = 10;

export const DEFAULT_HOLD_OUT = 0.25;

/** The moment that leaves the last `holdOut` share of the created_at range for testing, as `YYYY-MM-DD HH:MM:SS`. */
export function defaultCutoff(fromMs: number, toMs: number, holdOut = DEFAULT_HOLD_OUT): string {
  return new Date(fromMs + (1 - holdOut) * (toMs - fromMs)).toISOString().slice(0, 19).replace('T', ' ');
}

export function backtest(fitted: ConversionCell[], heldOut: ConversionCount[]): BacktestResult {
  const model = new Map(fitted.map((c) => [`${c.segment}\u0000${c.rep}`, c]));
  const parts = heldOut.filter((h) => h.decided > 0).map((h) => {
    const cell = model.get(`${h.segment}\u0000${h.rep}`);
    if (!cell) throw new Error(`backtest: no fitted cell for ${h.segment} × ${h.rep}; fit with every segment and rep of both periods.`);
    const p = cell.alpha / (cell.alpha + cell.beta);
    const varP = (cell.alpha * cell.beta) / ((cell.alpha + cell.beta) ** 2 * (cell.alpha + cell.beta + 1));
    const variance = h.decided * p * (1 - p) + h.decided * (h.decided - 1) * varP;
    const { lo, hi } = betaBinomialInterval(h.decided, cell.alpha, cell.beta);
    return { ...h, expected: h.decided * p, variance, lo, hi };
  });
  const cells = parts.map((c) => line({ segment: c.segment, rep: c.rep }, c.decided, c.won, c.expected, c.lo, c.hi));
  const sum = (label: Pick<ForecastLine, 'segment' | 'rep'>, of: typeof parts) => {
    const expected = of.reduce((s, c) => s + c.expected, 0);
    const sd = Math.sqrt(of.reduce((s, c) => s + c.variance, 0));
    return line(label, of.reduce((s, c) => s + c.decided, 0), of.reduce((s, c) => s + c.won, 0), expected, Math.max(0, expected - Z90 * sd), expected + Z90 * sd);
  };
  const segments = [...groupBy(parts, (c) => c.segment)].sort(byKey).map(([segment, of]) => sum({ segment }, of));
  const reps = [...groupBy(parts, (c) => c.rep)].sort(byKey).map(([rep, of]) => sum({ rep }, of));
  const counted = cells.filter((c) => c.decided >= MIN_CELL_LEADS);
  return {
    cells,
    segments,
    reps,
    total: sum({}, parts),
    coverage: { cells: share(counted), cellsCounted: counted.length, segments: share(segments), reps: share(reps) },
  };
}

/** Items by key, each group in the items' order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

function line(label: Pick<ForecastLine, 'segment' | 'rep'>, decided: number, actual: number, expected: number, lo: number, hi: number): ForecastLine {
  return { ...label, decided, actual, expected, lo, hi, covered: actual >= lo && actual <= hi };
}

function share(lines: ForecastLine[]): number | null {
  return lines.length ? lines.filter((l) => l.covered).length / lines.length : null;
}
