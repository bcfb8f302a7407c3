import { runReplications, type ReplicateInput, type ReplicationBatch } from './replicate';
import { mergeBatches, summarize } from './summarize';
import { touchQuantile } from './metrics';
import { createScratch, emptyTotals, runPolicy } from './run-policy';
import { drawArrivals } from './arrivals';
import { preparePolicy } from './policy';
import { simulationNote, type SimulationNote } from './notes';
import type { PreparedComparison } from './prepare';
import type { SimulationWorld } from './world';
import { METRICS, REP_METRICS, type ComparisonSummary } from '../model/comparison';

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
    ? simulationNote('first_touch_calibrated', { touchShare, latencyHours: touchLatencyHours, historyP50Hours: historyTouchP50 }, `First touch: ${work}, calibrated so the as-is replay of the history's volume has the history's median time to first touch, ${historyTouchP50.toFixed(1)} h.`)
    : simulationNote('first_touch_assumed', { touchShare, latencyHours: touchLatencyHours }, `First touch: the history has no first-touch times; ${work} (assumed).`);
}

export interface CompareOptions extends RunControl {
  replications: number;
  seed: number;
  runner?: BatchRunner;
  /**
   * A comparison of the same prepared inputs and seed run before, with any number of replications:
   * replication i depends only on (world, policies, seed, i), so its replications are this one's
   * first ones, bit for bit, and only the rest are run (none when it has as many or more).
   */
  earlier?: Comparison;
  /** The world's calibration, when a caller keeps it (it does not depend on the volume: see `calibration`). */
  calibration?: Calibration;
}

export async function compare(prepared: PreparedComparison, options: CompareOptions): Promise<Comparison> {
  const earlier = options.earlier && sameRun(options.earlier, prepared, options.seed) ? options.earlier : null;
  const world = earlier ? earlier.world : calibrated(prepared.world, options.seed, options.calibration);
  const notes = [...prepared.notes, calibrationNote(world)];
  const input: ReplicateInput = { world, policiesByFold: prepared.policiesByFold, seed: options.seed };
  const kept = earlier ? firstReplications(earlier.batch, Math.min(options.replications, earlier.batch.replications.length), prepared.names.length, world.reps.length) : null;
  const from = kept?.replications.length ?? 0;
  const replications = Array.from({ length: options.replications - from }, (_, i) => from + i);
  // Every runner hands back one batch in replication order (the pools merge their workers' shares).
  const run = replications.length === 0 ? null : await (options.runner ?? inThisThread)(input, replications, {
    signal: options.signal,
    onProgress: (done) => options.onProgress?.(from + done, options.replications),
  });
  const batch = kept && run ? mergeBatches([kept, run], prepared.names.length, world.reps.length) : (kept ?? run)!;
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

/** An earlier comparison of these very inputs: the same policies, seed and replications from 0. */
function sameRun(earlier: Comparison, prepared: PreparedComparison, seed: number): boolean {
  const { replications } = earlier.batch;
  return earlier.seed === seed && earlier.names.join('\n') === prepared.names.join('\n') && replications.every((r, i) => r === i);
}

/** The batch's first `n` replications. */
function firstReplications(batch: ReplicationBatch, n: number, policies: number, reps: number): ReplicationBatch {
  const M = METRICS.length, K = REP_METRICS.length;
  return { replications: batch.replications.slice(0, n), metrics: batch.metrics.slice(0, n * policies * M), reps: batch.reps.slice(0, n * policies * reps * K) };
}

/** Without first-touch times: reps react within half a working hour (an assumption, stated). */
export const DEFAULT_TOUCH_LATENCY_HOURS = 0.5;
const PILOT_REPLICATIONS = [-1, -2];

/** What the calibration finds: the reps' reaction time and the decay's reference (see `calibration`). */
export interface Calibration {
  touchLatencyHours: number;
  decayReference: number;
}

/**
 * What the world needs from a pilot replay of who actually had each lead ("as is"):
 * - `touchLatencyHours`, by bisection, so that the replay's median time to first touch is the history's;
 * - the decay's reference when the history has no first-touch times: the replay's mean
 *   multiplier, so the as-is replay converts at the estimated rates by construction.
 * Both are measured on pilot streams of their own, so they do not reuse any replication's draws.
 * The pilots replay the history's own volume (multiplier 1) whatever the world's: the history's
 * first-touch times were measured at that volume, and calibrating at another would read the
 * backlog a volume what-if adds as reps reacting faster, hiding what the what-if asks.
 */
export function calibration(start: SimulationWorld, seed: number): Calibration {
  let world: SimulationWorld = { ...start, horizon: { ...start.horizon, volumeMultiplier: 1 } };
  // The pilots' arrivals, and the worked hours at each (kept in a scratch per pilot), do not depend
  // on the latency or the decay being calibrated: drawn once, not at each of the bisection's steps.
  const pilots = PILOT_REPLICATIONS.map((replication) => ({ arrivals: drawArrivals(world, seed, replication), scratch: createScratch(world) }));
  const asIs = preparePolicy({ name: 'as_is', kind: 'as_is' }, world);
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
  let decayReference = world.decay.reference;
  if (!Number.isFinite(decayReference)) {
    const totals = pilot({ ...world, decay: { ...world.decay, reference: 1 } });
    decayReference = totals.touched > 0 ? totals.decaySum / totals.touched : 1;
  }
  return { touchLatencyHours: world.horizon.touchLatencyHours, decayReference };
}

/** The world with its calibration filled in (worked out here unless given). */
export function calibrated(world: SimulationWorld, seed: number, found: Calibration = calibration(world, seed)): SimulationWorld {
  return {
    ...world,
    horizon: { ...world.horizon, touchLatencyHours: found.touchLatencyHours },
    decay: { ...world.decay, reference: found.decayReference },
  };
}
