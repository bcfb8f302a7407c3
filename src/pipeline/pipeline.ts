/**
 * The pipeline (DESIGN §1): from the loaded leads and a scenario to every artifact a face shows —
 * readiness, roster, estimates, plan, policies, comparison, backtests, frontier. Assembled here
 * once; the CLI, the workbench's engine worker and the notebooks call it and nothing else.
 *
 * Each artifact is cached by the inputs it depends on, so a what-if that changes only the volume
 * re-simulates without re-estimating or re-solving, and one that marks a rep away re-solves
 * without re-estimating. A pipeline belongs to one state of the data: a new load or re-map makes
 * a new pipeline, and the old caches go with the old one.
 */
import { readBacktestSplit } from '../data/backtest-split';
import type { Database } from '../data/database';
import { createdRange, readEstimationInputs } from '../data/estimation-inputs';
import { readSegmentEvidence } from '../data/segment-evidence';
import { readHistoryLeads } from '../data/history-leads';
import { estimate } from '../estimate/estimate';
import { backtestReport } from '../estimate/run-backtest';
import type { EstimationInputs, SegmentSpec } from '../model/estimation-inputs';
import type { HistoryLeads } from '../model/history';
import type { ScenarioProposal } from '../model/proposal';
import { isReady, type Readiness } from '../model/readiness';
import type { RulePolicy, Scenario } from '../model/scenario';
import { AllotError } from '../model/errors';
import { scenarioError } from '../model/scenario-errors';
import { buildPolicy, type PolicyContext, type PolicyResult } from '../optimize/policies';
import type { SolverName } from '../optimize/solvers';
import { backtestAsIs, type SimulationBacktest } from '../simulate/backtest';
import { calibration, compare, type BatchRunner, type Calibration, type Comparison } from '../simulate/compare';
import type { SimulationWorld } from '../simulate/world';
import { assembleComparison, buildSimPolicies, comparedNames, foldEstimates, type ExtraPolicy, type PreparedComparison } from '../simulate/prepare';
import { keyOf, Memo, untilAborted } from './memo';
import { floorCostView, frontierView, planView, type FrontierView, type PlanView } from './plan-view';
import { proposeScenario } from './proposal';
import { readinessOf } from './readiness';
import { resolveRoster, type ResolvedRoster, type ScenarioFileReader } from './roster';
import type { Estimates } from '../model/estimates';
import type { BacktestReport } from '../model/backtest';
import type { FloorCost } from '../optimize/floor-cost';
import { solveOptimized, type OptimizedPolicy } from '../optimize/optimized-policy';

/** The loaded leads as the pipeline reads them. */
export interface PipelineData {
  /** Runs `task` on the database holding the `leads` view, never while a load is rewriting it. */
  read<T>(task: (db: Database) => Promise<T>): Promise<T>;
  /** The leads' attribute columns (the inferred roster looks for region and team among them). */
  attributes: readonly string[];
  /** Reads a file the scenario names (its roster); absent or null where the face cannot. */
  readFile?: ScenarioFileReader;
  /** The lead file's name, for the proposal's title. */
  name?: string;
}

export interface PipelineOptions {
  /** Where replications run: Node worker threads, Web Workers, this thread (the default). */
  runner?: BatchRunner;
  /** The optimized policy's solver; 'auto' picks by model size. */
  solver?: 'auto' | SolverName;
}

/** How far a long artifact has got: `done` of `total` units, and what it is doing. */
export interface PipelineProgress {
  done: number;
  total: number;
  stage: 'preparing' | 'simulating';
}

export interface ComparisonRequest {
  replications?: number;
  seed?: number;
  /** Rule files compared besides the scenario's policies. */
  extra?: readonly ExtraPolicy[];
  signal?: AbortSignal;
  onProgress?: (progress: PipelineProgress) => void;
}

