import type { Decision, Lead } from '../../src/route';
import { rep, rulesOf } from './rule-fixtures';

/*
 * Ids and names are data: a rep, a rule, a lead field or a value may be called `__proto__`,
 * `constructor`, `toString` or `hasOwnProperty`, the names every plain object already has.
 */
export const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

export const PROTOTYPE_RULES = rulesOf({
  reps: NAMES.map((id) => rep(id)),
  prescreen: { dedupeOn: ['__proto__', 'constructor'] },
  rules: [
    { id: '__proto__', when: { field: 'constructor', op: 'eq', value: 'toString' }, assign: { method: 'fixed', pool: [{ rep: '__proto__' }] } },
    // A lead without a toString column has an empty toString, not Object.prototype's function.
    { id: 'constructor', when: { field: 'toString', op: 'empty' }, assign: { method: 'fixed', pool: [{ rep: 'constructor' }] } },
    { id: 'toString', when: { field: 'hasOwnProperty', op: 'in', value: ['__proto__', 'valueOf'] }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'toString', weight: 0.5 }, { rep: 'hasOwnProperty', weight: 0.5 }] } },
    { id: 'hasOwnProperty', when: { field: '__proto__', op: 'contains', value: 'object' }, assign: { method: 'fixed', pool: [{ rep: 'constructor' }] } },
  ],
  fallback: { method: 'round_robin', pool: NAMES.map((id) => ({ rep: id })) },
});

/** Leads as a JSON body or a CSV row gives them: `__proto__` an own key like any other. */
export const PROTOTYPE_LEADS: Lead[] = JSON.parse(`[
  { "lead_id": "L1", "constructor": "toString", "toString": "x" },
  { "lead_id": "L2" },
  { "lead_id": "L3", "toString": "y", "hasOwnProperty": "__proto__" },
  { "lead_id": "L4", "toString": "y", "hasOwnProperty": "valueOf" },
  { "lead_id": "L5", "__proto__": "dup@x", "toString": "z" },
  { "lead_id": "L6", "__proto__": " DUP@x ", "toString": "z" },
  { "lead_id": "L7", "constructor": "constructor", "toString": "q" },
  { "lead_id": "L8", "constructor": "Constructor", "toString": "q" },
  { "lead_id": "L9", "__proto__": "__proto__", "toString": "q" },
  { "lead_id": "L10", "__proto__": "__PROTO__", "toString": "q" }
]`);

/** What each lead must get: `rule → rep`, or `duplicate of <lead> on <field>`. */
export const PROTOTYPE_EXPECTED = [
  '__proto__ → __proto__',
  'constructor → constructor',
  'toString → toString',
  'toString → hasOwnProperty',
  'fallback → __proto__',
  'duplicate of L5 on __proto__',
  'fallback → constructor',
  'duplicate of L7 on constructor',
  'fallback → toString',
  'duplicate of L9 on __proto__',
];

export function summary(d: Decision): string {
  if (d.kind === 'duplicate') return `duplicate of ${d.firstLeadId} on ${d.field}`;
  if (d.kind === 'assigned') return `${d.ruleId} → ${d.rep}`;
  return d.kind;
}
