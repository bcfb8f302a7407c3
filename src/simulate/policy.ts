import type { RuleConfig } from '../model/rules';
import { compileRules, type CompiledRules, type LeadValue } from '../route';
import type { SimulationWorld } from './world';

/**
 * A policy as the simulator runs it, in a form that can be posted to a worker:
 * - `rules`: a RuleConfig run through `src/route`, the same code the reference router ships;
 * - `as_is`: each lead goes to the rep who had it in history (DESIGN §3.3's "as is" replay);
 * - `salesforce`: the rules as Salesforce runs the exported AutoNumber-MOD rotation: the first
 *   matching rule, then the rep whose slot range holds (a global counter mod the slot count),
 *   with no skipping of absent or capped reps and one counter shared by all rules.
 */
export type SimPolicy =
  | { name: string; kind: 'rules'; config: RuleConfig }
  | { name: string; kind: 'as_is' }
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
  /** One mutable lead object per segment; the runner sets `value` before each routing. */
  leads: Array<Record<string, LeadValue>>;
}

export function preparePolicy(policy: SimPolicy, world: SimulationWorld): PreparedPolicy {
  const worldIndex = new Map(world.reps.map((r, i) => [r.id, i]));
  // A fixed lead_id spares the router naming each lead `#n` (a string per lead); the simulator never dedupes.
  const leads = world.segments.map((s): Record<string, LeadValue> => ({ ...s.fields, value: null, lead_id: 'simulated' }));
  if (policy.kind === 'as_is') return { name: policy.name, kind: 'as_is', compiled: null, toWorld: new Int32Array(0), slots: null, leads };
  const config = withWorldAvailability(policy.config, world);
  const compiled = compileRules(config);
  const toWorld = Int32Array.from(compiled.repIds, (id) => worldIndex.get(id) ?? -1);
  const slots = policy.kind === 'salesforce' ? policy.slots.map((rule) => Int32Array.from(rule, (id) => (id === null ? -1 : worldIndex.get(id) ?? -1))) : null;
  return { name: policy.name, kind: policy.kind, compiled, toWorld, slots, leads };
}

/** The what-if's absent reps are away in every policy's rules, whatever the file says. */
function withWorldAvailability(config: RuleConfig, world: SimulationWorld): RuleConfig {
  const absent = new Set(world.reps.filter((r) => r.absent).map((r) => r.id));
  if (absent.size === 0) return config;
  return { ...config, reps: config.reps.map((r) => (absent.has(r.id) ? { ...r, absent: true } : r)) };
}
