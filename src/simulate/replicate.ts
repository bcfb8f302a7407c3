import { drawArrivals } from './arrivals';
import { metricVector, repVector } from './metrics';
import { preparePolicy, type PreparedPolicy, type SimPolicy } from './policy';
import { Random, STREAM } from './random';
import { createScratch, emptyTotals, resetTotals, runPolicy, type RunScratch } from './run-policy';
import type { SimulationWorld } from './world';
import { METRICS, REP_METRICS } from '../model/comparison';

/**
 * Replications of every policy, on the same draws. Each replication first draws the conversion
 * rates from the posterior of its scoring fold (parameter uncertainty), then the arrivals and the
 * per-lead outcome draws (process noise), and runs every policy of its fold on them.
 * Replication i depends only on (world, policies, seed, i): any worker can run any replication.
 */
export interface ReplicationBatch {
  /** The replication numbers run, in order. */
  replications: number[];
  /** [replication][policy][metric], flattened. */
  metrics: Float64Array;
  /** [replication][policy][rep][REP_METRICS], flattened. */
  reps: Float64Array;
}

export interface ReplicateInput {
  world: SimulationWorld;
  /** Per scoring fold, the policies to score on it (same names, same order, in every fold). */
  policiesByFold: SimPolicy[][];
  seed: number;
}

export interface ReplicateControl {
  onReplication?: (done: number) => void;
  signal?: AbortSignal;
}

export function runReplications(input: ReplicateInput, replications: number[], control: ReplicateControl = {}): ReplicationBatch {
  const { world, policiesByFold, seed } = input;
  const prepared: PreparedPolicy[][] = policiesByFold.map((policies) => policies.map((p) => preparePolicy(p, world)));
  const P = policiesByFold[0]!.length, R = world.reps.length, M = METRICS.length, K = REP_METRICS.length;
  const metrics = new Float64Array(replications.length * P * M);
  const reps = new Float64Array(replications.length * P * R * K);
  const scratch: RunScratch = createScratch(world);
  const p = new Float64Array(world.segments.length * R);
  const totals = emptyTotals(R);
  replications.forEach((replication, i) => {
    if (control.signal?.aborted) throw control.signal.reason ?? new Error('cancelled');
    const fold = replication % world.posteriors.length;
    drawRates(world, fold, seed, replication, p);
    const arrivals = drawArrivals(world, seed, replication);
    prepared[fold % prepared.length]!.forEach((policy, k) => {
      resetTotals(totals);
      runPolicy(world, policy, arrivals, p, scratch, totals);
      metricVector(world, totals, metrics, (i * P + k) * M);
      repVector(world, totals, reps, (i * P + k) * R * K);
    });
    control.onReplication?.(i + 1);
  });
  return { replications, metrics, reps };
}

/** One draw of every p(segment, rep) from the posterior, cells correlated through their segment and rep (see `Posterior`). */
export function drawRates(world: SimulationWorld, fold: number, seed: number, replication: number, out: Float64Array): void {
  const random = new Random(seed, replication, STREAM.posterior);
  const post = world.posteriors[fold]!;
  const S = world.segments.length, R = world.reps.length;
  const repShock = new Float64Array(R);
  for (let r = 0; r < R; r++) repShock[r] = random.normal();
  for (let s = 0; s < S; s++) {
    const segmentShock = random.normal();
    for (let r = 0; r < R; r++) {
      const i = s * R + r;
      const a = post.segmentLoading[i]!, b = post.repLoading[i]!;
      const z = a * segmentShock + b * repShock[r]! + Math.sqrt(Math.max(0, 1 - a * a - b * b)) * random.normal();
      out[i] = 1 / (1 + Math.exp(-(post.logitMean[i]! + post.logitSd[i]! * z)));
    }
  }
}
