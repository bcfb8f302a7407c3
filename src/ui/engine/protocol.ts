import type { AllotErrorData } from '../../model/errors';
import type { MappingInput } from '../../model/mapping';
import type { ScenarioProposal } from '../../model/proposal';
import type { Readiness } from '../../model/readiness';
import type { Rep } from '../../model/roster';
import type { RulePolicy, Scenario } from '../../model/scenario';
import type { FloorCost } from '../../optimize/floor-cost';
import type { PolicyResult } from '../../optimize/policies';
import type { LoadedData, LoadFile, LoadPhase } from '../../pipeline/data-session';
import type { FrontierView, PipelineProgress, PlanView, ResolvedRoster } from '../../pipeline';
import type { Comparison } from '../../simulate';
import type { BacktestReport } from '../../model/backtest';
import type { PackedEstimates } from './packed-estimates';
import type { ArmRule, ReadoutReport } from '../../experiment/readout-report';
import type { MonitorReport } from '../../experiment/monitor';
import type { DesignResult, ExperimentDesign } from '../../experiment/design';

/**
 * What the engine worker does, one entry per kind of request: its params, its result and, for long
 * ones, what its progress reports carry. The worker holds the database, the loaded leads and the
 * pipeline; the main thread sends files and scenarios and draws what comes back. To add a kind,
 * add an entry here and a handler in `handlers.ts`; the client and the server are generic over it.
 */
export interface EngineRequests {
  /** Reads a file set (the lead table first, then tables to join onto it), maps and checks it. */
  load: { params: { files: LoadFile[]; isSample?: boolean; input?: MappingInput }; result: LoadedData; progress: LoadPhase };
  /** Fetches the bundled sample from our own origin (an absolute URL) and loads it. */
  loadSample: { params: { url: string; name: string }; result: LoadedData; progress: LoadPhase };
  /** Maps the files already read again, e.g. after the user picked another column for a field. */
  remap: { params: { input: MappingInput }; result: LoadedData; progress: LoadPhase };
  /** Maps the files already read again with file `index` as the lead table. */
  useAsLeadTable: { params: { index: number }; result: LoadedData; progress: LoadPhase };
  roster: { params: { scenario: Scenario }; result: ResolvedRoster };
  /** A roster file (CSV, TSV, xlsx; English or Chinese headers), read as `allot inspect --roster` reads it. */
  readRoster: { params: { file: LoadFile }; result: Rep[] };
  readiness: { params: { scenario: Scenario }; result: Readiness };
  /** Every setting proposed for the loaded leads, with its reason (segment fields, eligibility, horizon, name). */
  proposal: { params: { scenario: Scenario }; result: ScenarioProposal };
  /** The scenario's estimates, the conversion cells in typed arrays (`unpackEstimates` gives back the pipeline's `Estimates`). */
  estimates: { params: { scenario: Scenario }; result: PackedEstimates };
  /** Fit before the cutoff, forecast the held-out wins (`allot estimate --backtest`); null without creation dates. */
  backtest: { params: { scenario: Scenario }; result: BacktestReport | null };
  /** One policy as a RuleConfig, as `allot optimize` builds it. */
  policy: { params: { scenario: Scenario; name: RulePolicy }; result: PolicyResult };
  /** The scenario's optimized plan with its per-rep load, or why there is none (the LP's conflicts in words). */
  plan: { params: { scenario: Scenario }; result: PlanView };
  /** What the plan's every-rep floor costs (the plan solved again without it), asked after the plan; null without a floor or a plan. */
  floorCost: { params: { scenario: Scenario }; result: FloorCost | null };
  /** The conversion-vs-fairness frontier, without each point's rules. */
  frontier: { params: { scenario: Scenario }; result: FrontierView };
  /** Every policy of the scenario simulated on the same draws (`allot simulate`); the replications on a pool of Web Workers. */
  compare: { params: { scenario: Scenario; replications: number }; result: Comparison; progress: PipelineProgress };
  /**
   * Reads the export of the leads created since a rollout with the loaded data's mapping, beside
   * the history (which stays loaded), and reads out the candidate's effect beside Compare's
   * forecast for the two policies, with the week-by-week monitor of the candidate (`allot readout`).
   */
  readout: {
    params: { scenario: Scenario; files: LoadFile[]; arms: ArmRule; control: string; candidate: string; windowDays: number };
    result: ReadoutReport & { monitor: MonitorReport };
    progress: LoadPhase | PipelineProgress;
  };
  /**
   * Adds the rows of files of the lead table's shape (a rollout's export) to the loaded history
   * and maps the whole again with its mapping: the history with the new weeks, as one dataset.
   */
  appendLeads: { params: { files: LoadFile[] }; result: { data: LoadedData; added: { files: string[]; rows: number } }; progress: LoadPhase };
  /**
   * A rollout's design (`allot experiment`): the experiment itself simulated on the scenario's
   * world, both arms sharing the reps, for its power curve, weeks to 80% power and bias against
   * full deployment. Progress: the comparison's preparation, then the replications done.
   */
  design: {
    params: { scenario: Scenario; design: ExperimentDesign; replications: number };
    result: DesignResult;
    progress: PipelineProgress | DesignProgress;
  };
}

/** The design's replications, as they are run (after the comparison's preparation). */
export interface DesignProgress {
  stage: 'designing';
  done: number;
  total: number;
}

export type EngineKind = keyof EngineRequests;
export type ParamsOf<K extends EngineKind> = EngineRequests[K]['params'];
export type ResultOf<K extends EngineKind> = EngineRequests[K]['result'];
export type ProgressOf<K extends EngineKind> = EngineRequests[K] extends { progress: infer P } ? P : never;

/** Main thread → worker. Ids are chosen by the client and unique per client. */
export type EngineCall = { [K in EngineKind]: { type: 'call'; id: number; kind: K; params: ParamsOf<K> } }[EngineKind];
export type EngineCancel = { type: 'cancel'; id: number };
export type ToEngine = EngineCall | EngineCancel;

/**
 * Worker → main thread. Every call ends with exactly one `result` or `error`: a cancelled one with
 * `cancelled: true`, any other with the error as data (family, code, params, location), so the
 * main thread gets back the same AllotError and words it in the user's language.
 */
export type FromEngine =
  | { type: 'progress'; id: number; progress: unknown }
  | { [K in EngineKind]: { type: 'result'; id: number; kind: K; result: ResultOf<K> } }[EngineKind]
  | { type: 'error'; id: number; error: AllotErrorData; cancelled: boolean };

/** What a handler gets besides its params: the cancel signal (check it between steps) and a progress reporter. */
export interface EngineContext<P = unknown> {
  signal: AbortSignal;
  progress(progress: P): void;
}

export type EngineHandlers = { [K in EngineKind]: (params: ParamsOf<K>, context: EngineContext<ProgressOf<K>>) => ResultOf<K> | Promise<ResultOf<K>> };

/** The two ends of a channel: a Worker and its global scope, or the ports of a MessageChannel in tests. */
export interface MessageEnd {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
