import type { Assign, RuleConfig } from '../../model/rules';
import { exportablePool } from '../pool';
import { wholeShares } from '../whole-shares';

/**
 * Salesforce as it really runs (DESIGN §3.3 baseline, §4): every lead gets the next number of one
 * global AutoNumber field, a formula field turns it into a slot `MOD(number, slots)`, and each
 * pool is split into contiguous slot ranges sized by the weights. This file knows nothing of XML
 * so the simulator can import it cheaply; the exported rule entries are built from this table.
 */
export const SALESFORCE_SLOTS = 100;

/** Slots `from` (inclusive) to `to` (exclusive) go to `rep`. */
export interface SlotRange {
  rep: string;
  from: number;
  to: number;
}

export interface RuleSlots {
  /** The rule id, or `fallback`. */
  id: string;
  /** manual_review: the queue every lead of this rule goes to (ranges is then empty). */
  queue: string | null;
  /** Contiguous ranges in pool order covering [0, slots); empty when nobody in the pool can take leads. */
  ranges: SlotRange[];
  /** True when the rule's own pool had nobody available, so its leads are split like the fallback's (as the router does). */
  viaFallback: boolean;
  /** Pool reps whose weight rounded to no slot at all. */
  zeroSlotReps: string[];
  /** Slot → rep id, for the hot path; null for a queue or an empty pool. */
  repBySlot: ReadonlyArray<string | null>;
}

export interface SlotTable {
  slots: number;
  /** In rule order; the fallback is not in here. */
  rules: RuleSlots[];
  fallback: RuleSlots;
}

/**
 * The slot ranges of every rule and of the fallback. Inactive and absent reps are left out (a
 * Salesforce rule entry cannot skip a user), zero weights too; round_robin and least_loaded pools
 * are split evenly; the slots are shared by largest remainder, so they always sum to `slots`.
 */
export function salesforceSlotTable(config: RuleConfig, slots = SALESFORCE_SLOTS): SlotTable {
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`slots must be a positive whole number (got ${slots})`);
  const fallback = ruleSlots(config, config.fallback, 'fallback', slots, null);
  const rules = config.rules.map((rule) => ruleSlots(config, rule.assign, rule.id, slots, fallback));
  return { slots, rules, fallback };
}

function ruleSlots(config: RuleConfig, assign: Assign, id: string, slots: number, fallback: RuleSlots | null): RuleSlots {
  if (assign.method === 'manual_review') return { id, queue: assign.queue!, ranges: [], viaFallback: false, zeroSlotReps: [], repBySlot: new Array(slots).fill(null) };
  // The limitations exportablePool records are reported by the exporter, not by this table.
  const members = exportablePool(config, assign, id, []);
  if (members.length === 0 && fallback !== null) return { ...fallback, id, viaFallback: true, zeroSlotReps: [] };
  const counts = wholeShares(members.map((m) => m.weight), slots);
  const ranges: SlotRange[] = [];
  const zeroSlotReps: string[] = [];
  let from = 0;
  members.forEach((member, i) => {
    const count = counts[i]!;
    if (count === 0) zeroSlotReps.push(member.rep.id);
    else ranges.push({ rep: member.rep.id, from, to: from + count });
    from += count;
  });
  const repBySlot = new Array<string | null>(slots).fill(null);
  for (const range of ranges) repBySlot.fill(range.rep, range.from, range.to);
  return { id, queue: null, ranges, viaFallback: false, zeroSlotReps, repBySlot };
}

/** The slot Salesforce's formula field gives the lead numbered `sequence` by the AutoNumber field. */
export function salesforceSlot(sequence: number, slots = SALESFORCE_SLOTS): number {
  return ((sequence % slots) + slots) % slots;
}

/**
 * Who Salesforce assigns a lead in `slot` that matched rule `ruleIndex`; `ruleIndex` =
 * `table.rules.length` is the fallback (the numbering of the router's compiled pools). Null when
 * the rule puts leads in a queue (its `queue`) or has nobody to give them to (Salesforce then
 * leaves the lead with its default owner).
 */
export function replaySalesforce(table: SlotTable, ruleIndex: number, slot: number): string | null {
  const rule = ruleIndex === table.rules.length ? table.fallback : table.rules[ruleIndex];
  if (rule === undefined) throw new RangeError(`rule index ${ruleIndex} is outside 0…${table.rules.length} (${table.rules.length} = fallback)`);
  if (!Number.isInteger(slot) || slot < 0 || slot >= table.slots) throw new RangeError(`slot ${slot} is outside 0…${table.slots - 1}`);
  return rule.repBySlot[slot]!;
}