export interface Pipeline {
  readiness(scenario: Scenario, signal?: AbortSignal): Promise<Readiness>;
  /** Every setting proposed for these leads with its reason: segment fields, eligibility, horizon, name (the roster: the scenario's, else inferred). */
  proposal(scenario: Scenario, signal?: AbortSignal): Promise<ScenarioProposal>;
  roster(scenario: Scenario, signal?: AbortSignal): Promise<ResolvedRoster>;
  estimates(scenario: Scenario, signal?: AbortSignal): Promise<Estimates>;
  /** The history lead by lead (what the simulator and a rollout's monitor read), read once per segment spec. */
  history(scenario: Scenario, signal?: AbortSignal): Promise<HistoryLeads>;
  /** What every policy is built from: the scenario, its roster and its estimates. */
  context(scenario: Scenario, signal?: AbortSignal): Promise<PolicyContext>;
  policy(scenario: Scenario, name: RulePolicy, signal?: AbortSignal): Promise<PolicyResult>;
  plan(scenario: Scenario, signal?: AbortSignal): Promise<PlanView>;
  /** What the plan's every-rep floor costs (the plan solved again without it); null without a floor or a plan. */
  floorCost(scenario: Scenario, signal?: AbortSignal): Promise<FloorCost | null>;
  frontier(scenario: Scenario, signal?: AbortSignal): Promise<FrontierView>;
  /** Fit before a cutoff, forecast the held-out wins; null when the leads have no creation dates. */
  backtest(scenario: Scenario, signal?: AbortSignal): Promise<BacktestReport | null>;
  /** The simulator's own backtest: "as is" replayed over the held-out period. */
  simulationBacktest(scenario: Scenario, options: { replications: number; seed: number }): Promise<SimulationBacktest>;
  prepared(scenario: Scenario, request?: Pick<ComparisonRequest, 'extra' | 'signal' | 'onProgress'>): Promise<PreparedComparison>;
  comparison(scenario: Scenario, request?: ComparisonRequest): Promise<Comparison>;
}

const WEEK_MS = 7 * 86_400_000;

/** A cut of the history: all of it, or one of the two cross-fitting folds. */
type Cut = 'all' | 0 | 1;

