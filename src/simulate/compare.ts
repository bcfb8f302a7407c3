import { runReplications, type ReplicateInput, type ReplicationBatch } from './replicate';
import { summarize } from './summarize';
import { touchQuantile } from './metrics';
import { createScratch, emptyTotals, runPolicy } from './run-policy';
import { drawArrivals } from './arrivals';
import { preparePolicy } from './policy';
import { simulationNote, type SimulationNote } from './notes';
import type { PreparedComparison } from './prepare';
import type { SimulationWorld } from './world';
import type { ComparisonSummary } from '../model/comparison';

/**
 * Runs a batch of replications somewhere: in this thread, in Node worker threads, or in Web
 * Workers. Every runner gives the same numbers, since replication i depends only on its inputs.
 */
export type BatchRunner = (input: ReplicateInput, replications: number[], control: RunControl) => Promise<ReplicationBatch>;

export interface RunControl {
  /** Called with the replications finished so far, over all workers. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export const inThisThread: BatchRunner = async (input, replications, control) =>
  runReplications(input, replications, { signal: control.signal, onReplication: (done) => control.onProgress?.(done, replications.length) });

export interface Comparison extends ComparisonSummary {
  scoring: PreparedComparison['scoring'];
  seed: number;
  notes: SimulationNote[];
  /** The raw replication values, for plots and paired analyses. */
  batch: ReplicationBatch;
  names: string[];
  /** The world as simulated, after calibration. */
  world: SimulationWorld;
}

function calibrationNote(world: SimulationWorld): SimulationNote {
  const { touchShare, touchLatencyHours, historyTouchP50 } = world.horizon;
  const work = `a first touch takes ${(100 * touchShare).toFixed(0)}% of a lead's share of the rep's week (assumed) after ${touchLatencyHours.toFixed(2)} working hours to react`;
  return Number.isFinite(historyTouchP50)
    ? simulationNote('first_touch_calibrated', { touchShare, latencyHours: touchLatencyHours, historyP50Hours: historyTouchP50 }, `First touch: ${work}, calibrated so the as-is replay's median time to first touch matches the history's ${historyTouchP50.toFixed(1)} h.`)
    : simulationNote('first_touch_assumed', { touchShare, latencyHours: touchLatencyHours }, `First touch: the history has no first-touch times; ${work} (assumed).`);
}

export async function compare(prepared: PreparedComparison, options: { replications: number; seed: number; runner?: BatchRunner } & RunControl): Promise<Comparison> {
  const world = calibrated(prepared.world, options.seed);
  const notes = [...prepared.notes, calibrationNote(world)];
  const input: ReplicateInput = { world, policiesByFold: prepared.policiesByFold, seed: options.seed };
  const replications = Array.from({ length: options.replications }, (_, i) => i);
  // Every runner hands back one batch in replication order (the pools merge their workers' shares).
  const batch = await (options.runner ?? inThisThread)(input, replications, options);
  return {
    ...summarize(world, prepared.names, batch, prepared.baseline),
    scoring: prepared.scoring,
    seed: options.seed,
    notes,
    world,
    batch,
    names: prepared.names,
  };
}

/** Without first-touch times: reps react within half a working hour (an assumption, stated). */
export const DEFAULT_TOUCH_LATENCY_HOURS = 0.5;
const PILOT_REPLICATIONS = [-1, -2];

/**
 * Fills in what the world needs from a pilot replay of who actually had each lead ("as is"):
 * - `touchLatencyHours`, by bisection, so that the replay's median time to first touch is the history's;
 * - the decay's reference when the history has no first-touch times: the replay's mean
 *   multiplier, so the as-is replay converts at the estimated rates by construction.
 * Both are measured on pilot streams of their own, so they do not reuse any replication's draws.
 */
export function calibrated(start: SimulationWorld, seed: number): SimulationWorld {
  let world = start;
  // The pilots' arrivals, and the worked hours at each (kept in a scratch per pilot), do not depend
  // on the latency or the decay being calibrated: drawn once, not at each of the bisection's steps.
  const pilots = PILOT_REPLICATIONS.map((replication) => ({ arrivals: drawArrivals(start, seed, replication), scratch: createScratch(start) }));
  const asIs = preparePolicy({ name: 'as_is', kind: 'as_is' }, start);
  const pilot = (w: SimulationWorld) => {
    const totals = emptyTotals(w.reps.length);
    const p = new Float64Array(w.segments.length * w.reps.length);
    for (const { arrivals, scratch } of pilots) runPolicy(w, asIs, arrivals, p, scratch, totals);
    return totals;
  };
  const withLatency = (hours: number) => ({ ...world, horizon: { ...world.horizon, touchLatencyHours: hours } });
  if (!Number.isFinite(world.horizon.touchLatencyHours)) {
    const target = world.horizon.historyTouchP50;
    let latency = DEFAULT_TOUCH_LATENCY_HOURS;
    if (Number.isFinite(target)) {
      let lo = 0, hi = 72;
      for (let step = 0; step < 13; step++) {
        latency = (lo + hi) / 2;
        const totals = pilot(withLatency(latency));
        if (touchQuantile(totals.touchHistogram, totals.touched, 0.5) > target) hi = latency;
        else lo = latency;
      }
    }
    world = withLatency(latency);
  }
  if (!Number.isFinite(world.decay.reference)) {
    const totals = pilot({ ...world, decay: { ...world.decay, reference: 1 } });
    world = { ...world, decay: { ...world.decay, reference: totals.touched > 0 ? totals.decaySum / totals.touched : 1 } };
  }
  return world;
}
