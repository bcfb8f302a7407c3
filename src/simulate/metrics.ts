import { METRICS, REP_METRICS, type MetricName } from '../model/comparison';
import { gini, jain } from '../model/inequality';
import { TOUCH_BIN_HOURS, type RunTotals } from './run-policy';
import type { SimulationWorld } from './world';

export const METRIC_INDEX = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<MetricName, number>;

/** The reps fairness is measured over: the active team, and anyone else who received leads. */
function teamReps(world: SimulationWorld, totals: RunTotals): number[] {
  return world.reps.flatMap((rep, r) => ((rep.inRoster && rep.active && !rep.absent) || totals.repLeads[r]! > 0 ? [r] : []));
}

export function metricVector(world: SimulationWorld, totals: RunTotals, out: Float64Array, offset: number): void {
  const team = teamReps(world, totals);
  const weeks = world.horizon.weeks;
  let maxUtilization = 0;
  for (const r of team) {
    const capacity = world.reps[r]!.capacityPerWeek;
    if (capacity > 0) maxUtilization = Math.max(maxUtilization, totals.repLeads[r]! / weeks / capacity);
  }
  const values: Record<MetricName, number> = {
    conversions: totals.won,
    revenue: totals.revenue,
    conversionRate: totals.leads > 0 ? totals.won / totals.leads : 0,
    firstTouchHoursP50: touchQuantile(totals.touchHistogram, totals.touched, 0.5),
    firstTouchHoursP90: touchQuantile(totals.touchHistogram, totals.touched, 0.9),
    slaBreachRate: totals.leads > 0 ? totals.slaBreaches / totals.leads : 0,
    reclaimedShare: totals.leads > 0 ? totals.reclaimed / totals.leads : 0,
    unassignedShare: totals.leads > 0 ? totals.unassigned / totals.leads : 0,
    fallbackShare: totals.leads > 0 ? totals.fallback / totals.leads : 0,
    giniLeads: gini(team.map((r) => totals.repLeads[r]!)),
    giniValue: gini(team.map((r) => totals.repValue[r]!)),
    jainLeads: jain(team.map((r) => totals.repLeads[r]!)),
    maxUtilization,
    juniorHighValueShare: totals.highValue > 0 ? totals.highValueToJuniors / totals.highValue : 0,
    leads: totals.leads,
  };
  METRICS.forEach((m, i) => (out[offset + i] = values[m]));
}

export function repVector(world: SimulationWorld, totals: RunTotals, out: Float64Array, offset: number): void {
  const R = world.reps.length;
  for (let r = 0; r < R; r++) {
    const capacity = world.reps[r]!.capacityPerWeek;
    out[offset + r * 4] = totals.repLeads[r]!;
    out[offset + r * 4 + 1] = totals.repValue[r]!;
    out[offset + r * 4 + 2] = totals.repWon[r]!;
    out[offset + r * 4 + 3] = capacity > 0 ? totals.repLeads[r]! / world.horizon.weeks / capacity : 0;
  }
}

/** A quantile of the first-touch hours from their histogram, interpolated within the bin. */
export function touchQuantile(histogram: Uint32Array, count: number, q: number): number {
  if (count === 0) return NaN;
  const target = q * count;
  let acc = 0;
  for (let b = 0; b < histogram.length; b++) {
    const next = acc + histogram[b]!;
    if (next >= target) return (b + (histogram[b]! > 0 ? (target - acc) / histogram[b]! : 0)) * TOUCH_BIN_HOURS;
    acc = next;
  }
  return histogram.length * TOUCH_BIN_HOURS;
}

export { gini, jain };
