import { defaultCutoff, DEFAULT_HOLD_OUT } from '../estimate/backtest';
import type { BacktestSplit, SegmentSpec } from '../model/estimation-inputs';
import type { Database } from './database';
import { createdRange, readEstimationInputs } from './estimation-inputs';

/** Reads the backtest's two periods; null when no lead has a creation time, so there is nothing to split. */
export async function readBacktestSplit(db: Database, spec: SegmentSpec, holdOut = DEFAULT_HOLD_OUT): Promise<BacktestSplit | null> {
  const range = await createdRange(db);
  if (!range) return null;
  const cutoff = defaultCutoff(range.fromMs, range.toMs, holdOut);
  const fit = await readEstimationInputs(db, spec, { createdBefore: cutoff, decidedBefore: cutoff });
  const test = await readEstimationInputs(db, spec, { createdFrom: cutoff });
  return { cutoff, holdOut, fit, test };
}
