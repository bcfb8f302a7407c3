import type { Rep } from '../../model/roster';
import type { Scenario } from '../../model/scenario';
import { prepareComparison, summarize, type Comparison } from '../../simulate';
import type { EngineClient } from '../engine/engine-client';
import type { EngineProgress } from '../engine/protocol';
import type { SharedDataSession } from '../state/shared-session';

/** Replications of a what-if run: enough to see a change, few enough to redraw in seconds. */
export const WHAT_IF_REPLICATIONS = 40;

export type RunKind = 'whatif' | 'full';

/**
 * What changes a simulation's numbers: everything but the scenario's name, the baseline the
 * differences are taken against (recomputed from the same replications) and the replication count
 * (each run says its own).
 */
export function runKey(scenario: Scenario, reps: Rep[] | null): string {
  const { name: _, simulation, ...rest } = scenario;
  const { baseline: _b, replications: _r, ...sim } = simulation;
  return JSON.stringify({ ...rest, roster: reps, simulation: sim });
}

/** What the frontier depends on: the λ sweep replaces the scenario's own λ, and the simulation plays no part. */
export function frontierKey(scenario: Scenario, reps: Rep[] | null): string {
  return JSON.stringify({ constraints: { ...scenario.constraints, maxMinWeight: 0 }, objective: scenario.objective, eligibility: scenario.eligibility, segments: scenario.segments, decay: scenario.decay, reps });
}

/**
 * The CLI's `allot simulate`, in the browser: `prepareComparison` over the loaded leads (DuckDB
 * reads, estimates, every policy built, cross-fit folds), then `compare` in the engine worker on
 * the Web Worker pool. Same scenario and seed → the CLI's numbers.
 */
export async function runComparison(
  session: SharedDataSession,
  engine: EngineClient,
  scenario: Scenario,
  roster: Rep[],
  options: { replications: number; signal: AbortSignal; onProgress: (progress: EngineProgress) => void },
): Promise<Comparison> {
  const prepared = await session.read((db) => prepareComparison(db, scenario, roster));
  options.signal.throwIfAborted();
  return engine.call('simulate', { prepared, replications: options.replications, seed: scenario.simulation.seed }, { signal: options.signal, onProgress: options.onProgress });
}

/** The same replications summarised against another baseline: paired differences need no new run. */
export function againstBaseline(comparison: Comparison, baseline: string): Comparison {
  if (baseline === comparison.baseline || !comparison.names.includes(baseline)) return comparison;
  return { ...comparison, ...summarize(comparison.world, comparison.names, comparison.batch, baseline) };
}
