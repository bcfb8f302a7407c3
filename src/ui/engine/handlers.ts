import { estimate } from '../../estimate/estimate';
import { forecastHeldOut } from '../../estimate/run-backtest';
import { buildPolicy } from '../../optimize/policies';
import { compare } from '../../simulate/compare';
import { frontierView, planView } from './plan-view';
import type { EngineHandlers } from './protocol';
import { webWorkerPool } from './simulate-pool';

/** The pure engine behind each request kind; runs in the worker, and in Node in the tests. */
export const engineHandlers: EngineHandlers = {
  estimate: ({ inputs, options }) => estimate(inputs, options),
  backtest: ({ fit, test, reps }) => forecastHeldOut(fit, test, reps),
  policy: ({ name, ctx }) => buildPolicy(name, ctx),
  optimize: ({ context }) => planView(context),
  frontier: ({ context }) => frontierView(context),
  simulate: ({ prepared, replications, seed }, { signal, progress }) =>
    compare(prepared, { replications, seed, runner: webWorkerPool(), signal, onProgress: (done, total) => progress({ done, total }) }),
};