export function createPipeline(data: PipelineData, options: PipelineOptions = {}): Pipeline {
  const inputsMemo = new Memo<EstimationInputs>();
  const historyMemo = new Memo<HistoryLeads>(2);
  const splitMemo = new Memo<Awaited<ReturnType<typeof readBacktestSplit>>>(2);
  const rosterMemo = new Memo<ResolvedRoster>();
  const estimatesMemo = new Memo<Estimates>(12);
  const policiesMemo = new Memo<PolicyResult>(24);
  const simPoliciesMemo = new Memo<Awaited<ReturnType<typeof buildSimPolicies>>>(12);
  const frontierMemo = new Memo<FrontierView>(4);
  const planMemo = new Memo<PlanView>(8);
  const optimizedMemo = new Memo<OptimizedPolicy>(8);
  const floorCostMemo = new Memo<FloorCost | null>(8);
  const backtestMemo = new Memo<BacktestReport | null>(4);
  const comparisonMemo = new Memo<Comparison>(4);
  /** Per scenario, rule files and seed (not the count): the comparison with the most replications yet, whose first ones any count shares. */
  const longestMemo = new Memo<Comparison>(4);
  /** Per scenario whatever its volume, rule files and seed: the world's calibration, which no volume what-if changes. */
  const calibrationMemo = new Memo<Calibration>(4);
  /** Per scenario whatever its volume, and rule files: the simulated world, whose volume alone a what-if changes. */
  const worldMemo = new Memo<SimulationWorld>(4);
  const proposalMemo = new Memo<ScenarioProposal>(2);

  const inputs = (spec: SegmentSpec, cut: Cut) =>
    inputsMemo.get(keyOf(spec, cut), () => data.read((db) => readEstimationInputs(db, spec, cut === 'all' ? {} : { fold: { index: cut, of: 2 } })));
  /** The scenario's inputs; a missing eligibility column is named as the eligibility setting, which is where the user wrote it. */
  const inputsOf = (scenario: Scenario, cut: Cut) =>
    inputs(specOf(scenario), cut).catch((error: unknown) => {
      const field = scenario.eligibility?.field;
      if (error instanceof AllotError && error.code === 'not_a_column' && field && error.params.field === field && !scenario.segments.fields.includes(field)) {
        const columns = String(error.params.columns);
        throw scenarioError('not_a_column', { setting: 'eligibility.field', field, columns }, `eligibility.field: "${field}" is not a column of the leads (columns: ${columns}).`, { path: 'eligibility.field', column: field });
      }
      throw error;
    });
  const history = (spec: SegmentSpec) => historyMemo.get(keyOf(spec), () => data.read((db) => readHistoryLeads(db, spec)));

  /** The backtest's two periods, read once per segment spec for both backtests. */
  const splitOf = (scenario: Scenario) => splitMemo.get(keyOf(specOf(scenario)), () => data.read((db) => readBacktestSplit(db, specOf(scenario))));

  const roster = (scenario: Scenario) => rosterMemo.get(keyOf(scenario.roster ?? null), () => data.read((db) => resolveRoster(db, scenario, data.attributes, data.readFile)));

  const readiness = async (scenario: Scenario) => readinessOf(await inputsOf(scenario, 'all'));

  /** The reps every artifact estimates: the roster's, then owners in the history it lacks (the as-is replay needs them). */
  const repIds = async (scenario: Scenario) => {
    const [{ reps }, all] = await Promise.all([roster(scenario), inputsOf(scenario, 'all')]);
    return [...new Set([...reps.map((r) => r.rep_id), ...all.owners])];
  };

  const estimatesOf = (scenario: Scenario, cut: Cut): Promise<Estimates> =>
    estimatesMemo.get(keyOf(specOf(scenario), scenario.decay ?? null, scenario.roster ?? null, cut), async () => {
      const all = await inputsOf(scenario, 'all');
      if (cut === 'all') refuseUnready(all, scenario.leads.path);
      const reps = await repIds(scenario);
      const decay = scenario.decay ? { decay: scenario.decay } : {};
      if (cut === 'all') return estimate(all, { reps, ...decay });
      // A fold is estimated on every segment of the history, then given the whole history's demand.
      const full = await estimatesOf(scenario, 'all');
      const own = estimate(await inputsOf(scenario, cut), { reps, segments: full.segments.map((s) => s.key), ...decay });
      return foldEstimates(full, own);
    });

  const contextOf = async (scenario: Scenario, cut: Cut): Promise<PolicyContext> => {
    const [{ reps }, estimates] = await Promise.all([roster(scenario), estimatesOf(scenario, cut)]);
    return { scenario, roster: reps, estimates, segmentFields: specOf(scenario).fields, valueBands: specOf(scenario).valueBands };
  };

  /** What building a policy reads from the scenario: everything but the simulation's horizon, volume, seed and count. */
  const policyKey = (scenario: Scenario) =>
    keyOf(scenario.name, specOf(scenario), scenario.decay ?? null, scenario.roster ?? null, scenario.eligibility ?? null, scenario.objective, scenario.constraints, scenario.simulation.absent);

  const policy = (scenario: Scenario, name: RulePolicy) =>
    policiesMemo.get(keyOf(policyKey(scenario), name), async () => {
      const ctx = await contextOf(scenario, 'all');
      // A rotation needs no demand; a plan does (it would queue every lead).
      if (name === 'optimized' || name === 'salesforce_mod') refuseZeroDemand(ctx);
      return buildPolicy(name, ctx, { solver: options.solver ?? 'auto' });
    });

  /** The plan the Policies step shows, solved once for it and for what its floor costs. */
  const optimizedOf = (scenario: Scenario) =>
    optimizedMemo.get(policyKey(scenario), async () => {
      const ctx = await contextOf(scenario, 'all');
      refuseZeroDemand(ctx);
      return solveOptimized(ctx, {});
    });

  const simPolicies = (scenario: Scenario, cut: Cut, extra: readonly ExtraPolicy[]) =>
    simPoliciesMemo.get(keyOf(policyKey(scenario), scenario.policies, extra, cut), async () => buildSimPolicies(scenario.policies, await contextOf(scenario, cut), extra));

  const prepared = async (scenario: Scenario, request: Pick<ComparisonRequest, 'extra' | 'signal' | 'onProgress'> = {}): Promise<PreparedComparison> => {
    const extra = request.extra ?? [];
    const names = comparedNames(scenario, extra);
    const progress = (done: number) => request.onProgress?.({ done, total: 3, stage: 'preparing' });
    progress(0);
    const crossFit = scenario.simulation.scoring === 'cross_fit';
    // Asked at once with the history: DuckDB reads the history and the folds' leads in its own
    // worker while this thread fits the first fold whose leads are in.
    const foldsAsked = crossFit ? Promise.all([estimatesOf(scenario, 0), estimatesOf(scenario, 1)]) : null;
    foldsAsked?.catch(() => undefined); // awaited below, once the history is known to have dates
    const [{ reps }, hist, full] = await Promise.all([roster(scenario), history(specOf(scenario)), estimatesOf(scenario, 'all')]);
    if (hist.created.length === 0) throw scenarioError('no_created_at', { capability: 'simulation' }, 'leads: no lead has a creation time, so arrivals cannot be simulated (map created_at).', { path: 'leads.mapping.fields.created_at' });
    refuseZeroDemand({ estimates: full });
    request.signal?.throwIfAborted();
    progress(1);
    const folds = foldsAsked ? await foldsAsked : [full];
    request.signal?.throwIfAborted();
    progress(2);
    // Scored on fold f: chosen on the other fold (or, in sample, on everything).
    const choosers: Cut[] = crossFit ? [1, 0] : ['all'];
    const policiesByFold = await Promise.all(choosers.map((cut) => simPolicies(scenario, cut, extra)));
    const onAll = await simPolicies(scenario, 'all', extra);
    request.signal?.throwIfAborted();
    progress(3);
    const parts = { scenario, roster: reps, history: hist, estimates: full, folds, policiesByFold, onAll, names };
    // Kept by the scenario at any volume: a volume what-if sets its volume on it instead of building it again.
    const worldKey = volumeFreeKey(scenario, extra);
    const kept = await worldMemo.peek(worldKey);
    const ready = assembleComparison(kept ? { ...parts, world: kept } : parts);
    if (!kept) worldMemo.set(worldKey, ready.world);
    return ready;
  };

  return {
    readiness: (scenario, signal) => untilAborted(readiness(scenario), signal),
    proposal: (scenario, signal) =>
      untilAborted(proposalMemo.get(keyOf(scenario.roster ?? null), async () => {
        const [evidence, range, { reps }] = await Promise.all([
          data.read((db) => readSegmentEvidence(db, data.attributes)),
          data.read((db) => createdRange(db)),
          roster(scenario),
        ]);
        const historyWeeks = range ? Math.max(1, Math.round((range.toMs - range.fromMs) / WEEK_MS)) : 0;
        return proposeScenario({ dataName: data.name ?? scenario.leads.path, ...evidence, roster: reps, historyWeeks });
      }), signal),
    roster: (scenario, signal) => untilAborted(roster(scenario), signal),
    estimates: (scenario, signal) => untilAborted(estimatesOf(scenario, 'all'), signal),
    history: (scenario, signal) => untilAborted(history(specOf(scenario)), signal),
    context: (scenario, signal) => untilAborted(contextOf(scenario, 'all'), signal),
    policy: (scenario, name, signal) => untilAborted(policy(scenario, name), signal),
    plan: (scenario, signal) =>
      untilAborted(planMemo.get(policyKey(scenario), async () => planView(await contextOf(scenario, 'all'), optimizedOf(scenario))), signal),
    floorCost: (scenario, signal) =>
      untilAborted(floorCostMemo.get(policyKey(scenario), async () => floorCostView(await contextOf(scenario, 'all'), optimizedOf(scenario))), signal),
    frontier: (scenario, signal) => {
      // The sweep sets λ itself: the scenario's own λ plays no part.
      const sweep = { ...scenario, constraints: { ...scenario.constraints, maxMinWeight: 0 } };
      return untilAborted(frontierMemo.get(policyKey(sweep), async () => {
        const ctx = await contextOf(scenario, 'all');
        refuseZeroDemand(ctx);
        return frontierView(ctx);
      }), signal);
    },
    backtest: (scenario, signal) =>
      untilAborted(backtestMemo.get(keyOf(specOf(scenario), scenario.roster ?? null), async () => {
        const split = await splitOf(scenario);
        return split ? backtestReport(split, await repIds(scenario)) : null;
      }), signal),
    simulationBacktest: async (scenario, request) => {
      const split = await splitOf(scenario);
      if (!split) throw scenarioError('no_created_at', { capability: 'backtest' }, 'backtest: no lead has a creation time, so there is no earlier and later period.', { path: 'leads.mapping.fields.created_at' });
      const [{ reps }, hist] = await Promise.all([roster(scenario), history(specOf(scenario))]);
      return backtestAsIs({ scenario, roster: reps, history: hist, fit: split.fit, cutoff: split.cutoff }, request);
    },
    prepared,
    comparison: (scenario, request = {}) => {
      const replications = request.replications ?? scenario.simulation.replications;
      const seed = request.seed ?? scenario.simulation.seed;
      const runKey = keyOf(comparisonKey(scenario), request.extra ?? [], seed);
      const key = keyOf(runKey, replications);
      const done = comparisonMemo.peek(key);
      if (done) return untilAborted(done, request.signal);
      // Not shared while it runs: each run is its caller's, cancelled with its signal, and kept once finished.
      return (async () => {
        const ready = await prepared(scenario, request);
        // A full run after a what-if runs only the replications the what-if did not.
        const earlier = await longestMemo.peek(runKey);
        const found = earlier ? null : await calibrationMemo.get(keyOf(volumeFreeKey(scenario, request.extra ?? []), seed), async () => calibration(ready.world, seed));
        const result = await compare(ready, {
          ...(found ? { calibration: found } : {}),
          replications,
          seed,
          runner: options.runner,
          signal: request.signal,
          onProgress: (done, total) => request.onProgress?.({ done, total, stage: 'simulating' }),
          ...(earlier ? { earlier } : {}),
        });
        comparisonMemo.set(key, result);
        if (!earlier || earlier.replications < result.replications) longestMemo.set(runKey, result);
        return result;
      })();
    },
  };
}

