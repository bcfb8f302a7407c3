import type { RuleConfig } from '../model/rules';
import { ARM_CANDIDATE, armPools, leadArm } from './arm';
import { compileRules, type CompiledArm, type CompiledPool, type CompiledRules } from './compile';
import type { Lead, LeadValue } from './conditions';
import { FALLBACK_ID, UNASSIGNED_QUEUE, type Arm, type Decision, type RoutedDecision } from './decision';
import { mergeSkipped, pickRep, skippedReps } from './pick-rep';
import type { RouterState } from './state';

export interface Routing {
  decision: Decision;
  state: RouterState;
}

/**
 * Routes one lead: prescreen (reject, then dedupe), then the first rule whose `when` matches,
 * else the fallback; a rule whose pool has nobody available hands the lead to the fallback, and a
 * fallback with nobody available puts it in the `unassigned` queue. Every lead gets exactly one
 * decision, and a rep only ever gets a lead from a pool they are in.
 *
 * Deterministic: the decision depends only on the rules, the lead and the state. The state is
 * updated in place and returned (see `RouterState`). The lead's id is its `lead_id` field, or
 * `#n` when it has none: n is `position`, the lead's place in its stream (a file's row, which
 * counts rows that were never routed), by default the leads routed so far, this one included.
 *
 * With an experiment, the prescreen applies to every lead; then the lead's arm is decided (see
 * `leadArm`) and that arm's rules and fallback route it, over the same reps, caps and loads. A
 * `keepCurrent` control's leads are `left_to_current`.
 */
export function route(rules: RuleConfig | CompiledRules, lead: Lead, state: RouterState, position?: number): Routing {
  const compiled = compileRules(rules);
  if (state.rules !== compiled) throw new Error('this router state was created for other rules; create one with createRouterState(rules)');
  state.routed += 1;
  const leadId = leadIdOf(lead, position ?? state.routed);
  const decision = prescreen(compiled, lead, leadId, state) ?? decide(compiled, lead, leadId, state);
  return { decision, state };
}

function decide(compiled: CompiledRules, lead: Lead, leadId: string, state: RouterState): Decision {
  if (compiled.split === null) return assign(compiled, compiled, lead, leadId, state);
  const arm = leadArm(compiled.split, lead, leadId, state.routed - 1);
  const pools = armPools(compiled, arm);
  if (pools === null) return { kind: 'left_to_current', leadId, arm: 'control' };
  const decision = assign(compiled, pools, lead, leadId, state);
  const name: Arm = arm === ARM_CANDIDATE ? 'candidate' : 'control';
  return decision.kind === 'assigned' || decision.kind === 'queued' || decision.kind === 'unassigned' ? { ...decision, arm: name } : decision;
}

function leadIdOf(lead: Lead, position: number): string {
  const id = lead['lead_id'];
  return id === null || id === undefined || id === '' ? `#${position}` : String(id);
}

function prescreen(compiled: CompiledRules, lead: Lead, leadId: string, state: RouterState): Decision | null {
  for (let i = 0; i < compiled.rejects.length; i++) {
    const reject = compiled.rejects[i]!;
    if (reject.test(lead)) return { kind: 'rejected', leadId, rejectIndex: i, reason: reject.text };
  }
  const fields = compiled.dedupeOn;
  if (fields.length === 0) return null;
  const keys: Array<string | null> = [];
  for (let f = 0; f < fields.length; f++) {
    const key = dedupeKey(compiled.dedupeReaders[f]!(lead));
    const first = key === null ? undefined : state.seen[f]!.get(key);
    if (first !== undefined) return { kind: 'duplicate', leadId, firstLeadId: first, field: fields[f]!, value: key! };
    keys.push(key);
  }
  // Only leads that pass are remembered: a duplicate points at the original, not at another copy.
  keys.forEach((key, f) => key !== null && state.seen[f]!.set(key, leadId));
  return null;
}

/** Emails and phones differ in case and stray spaces between exports of the same contact. */
function dedupeKey(value: LeadValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  const key = String(value).trim().toLowerCase();
  return key === '' ? null : key;
}

function assign(compiled: CompiledRules, arm: CompiledArm, lead: Lead, leadId: string, state: RouterState): Decision {
  let matched: CompiledPool | null = null;
  for (const rule of arm.rules) {
    if (rule.matches(lead)) {
      matched = rule;
      break;
    }
  }
  if (matched !== null) {
    const decision = decideWithin(matched, compiled, leadId, state, null, null);
    if (decision !== null) return decision;
  }
  const { fallback } = arm;
  const because = matched === null ? 'no_match' : 'pool_exhausted';
  const skippedBefore = matched === null ? [] : skippedReps(matched, state);
  const decision = decideWithin(fallback, compiled, leadId, state, because, matched);
  if (decision !== null) return matched === null ? decision : { ...decision, skipped: mergeSkipped(skippedBefore, decision.skipped) };
  return {
    kind: 'unassigned', queue: UNASSIGNED_QUEUE, leadId, ruleId: FALLBACK_ID, method: fallback.method,
    fallbackBecause: because, matchedRuleId: matched?.id ?? null, skipped: mergeSkipped(skippedBefore, skippedReps(fallback, state)),
  };
}

/** The pool's decision, or null when nobody in it can take the lead. */
function decideWithin(
  pool: CompiledPool, compiled: CompiledRules, leadId: string, state: RouterState,
  fallbackBecause: RoutedDecision['fallbackBecause'], matched: CompiledPool | null,
): Extract<Decision, { kind: 'assigned' | 'queued' }> | null {
  const ruleId = pool.id;
  const method = pool.method;
  const matchedRuleId = matched === null ? null : matched.id;
  // Literals, not spreads of a shared base: this runs once per lead and spreads cost more than routing.
  if (method === 'manual_review') return { kind: 'queued', queue: pool.queue!, leadId, ruleId, method, fallbackBecause, matchedRuleId, skipped: [] };
  const rep = pickRep(pool, state);
  if (rep < 0) return null;
  const skipped = skippedReps(pool, state);
  return { kind: 'assigned', rep: compiled.repIds[rep]!, repIndex: rep, crmUser: compiled.crmUsers[rep]!, leadId, ruleId, method, fallbackBecause, matchedRuleId, skipped };
}
