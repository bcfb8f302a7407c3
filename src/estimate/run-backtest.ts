import type { BacktestSplit, EstimationInputs } from '../model/estimation-inputs';
import type { BacktestReport, BacktestResult } from '../model/backtest';
import { backtest } from './backtest';
import { conversionCounts, estimate } from './estimate';

/**
 * Fits on the earlier period and forecasts the wins among the later leads decided since. Every
 * rep and segment of either period is fitted, so a rep hired after the cutoff is forecast from
 * the prior. Pure: the engine worker runs it on inputs read on the main thread.
 */
export function forecastHeldOut(fit: EstimationInputs, test: EstimationInputs, reps: string[]): BacktestResult {
  const fitted = estimate(fit, { reps: [...reps, ...test.owners], segments: test.segments.map((s) => s.key), intervals: false });
  return backtest(fitted.conversion, conversionCounts(test.outcomes));
}

/** How many of the period's leads are decided (won or lost). */
export function decidedIn(inputs: EstimationInputs): number {
  return inputs.outcomes.reduce((s, r) => s + r.decided, 0);
}

/** The backtest of a split: fit on the earlier period, forecast the later one's wins. */
export function backtestReport(split: BacktestSplit, reps: string[]): BacktestReport {
  const { cutoff, holdOut, fit, test } = split;
  return {
    cutoff,
    holdOut,
    fit: { leads: fit.leads, decided: decidedIn(fit) },
    heldOut: { leads: test.leads, decided: decidedIn(test) },
    ...forecastHeldOut(fit, test, reps),
  };
}
