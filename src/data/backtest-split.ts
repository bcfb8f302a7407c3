import { defaultCutoff, DEFAULT_HOLD_OUT } from '../estimate/backtest';
import type { BacktestSplit, SegmentSpec } from '../model/estimation-inputs';
import type { Database } from './database';
import { createdRange, readEstimationInputs } from './estimation-inputs';

/** Reads the backtest's two periods; null when no lead has a creation time, so there is nothing to split. */
export async function readBacktestSplit(db: Database, spec: SegmentSpec, holdOut = DEFAULT_HOLD_OUT): Promise<BacktestSplit | null> {
  const range = await createdRange(db);
  if (!range) return null;
  const cutoff = defaultCutoff(range.fromMs, range.toMs, holdOut);
  // Side by side, as the aggregates within each: the database works through them without waiting
  // for this thread between statements.
  const [fit, test] = await Promise.all([
    readEstimationInputs(db, spec, { createdBefore: cutoff, decidedBefore: cutoff }),
    readEstimationInputs(db, spec, { createdFrom: cutoff }),
  ]);
  return { cutoff, holdOut, fit, test };
}
