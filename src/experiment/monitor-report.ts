import type { Estimates } from '../model/estimates';
import type { RolloutRows } from '../model/rollout';
import type { Comparison } from '../simulate/compare';
import type { Arm } from './readout';
import { monitor, wonWithinShare, type MonitorLead, type MonitorReport } from './monitor';

export type MonitoredLeads = Pick<RolloutRows, 'segment' | 'created' | 'outcome' | 'daysToClose' | 'owner' | 'touchHours' | 'asOfMs'>;

/**
 * The monitor of `policy` over the leads it routed (`arms`: each lead's arm when the rollout split
 * them, then only the candidate's are its), against Compare's forecast for it: the SLA breach
 * rate, and each rep's leads per week (the simulated horizon's total over its weeks).
 */
export function monitorOfPolicy(
  leads: MonitoredLeads,
  options: {
    policy: string;
    arms: Array<Arm | null> | null;
    comparison: Comparison;
    estimates: Estimates;
    history: { cycleHours: ArrayLike<number>; outcome: ArrayLike<number> };
    windowDays: number;
    slaHours: number;
    volumeMultiplier: number;
  },
): MonitorReport {
  const { policy, arms, comparison, estimates, history, windowDays } = options;
  const rows: MonitorLead[] = [];
  for (let i = 0; i < leads.segment.length; i++) {
    if (arms && arms[i] !== 'candidate') continue;
    const outcome = leads.outcome[i]! as 1 | 0 | -1;
    rows.push({ createdMs: leads.created[i]!, segment: leads.segment[i]!, owner: leads.owner[i] ?? null, outcome, daysToWin: outcome === 1 ? leads.daysToClose[i]! : NaN, touchHours: leads.touchHours[i]! });
  }
  const summary = comparison.policies.find((p) => p.name === policy);
  const weeks = comparison.world.horizon.weeks;
  const repLoad = Object.fromEntries((summary?.reps ?? []).map((r) => [r.id, { mean: r.leads.mean / weeks, lo: r.leads.lo / weeks, hi: r.leads.hi / weeks }]));
  return monitor(rows, {
    asOfMs: leads.asOfMs,
    windowDays,
    inWindowShare: wonWithinShare(history.cycleHours, history.outcome, windowDays),
    estimates,
    volumeMultiplier: options.volumeMultiplier,
    slaHours: options.slaHours,
    slaBreach: summary?.metrics.slaBreachRate ?? null,
    repLoad,
  });
}
