import { backtest } from '../../estimate/backtest';
import { conversionCounts, estimate } from '../../estimate/estimate';
import type { EngineHandlers } from './protocol';

/** The pure engine behind each request kind; runs in the worker, and in Node in the tests. */
export const engineHandlers: EngineHandlers = {
  estimate: ({ inputs, options }) => estimate(inputs, options),
  backtest: ({ fit, test, reps }) => {
    // Every rep and segment of either period is fitted, so a rep hired after the cutoff is forecast from the prior.
    const fitted = estimate(fit, { reps: [...reps, ...test.owners], segments: test.segments.map((s) => s.key) });
    return backtest(fitted.conversion, conversionCounts(test.outcomes));
  },
};
