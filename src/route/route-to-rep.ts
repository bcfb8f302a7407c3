import type { CompiledArm, CompiledRules } from './compile';
import type { Lead } from './conditions';
import { takeRep } from './pick-rep';
import type { RouterState } from './state';

/**
 * `route` reduced to who gets the lead, for a caller that routes millions of leads and needs no
 * audit trail (the simulator). Routing a lead is `isRejected`, then `firstRule`, then
 * `routeToRep`; the rep, and the router state after it, are exactly `route`'s. Two things are
 * left to the caller: dedupe (a config with `prescreen.dedupeOn` must go through `route`), and
 * the count of leads routed (`state.routed`), which only names leads without an id.
 *
 * With an experiment the caller first takes the lead's arm (`leadArm`, from `state.routed` before
 * the lead for a slot split) and its pools (`armPools`), and passes those pools as `arm`; without
 * one, or for the candidate, the compiled rules themselves are the pools. A null `armPools` (a
 * `keepCurrent` control) means the lead is left to the current process, as `route` decides.
 */

/** `routeToRep`'s answer when nobody gets the lead: a manual-review queue took it, or nobody was available. */
export const NO_REP = -1;

/** Whether one of the prescreen's reject conditions matches the lead. */
export function isRejected(compiled: CompiledRules, lead: Lead): boolean {
  for (let i = 0; i < compiled.rejects.length; i++) if (compiled.rejects[i]!.test(lead)) return true;
  return false;
}

/** The index of the first rule whose `when` matches the lead; `compiled.rules.length` when none does (the fallback decides). */
export function firstRule(compiled: CompiledArm, lead: Lead): number {
  const { rules } = compiled;
  for (let i = 0; i < rules.length; i++) if (rules[i]!.matches(lead)) return i;
  return rules.length;
}

/**
 * Assigns a lead that `rule` matched (`rules.length`: none did) and books it in `state`:
 * 2 × the rep index, plus 1 when the fallback decided (no rule matched, or the matched rule had
 * nobody available); NO_REP when the lead was queued or nobody could take it.
 */
export function routeToRep(compiled: CompiledArm, rule: number, state: RouterState): number {
  if (rule < compiled.rules.length) {
    const pool = compiled.rules[rule]!;
    if (pool.method === 'manual_review') return NO_REP;
    const rep = takeRep(pool, state);
    if (rep >= 0) return 2 * rep;
  }
  const fallback = compiled.fallback;
  if (fallback.method === 'manual_review') return NO_REP;
  const rep = takeRep(fallback, state);
  return rep < 0 ? NO_REP : 2 * rep + 1;
}