/** What a comparison's world and calibration depend on: its key with the lead volume left out (a what-if changes only that). */
function volumeFreeKey(scenario: Scenario, extra: readonly ExtraPolicy[]): string {
  return keyOf(comparisonKey({ ...scenario, simulation: { ...scenario.simulation, volumeMultiplier: 1 } }), extra);
}

/**
 * What changes a simulation's numbers: everything but the scenario's name, the baseline (the
 * differences against another one come from the same replications) and the replication count.
 */
export function comparisonKey(scenario: Scenario): string {
  const { name: _, simulation, ...rest } = scenario;
  const { baseline: _b, replications: _r, ...sim } = simulation;
  return keyOf(rest, sim);
}

/**
 * How the leads are cut into segments: the scenario's fields, then the eligibility field when it
 * is not one of them, since the router and the optimizer decide eligibility segment by segment
 * (eligibility by regional office with segments by sector × product is sector × product × office).
 */
export function specOf(scenario: Scenario): SegmentSpec {
  const { fields, valueBands } = scenario.segments;
  const field = scenario.eligibility?.field;
  return field && !fields.includes(field) ? { fields: [...fields, field], valueBands } : { fields, valueBands };
}

/** No decided lead, or no owner on any: there is nothing to learn conversion from. */
function refuseUnready(inputs: EstimationInputs, file: string): void {
  if (isReady(readinessOf(inputs), 'estimates')) return;
  if (inputs.leads === 0) throw scenarioError('no_leads', {}, `${file}: no leads to estimate from (the file has a header and no rows).`, { file });
  throw scenarioError('no_decided_leads', {}, `${file}: no decided (won or lost) lead with an owner, so conversion cannot be learned. Check the outcome and owner columns' mapping.`, { file, column: 'outcome' });
}

/** Without creation dates there is no demand: a plan would send every lead to the overflow queue. */
function refuseZeroDemand(ctx: Pick<PolicyContext, 'estimates'>): void {
  const perWeek = ctx.estimates.segments.reduce((n, s) => n + s.perWeek, 0);
  if (perWeek > 0) return;
  throw scenarioError('zero_demand', {}, 'leads: no lead has a creation date, so the demand per week is zero and no plan can be made; map the created-at column.', { path: 'leads.mapping.fields.created_at' });
}
