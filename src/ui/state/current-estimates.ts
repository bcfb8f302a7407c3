import type { Estimates } from '../../estimate/estimate';
import type { Rep } from '../../model/roster';
import type { Scenario } from '../../model/scenario';
import type { PolicyContext } from '../../optimize/policies';
import type { EngineClient } from '../engine/engine-client';
import { estimateIn, readModelInputs, type ModelInputs } from '../model/model-run';
import type { ScenarioStore } from './scenario-store';
import type { SharedDataSession } from './shared-session';

/** Why there is no policy context yet: no leads loaded, or the team not known yet. */
export class NotReadyError extends Error {
  override name = 'NotReadyError';
  constructor(readonly missing: 'data' | 'roster') {
    super(missing === 'data' ? 'No data is loaded yet.' : 'The team (roster) is not known yet.');
  }
}

/**
 * "The current estimates" for the steps after Model (Policies, Compare, Export): the loaded leads
 * under the current scenario, estimated in the engine worker exactly as the Model step and
 * `allot estimate` do (same inputs, the roster's reps, the scenario's decay). The DuckDB reads
 * are redone only for other data or other segments; the estimate only when its inputs change.
 */
export class CurrentEstimates {
  #inputs: { data: unknown; segments: Scenario['segments']; value: Promise<ModelInputs> } | null = null;
  #estimates: { inputs: ModelInputs; reps: Rep[]; decay: Scenario['decay']; run: AbortController; value: Promise<Estimates> } | null = null;

  constructor(
    private readonly session: SharedDataSession,
    private readonly store: ScenarioStore,
    private readonly engine: EngineClient,
  ) {}

  /** What `buildPolicy(name, ctx)` needs for the current scenario; NotReadyError without data or roster. */
  async policyContext(signal: AbortSignal): Promise<PolicyContext> {
    const data = this.session.current;
    if (!data) throw new NotReadyError('data');
    const scenario = this.store.scenario;
    const roster = this.store.reps;
    if (!roster) throw new NotReadyError('roster');
    const inputs = await this.#readInputs(data, scenario);
    signal.throwIfAborted();
    const estimates = await untilAborted(this.#estimate(inputs, scenario, roster), signal);
    return { scenario, roster, estimates, segmentFields: inputs.spec.fields, valueBands: inputs.spec.valueBands };
  }

  #readInputs(data: unknown, scenario: Scenario): Promise<ModelInputs> {
    const cached = this.#inputs;
    if (cached && cached.data === data && cached.segments === scenario.segments) return cached.value;
    const value = readModelInputs(this.session, scenario);
    this.#inputs = { data, segments: scenario.segments, value };
    // A failed read is not kept: the next call tries again.
    value.catch(() => {
      if (this.#inputs?.value === value) this.#inputs = null;
    });
    return value;
  }

  /** Shared by every caller, so no caller's cancel ends it; a newer scenario's estimate does. */
  #estimate(inputs: ModelInputs, scenario: Scenario, reps: Rep[]): Promise<Estimates> {
    const cached = this.#estimates;
    if (cached && cached.inputs === inputs && cached.reps === reps && cached.decay === scenario.decay) return cached.value;
    cached?.run.abort();
    const run = new AbortController();
    const value = estimateIn(this.engine, inputs, scenario, reps.map((r) => r.rep_id), run.signal);
    this.#estimates = { inputs, reps, decay: scenario.decay, run, value };
    value.catch(() => {
      if (this.#estimates?.value === value) this.#estimates = null;
    });
    return value;
  }
}

/** `work`, or an AbortError as soon as `signal` aborts (the work itself goes on for other callers). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
