import type { EstimationInputs } from '../../data/estimation-inputs';
import type { BacktestResult } from '../../estimate/backtest';
import type { EstimateOptions, Estimates } from '../../estimate/estimate';
import type { Comparison, PreparedComparison } from '../../simulate';
import type { FrontierView, PlanView } from './plan-view';
import type { BuildablePolicy, PolicyContext, PolicyResult } from '../../optimize/policies';

/**
 * What the engine worker does, one entry per kind of request: its params and its result. To add a
 * kind (optimize, simulate …), add an entry here and a handler in `handlers.ts`; the client and
 * the server are generic over this map, so nothing else changes.
 */
export interface EngineRequests {
  estimate: { params: { inputs: EstimationInputs; options: EstimateOptions }; result: Estimates };
  /**
   * Fit on the earlier period (`fit`: leads created and decided before the cutoff), forecast the
   * wins of the later one (`test`: leads created from the cutoff), as `allot estimate --backtest`.
   */
  backtest: { params: { fit: EstimationInputs; test: EstimationInputs; reps: string[] }; result: BacktestResult };
  /** One policy as a RuleConfig, as `buildPolicy` (and so `allot optimize`) makes it: `optimized` solves the LP. */
  policy: { params: { name: BuildablePolicy; ctx: PolicyContext }; result: PolicyResult };
  /** The scenario's optimized plan with its per-rep load, or why there is none (the LP's conflicts in words). */
  optimize: { params: { context: PolicyContext }; result: PlanView };
  /** The conversion-vs-fairness frontier (`frontier()`), without each point's rules. */
  frontier: { params: { context: PolicyContext }; result: FrontierView };
  /**
   * `compare(prepared)`: the calibration here, the replications on a pool of Web Workers started
   * from this worker; progress counts replications.
   */
  simulate: { params: { prepared: PreparedComparison; replications: number; seed: number }; result: Comparison };
}

export type EngineKind = keyof EngineRequests;
export type ParamsOf<K extends EngineKind> = EngineRequests[K]['params'];
export type ResultOf<K extends EngineKind> = EngineRequests[K]['result'];

/** How far a long request has got: `done` of `total` units (replications, solves …), and what it is doing. */
export interface EngineProgress {
  done: number;
  total: number;
  label?: string;
}

/** Main thread → worker. Ids are chosen by the client and unique per client. */
export type EngineCall = { [K in EngineKind]: { type: 'call'; id: number; kind: K; params: ParamsOf<K> } }[EngineKind];
export type EngineCancel = { type: 'cancel'; id: number };
export type ToEngine = EngineCall | EngineCancel;

/** Worker → main thread. Every call ends with exactly one `result` or `error` (a cancelled one with `error`, `cancelled: true`). */
export type FromEngine =
  | { type: 'progress'; id: number; progress: EngineProgress }
  | { [K in EngineKind]: { type: 'result'; id: number; kind: K; result: ResultOf<K> } }[EngineKind]
  | { type: 'error'; id: number; message: string; cancelled: boolean };

/** What a handler gets besides its params: the cancel signal (check it between steps) and a progress reporter. */
export interface EngineContext {
  signal: AbortSignal;
  progress(progress: EngineProgress): void;
}

export type EngineHandlers = { [K in EngineKind]: (params: ParamsOf<K>, context: EngineContext) => ResultOf<K> | Promise<ResultOf<K>> };

/** The two ends of a channel: a Worker and its global scope, or the ports of a MessageChannel in tests. */
export interface MessageEnd {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
