import type { RuleConfig } from '../model/rules';
import { compileRules, conditionFields, isRejected, type CompiledRules, type LeadValue } from '../route';
import type { SimRep, SimulationWorld } from './world';

/**
 * A policy as the simulator runs it, in a form that can be posted to a worker:
 * - `rules`: a RuleConfig run through `src/route`, the same code the reference router ships;
 * - `as_is`: each lead goes to the rep who had it in history (DESIGN §3.3's "as is" replay);
 *   with `fallback`, a lead whose owner is not available now (inactive, away, out of the roster,
 *   no capacity) is routed by those rules instead, as every other policy skips that rep. The
 *   backtest and the calibration replay the history as it was, without one;
 * - `salesforce`: the rules as Salesforce runs the exported AutoNumber-MOD rotation: the first
 *   matching rule, then the rep whose slot range holds (a global counter mod the slot count),
 *   with no skipping of absent or capped reps and one counter shared by all rules.
 */
export type SimPolicy =
  | { name: string; kind: 'rules'; config: RuleConfig }
  | { name: string; kind: 'as_is'; fallback?: RuleConfig }
  | { name: string; kind: 'salesforce'; config: RuleConfig; slots: SalesforceSlots };

/** Per rule (in order, then the fallback): the rep id of each slot 0 … n−1; null: a queue owns the slot. */
export type SalesforceSlots = Array<Array<string | null>>;

/** A policy compiled for one world: integer ids, and the lead objects the router reads. */
export interface PreparedPolicy {
  name: string;
  kind: SimPolicy['kind'];
  compiled: CompiledRules | null;
  /** Config rep index → world rep index (-1: not in the world). */
  toWorld: Int32Array;
  /** Salesforce: per rule then fallback, per slot, the world rep index or -1. */
  slots: Int32Array[] | null;
  /** One mutable lead object per segment; the runner sets `value` before a routing that reads it. */
  leads: Array<Record<string, LeadValue>>;
  /**
   * Per segment, what the rules make of its leads, worked out once: the index of the first rule
   * they match (`compiled.rules.length`: none, the fallback decides), REJECTED by the prescreen,
   * or PER_LEAD where a condition reads the lead's own value. Salesforce has no prescreen.
   */
  segmentRule: Int32Array;
  /** The rules dedupe leads: every lead must go through `route`, which remembers them. */
  dedupes: boolean;
  /** As is with a fallback: 1 for each world rep whose historical leads are routed by it. */
  unavailable: Uint8Array | null;
}

export const REJECTED = -1;
export const PER_LEAD = -2;
/** The one field of a simulated lead that is not its segment's. */
const VALUE_FIELD = 'value';

export function preparePolicy(policy: SimPolicy, world: SimulationWorld): PreparedPolicy {
  const worldIndex = new Map(world.reps.map((r, i) => [r.id, i]));
  // A fixed lead_id spares the router naming each lead `#n` (a string per lead); the simulator never dedupes.
  const leads = world.segments.map((s): Record<string, LeadValue> => ({ ...s.fields, value: null, lead_id: 'simulated' }));
  const rules = policy.kind === 'as_is' ? policy.fallback && withoutUnavailable(policy.fallback, world) : policy.config;
  if (!rules) return { name: policy.name, kind: 'as_is', compiled: null, toWorld: new Int32Array(0), slots: null, leads, segmentRule: new Int32Array(0), dedupes: false, unavailable: null };
  const compiled = compileRules(withWorldAvailability(rules, world));
  const toWorld = Int32Array.from(compiled.repIds, (id) => worldIndex.get(id) ?? -1);
  const slots = policy.kind === 'salesforce' ? policy.slots.map((rule) => Int32Array.from(rule, (id) => (id === null ? -1 : worldIndex.get(id) ?? -1))) : null;
  const unavailable = policy.kind === 'as_is' ? Uint8Array.from(world.reps, (r) => (isAvailable(r) ? 0 : 1)) : null;
  const segmentRule = segmentRules(compiled, leads, policy.kind !== 'salesforce');
  return { name: policy.name, kind: policy.kind, compiled, toWorld, slots, leads, segmentRule, dedupes: compiled.dedupeOn.length > 0, unavailable };
}

/** Each segment's rule (see `PreparedPolicy.segmentRule`): a segment's leads differ only in their value. */
function segmentRules(compiled: CompiledRules, leads: Array<Record<string, LeadValue>>, prescreen: boolean): Int32Array {
  const readsValue = (when: Parameters<typeof conditionFields>[0]) => conditionFields(when).has(VALUE_FIELD);
  const rejectsByValue = prescreen && (compiled.config.prescreen?.reject ?? []).some(readsValue);
  const ruleByValue = compiled.config.rules.map((rule) => readsValue(rule.when));
  return Int32Array.from(leads, (lead) => {
    if (rejectsByValue) return PER_LEAD;
    if (prescreen && isRejected(compiled, lead)) return REJECTED;
    for (let i = 0; i < compiled.rules.length; i++) {
      if (ruleByValue[i]) return PER_LEAD;
      if (compiled.rules[i]!.matches(lead)) return i;
    }
    return compiled.rules.length;
  });
}

/** A rep who can take a lead today: on the roster, active, not away, with capacity. */
export function isAvailable(rep: SimRep): boolean {
  return rep.inRoster && rep.active && !rep.absent && rep.capacityPerWeek > 0;
}

/** As is's fallback never hands a lead back to a rep whose leads it re-routes. */
function withoutUnavailable(config: RuleConfig, world: SimulationWorld): RuleConfig {
  const gone = new Set(world.reps.filter((r) => !isAvailable(r)).map((r) => r.id));
  return { ...config, reps: config.reps.map((r) => (gone.has(r.id) && r.active ? { ...r, active: false } : r)) };
}

/** The what-if's absent reps are away in every policy's rules, whatever the file says. */
function withWorldAvailability(config: RuleConfig, world: SimulationWorld): RuleConfig {
  const absent = new Set(world.reps.filter((r) => r.absent).map((r) => r.id));
  if (absent.size === 0) return config;
  return { ...config, reps: config.reps.map((r) => (absent.has(r.id) ? { ...r, absent: true } : r)) };
}
