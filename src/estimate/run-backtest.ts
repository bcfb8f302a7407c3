import type { Database } from '../data/database';
import { createdRange, readEstimationInputs, type EstimationInputs, type SegmentSpec } from '../data/estimation-inputs';
import { ImportError } from '../model/errors';
import { backtest, defaultCutoff, DEFAULT_HOLD_OUT, type BacktestResult } from './backtest';
import { conversionCounts, estimate } from './estimate';

export interface BacktestReport extends BacktestResult {
  /** Fit on leads created (and decided) before this moment; test on the leads created from it. */
  cutoff: string;
  holdOut: number;
  fit: { leads: number; decided: number };
  heldOut: { leads: number; decided: number };
}

/** The backtest's two periods: what was known at the cutoff, and the leads created from it. */
export interface BacktestSplit {
  cutoff: string;
  holdOut: number;
  /** Leads created before the cutoff, with only the outcomes decided before it. */
  fit: EstimationInputs;
  /** Leads created from the cutoff on. */
  test: EstimationInputs;
}

/** Reads the two periods; null when no lead has a creation time, so there is nothing to split. */
export async function readBacktestSplit(db: Database, spec: SegmentSpec, holdOut = DEFAULT_HOLD_OUT): Promise<BacktestSplit | null> {
  const range = await createdRange(db);
  if (!range) return null;
  const cutoff = defaultCutoff(range.fromMs, range.toMs, holdOut);
  const fit = await readEstimationInputs(db, spec, { createdBefore: cutoff, decidedBefore: cutoff });
  const test = await readEstimationInputs(db, spec, { createdFrom: cutoff });
  return { cutoff, holdOut, fit, test };
}

/**
 * Fits on the earlier period and forecasts the wins among the later leads decided since. Every
 * rep and segment of either period is fitted, so a rep hired after the cutoff is forecast from
 * the prior. Pure: the engine worker runs it on inputs read on the main thread.
 */
export function forecastHeldOut(fit: EstimationInputs, test: EstimationInputs, reps: string[]): BacktestResult {
  const fitted = estimate(fit, { reps: [...reps, ...test.owners], segments: test.segments.map((s) => s.key) });
  return backtest(fitted.conversion, conversionCounts(test.outcomes));
}

/** How many of the period's leads are decided (won or lost). */
export function decidedIn(inputs: EstimationInputs): number {
  return inputs.outcomes.reduce((s, r) => s + r.decided, 0);
}

/** Fit on the leads created before the cutoff, with only the outcomes known at the cutoff, and forecast the later ones. */
export async function runBacktest(db: Database, spec: SegmentSpec, reps: string[], holdOut = DEFAULT_HOLD_OUT): Promise<BacktestReport> {
  const split = await readBacktestSplit(db, spec, holdOut);
  if (!split) throw new ImportError('backtest: no lead has a creation time, so there is no earlier and later period.', { path: 'leads.mapping.fields.created_at' });
  const { cutoff, fit, test } = split;
  return {
    cutoff,
    holdOut,
    fit: { leads: fit.leads, decided: decidedIn(fit) },
    heldOut: { leads: test.leads, decided: decidedIn(test) },
    ...forecastHeldOut(fit, test, reps),
  };
}
