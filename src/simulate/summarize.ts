import { quantileSorted } from 'simple-statistics';
import { METRICS, REP_METRICS, type ComparisonSummary, type Interval, type MetricName, type PolicySummary } from '../model/comparison';
import type { ReplicationBatch } from './replicate';
import type { SimulationWorld } from './world';

/** Replication values of one metric of one policy, in replication order. */
export function metricValues(batch: ReplicationBatch, policies: number, policy: number, metric: MetricName): Float64Array {
  const M = METRICS.length, m = METRICS.indexOf(metric);
  return Float64Array.from(batch.replications, (_, i) => batch.metrics[(i * policies + policy) * M + m]!);
}

export function interval(values: ArrayLike<number>): Interval {
  const finite = Array.from(values).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (finite.length === 0) return { mean: NaN, lo: NaN, hi: NaN };
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  return { mean, lo: quantileSorted(finite, 0.05), hi: quantileSorted(finite, 0.95) };
}

export function summarize(world: SimulationWorld, names: string[], batch: ReplicationBatch, baseline: string): ComparisonSummary {
  const P = names.length, R = world.reps.length, K = REP_METRICS.length, n = batch.replications.length;
  const b = names.indexOf(baseline);
  if (b < 0) throw new Error(`baseline "${baseline}" is not one of the policies (${names.join(', ')})`);
  const policies = names.map((name, k): PolicySummary => {
    const metrics = {} as Record<MetricName, Interval>;
    const vsBaseline = {} as Record<MetricName, Interval>;
    for (const metric of METRICS) {
      const own = metricValues(batch, P, k, metric);
      const base = metricValues(batch, P, b, metric);
      metrics[metric] = interval(own);
      vsBaseline[metric] = interval(own.map((x, i) => x - base[i]!));
    }
    const reps = world.reps.map((rep, r) => {
      const per = Object.fromEntries(REP_METRICS.map((name, j) => [name, interval(Array.from({ length: n }, (_, i) => batch.reps[((i * P + k) * R + r) * K + j]!))]));
      return { id: rep.id, name: rep.name, capacityPerWeek: rep.capacityPerWeek, ...per } as PolicySummary['reps'][number];
    });
    return { name, metrics, vsBaseline, reps };
  });
  return { baseline, replications: n, policies };
}

/** Joins batches run by different workers into one, in replication order. */
export function mergeBatches(batches: ReplicationBatch[], policies: number, reps: number): ReplicationBatch {
  const M = METRICS.length, K = REP_METRICS.length;
  const rows = batches.flatMap((batch) => batch.replications.map((replication, i) => ({ replication, batch, i }))).sort((a, b) => a.replication - b.replication);
  const metrics = new Float64Array(rows.length * policies * M);
  const repValues = new Float64Array(rows.length * policies * reps * K);
  rows.forEach(({ batch, i }, j) => {
    metrics.set(batch.metrics.subarray(i * policies * M, (i + 1) * policies * M), j * policies * M);
    repValues.set(batch.reps.subarray(i * policies * reps * K, (i + 1) * policies * reps * K), j * policies * reps * K);
  });
  return { replications: rows.map((r) => r.replication), metrics, reps: repValues };
}
