import { readEstimationInputs, type EstimationInputs, type SegmentSpec } from '../../data/estimation-inputs';
import type { BacktestResult } from '../../estimate/backtest';
import type { Estimates } from '../../estimate/estimate';
import { decidedIn, readBacktestSplit, type BacktestSplit } from '../../estimate/run-backtest';
import type { Scenario } from '../../model/scenario';
import type { EngineClient } from '../engine/engine-client';
import type { SharedDataSession } from '../state/shared-session';

/** The backtest's split and its result, as the Model step shows them. */
export interface BacktestView {
  cutoff: string;
  fitDecided: number;
  heldOutDecided: number;
  result: BacktestResult;
}

/** What the Model step reads from DuckDB once per data and segment choice; re-estimating (a new decay) reuses it. */
export interface ModelInputs {
  spec: SegmentSpec;
  inputs: EstimationInputs;
  /** Null when the leads have no creation times to split. */
  backtest: BacktestSplit | null;
}

/** Reads the estimation inputs and the backtest's two periods (as `allot estimate --backtest` splits them). */
export function readModelInputs(session: SharedDataSession, scenario: Scenario): Promise<ModelInputs> {
  const spec: SegmentSpec = scenario.segments;
  return session.read(async (db) => {
    const inputs = await readEstimationInputs(db, spec);
    return { spec, inputs, backtest: await readBacktestSplit(db, spec) };
  });
}

/** The roster's reps next to the history's owners, with the scenario's decay curve when it sets one. */
export function estimateIn(engine: EngineClient, model: ModelInputs, scenario: Scenario, reps: string[], signal: AbortSignal): Promise<Estimates> {
  return engine.call('estimate', { inputs: model.inputs, options: { reps, ...(scenario.decay ? { decay: scenario.decay } : {}) } }, { signal });
}

export async function backtestIn(engine: EngineClient, model: ModelInputs, reps: string[], signal: AbortSignal): Promise<BacktestView | null> {
  const split = model.backtest;
  if (!split) return null;
  const result = await engine.call('backtest', { fit: split.fit, test: split.test, reps }, { signal });
  return { cutoff: split.cutoff, fitDecided: decidedIn(split.fit), heldOutDecided: decidedIn(split.test), result };
}
