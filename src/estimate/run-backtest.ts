import type { Database } from '../data/database';
import { createdRange, readEstimationInputs, type SegmentSpec } from '../data/estimation-inputs';
import { ImportError } from '../data/import-error';
import { backtest, defaultCutoff, DEFAULT_HOLD_OUT, type BacktestResult } from './backtest';
import { conversionCounts, estimate } from './estimate';

export interface BacktestReport extends BacktestResult {
  /** Fit on leads created (and decided) before this moment; test on the leads created from it. */
  cutoff: string;
  holdOut: number;
  fit: { leads: number; decided: number };
  heldOut: { leads: number; decided: number };
}

/**
 * Fit on the leads created before the cutoff, with only the outcomes known at the cutoff, and
 * forecast the wins among the later leads decided since. Every rep and segment of either period
 * is fitted, so a rep hired after the cutoff is forecast from the prior.
 */
export async function runBacktest(db: Database, spec: SegmentSpec, reps: string[], holdOut = DEFAULT_HOLD_OUT): Promise<BacktestReport> {
  const range = await createdRange(db);
  if (!range) throw new ImportError('backtest: no lead has a creation time, so there is no earlier and later period.', { path: 'leads.mapping.fields.created_at' });
  const cutoff = defaultCutoff(range.fromMs, range.toMs, holdOut);
  const fitInputs = await readEstimationInputs(db, spec, { createdBefore: cutoff, decidedBefore: cutoff });
  const testInputs = await readEstimationInputs(db, spec, { createdFrom: cutoff });
  const fitted = estimate(fitInputs, { reps: [...reps, ...testInputs.owners], segments: testInputs.segments.map((s) => s.key) });
  const heldOut = conversionCounts(testInputs.outcomes);
  const decided = (rows: { decided: number }[]) => rows.reduce((s, r) => s + r.decided, 0);
  return {
    cutoff,
    holdOut,
    fit: { leads: fitInputs.leads, decided: decided(fitInputs.outcomes) },
    heldOut: { leads: testInputs.leads, decided: decided(testInputs.outcomes) },
    ...backtest(fitted.conversion, heldOut),
  };
}
