import type { EstimationInputs, OutcomeRow } from '../model/estimation-inputs';
import type { DecayCurveParams, Estimates, SegmentEstimate } from '../model/estimates';
import { estimateConversion, type ConversionCount } from './conversion';
import { estimateDecay, withScenarioDecay } from './decay';
import { arrivalShape, estimateDemand } from './demand';
import { revenuePerWin } from './revenue';

export interface EstimateOptions {
  /** Reps to estimate besides the owners in the history (e.g. the roster's new hires). */
  reps?: string[];
  /** Segments to estimate besides the ones in the history (e.g. the rest of a backtest's data). */
  segments?: string[];
  decayPreset?: DecayCurveParams;
  /** The scenario's own curve, used instead of any fit (DESIGN §3.1: a visible, editable assumption). */
  decay?: DecayCurveParams;
  /**
   * False: the cells' 90% intervals are left out (lo and hi NaN). Two beta quantiles per cell are
   * most of the fit's time after the Newton steps (120k of them for 300 segments × 200 reps), and
   * a backtest reads only each cell's posterior α and β.
   */
  intervals?: boolean;
}

/** Decided leads per segment × rep, summed over first-touch buckets; leads without an owner are left out. */
export function conversionCounts(outcomes: OutcomeRow[]): ConversionCount[] {
  const cells = new Map<string, ConversionCount>();
  for (const row of outcomes) {
    if (row.rep === null) continue;
    const key = `${row.segment}\u0000${row.rep}`;
    const cell = cells.get(key) ?? { segment: row.segment, rep: row.rep, decided: 0, won: 0 };
    cell.decided += row.decided;
    cell.won += row.won;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

export function estimate(inputs: EstimationInputs, options: EstimateOptions = {}): Estimates {
  const segmentKeys = [...new Set([...inputs.segments.map((s) => s.key), ...(options.segments ?? [])])].sort();
  const reps = [...new Set([...inputs.owners, ...(options.reps ?? [])])].sort();
  const model = estimateConversion(conversionCounts(inputs.outcomes), segmentKeys, reps, { intervals: options.intervals ?? true });
  const demand = new Map(estimateDemand(inputs.weekly, inputs.weeks, segmentKeys).map((d) => [d.segment, d]));
  const revenue = new Map(revenuePerWin(inputs.outcomes, segmentKeys).map((r) => [r.segment, r]));
  const rows = new Map(inputs.segments.map((s) => [s.key, s]));
  const segments = model.segments.map((rate): SegmentEstimate => {
    const row = rows.get(rate.segment);
    const { segment: _, ...perWin } = revenue.get(rate.segment)!;
    const d = demand.get(rate.segment)!;
    return {
      key: rate.segment,
      fields: row?.fields ?? {},
      valueBand: row?.valueBand ?? null,
      leads: row?.leads ?? 0,
      perWeek: d.perWeek,
      sdPerWeek: d.sdPerWeek,
      decided: rate.n,
      won: rate.won,
      rate: { mean: rate.rate, lo: rate.lo, hi: rate.hi },
      revenuePerWin: perWin,
    };
  });
  const notes = [
    'Conversion counts decided (won or lost) leads only; open leads have no outcome yet.',
    inputs.withoutOwner > 0 ? `${inputs.withoutOwner} lead(s) without an owner count for demand, not for rep conversion.` : null,
    inputs.withoutCreatedAt > 0 ? `${inputs.withoutCreatedAt} lead(s) without a creation time are left out of demand.` : null,
    'Rates are at the response times of the history; the decay curve says how they change with faster or slower first touch.',
  ].filter((n): n is string => n !== null);
  return {
    segments,
    reps: model.reps,
    conversion: model.cells,
    decay: options.decay
      ? withScenarioDecay(estimateDecay(inputs.outcomes, inputs.touchBuckets, options.decayPreset), options.decay)
      : estimateDecay(inputs.outcomes, inputs.touchBuckets, options.decayPreset),
    arrivals: arrivalShape(inputs.shape, inputs.weeks.length),
    model: model.hyper,
    notes,
  };
}
