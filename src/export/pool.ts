import type { Assign, RuleConfig, RuleRep } from '../model/rules';
import type { Limitation } from './target';

export interface PoolMember {
  rep: RuleRep;
  /** The pool weight (weighted_round_robin), else an equal share; the members' weights sum to 1. */
  weight: number;
}

/**
 * The reps of a pool a CRM rule can name: the router skips inactive and absent reps, and a CRM
 * rule has no such switch, so they are left out of the exported rule (and said so). Zero weights
 * are left out too: a CRM would still rotate to them.
 */
export function exportablePool(config: RuleConfig, assign: Assign, at: string, limitations: Limitation[]): PoolMember[] {
  const reps = new Map(config.reps.map((rep) => [rep.id, rep]));
  const members: Array<{ rep: RuleRep; weight: number }> = [];
  for (const entry of assign.pool) {
    const rep = reps.get(entry.rep)!;
    if (!rep.active || rep.absent) {
      limitations.push({
        at,
        code: rep.active ? 'rep_absent' : 'rep_inactive',
        params: { rep: rep.id, name: rep.name },
        what: `rep ${rep.id} (${rep.name}) is ${rep.active ? 'absent' : 'inactive'}`,
        approximation: 'left out of this rule; add them back in the CRM when they return',
      });
      continue;
    }
    const weight = assign.method === 'weighted_round_robin' ? (entry.weight ?? 0) : 1;
    if (weight > 0) members.push({ rep, weight });
  }
  const total = members.reduce((s, m) => s + m.weight, 0);
  return members.map((m) => ({ rep: m.rep, weight: m.weight / total }));
}

/** True when a weighted pool's weights are all the same, so a plain rotation gives the same shares. */
export function weightsAreEqual(members: readonly PoolMember[]): boolean {
  return members.every((m) => Math.abs(m.weight - members[0]!.weight) < 1e-9);
}

/** What every CRM rule lacks that the router has: the caps it checks on every lead. */
/** `weeklySaid`: the target has its own (different) capacity and says so itself. */
export function capLimitations(config: RuleConfig, target: string, weeklySaid = false): Limitation[] {
  const capped = config.reps.filter((rep) => rep.active && !rep.absent);
  const out: Limitation[] = [];
  if (capped.length > 0 && !weeklySaid)
    out.push({ at: null, code: 'no_weekly_cap', params: { count: capped.length, target }, what: `weekly caps (capacityPerWeek) of ${capped.length} reps`, approximation: `${target} has no per-rep weekly cap: a rep keeps getting leads past it; watch the load report or lower their weight` });
  const maxOpen = config.reps.filter((rep) => rep.maxOpen !== undefined);
  if (maxOpen.length > 0) {
    const reps = maxOpen.map((r) => r.id).join(', ');
    out.push({ at: null, code: 'no_open_limit', params: { reps, target }, what: `open-lead limits (maxOpen) of ${reps}`, approximation: `${target} does not check open leads before assigning` });
  }
  out.push({ at: null, code: 'later_absences', params: {}, what: 'absences decided after the export', approximation: 'reps away now are left out of the rules; later absences must be set in the CRM by hand' });
  return out;
}

/** `rules[3] (east-pro)`: how limitations and errors name a rule. */
export function ruleAt(config: RuleConfig, index: number): string {
  return index < 0 ? 'fallback' : config.rules[index]!.id;
}

export function rulePath(config: RuleConfig, index: number): string {
  return index < 0 ? 'fallback' : `rules[${index}] (${config.rules[index]!.id})`;
}
