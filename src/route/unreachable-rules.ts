import type { Condition, LeafCondition, RuleConfig } from '../model/rules';

/** A rule that no lead can ever reach, and why; a user should delete or fix it. */
export interface UnreachableRule {
  ruleId: string;
  /** `rules[3]`: where the rule is in the file. */
  path: string;
  reason: string;
}

/**
 * Finds rules that can never decide a lead, for the simple, common causes: a condition that
 * contradicts itself (within an `all`, one field equal to two different values, outside a list it
 * must be in, or in an empty number range), and a rule shadowed by an earlier one whose `when` is
 * empty or identical (first match wins, so the later rule never sees a lead). Not a solver: a rule
 * not reported may still be unreachable.
 */
export function findUnreachableRules(config: RuleConfig): UnreachableRule[] {
  const found: UnreachableRule[] = [];
  const earlier = new Map<string, number>();
  let catchAll: number | null = null;
  config.rules.forEach((rule, i) => {
    const at = { ruleId: rule.id, path: `rules[${i}]` };
    const key = canonicalKey(rule.when);
    if (catchAll !== null) found.push({ ...at, reason: `rules[${catchAll}] ("${config.rules[catchAll]!.id}") matches every lead and comes first` });
    else if (earlier.has(key)) found.push({ ...at, reason: `rules[${earlier.get(key)}] ("${config.rules[earlier.get(key)!]!.id}") has the same condition and comes first` });
    else if (neverMatches(rule.when)) found.push({ ...at, reason: `its condition contradicts itself (${contradiction(rule.when)})` });
    if (!earlier.has(key)) earlier.set(key, i);
    if (catchAll === null && matchesEverything(rule.when)) catchAll = i;
  });
  return found;
}

function matchesEverything(condition: Condition | undefined): boolean {
  return condition === undefined || ('all' in condition && condition.all.every(matchesEverything));
}

function neverMatches(condition: Condition | undefined): boolean {
  return contradiction(condition) !== null;
}

/** Why the condition can never hold, or null when no simple contradiction was found. */
function contradiction(condition: Condition | undefined): string | null {
  if (condition === undefined) return null;
  if ('any' in condition) {
    const reasons = condition.any.map(contradiction);
    return reasons.every((r) => r !== null) ? reasons.join('; ') : null;
  }
  if (!('all' in condition)) return contradiction({ all: [condition] });
  for (const member of condition.all) {
    const reason = 'field' in member ? null : contradiction(member);
    if (reason !== null) return reason;
  }
  return conflictingLeaves(flattenAll(condition.all));
}

/** The leaves that must all hold: the `all` members, nested `all`s and one-member `any`s included. */
function flattenAll(members: Condition[]): LeafCondition[] {
  return members.flatMap((m) => ('field' in m ? [m] : 'all' in m ? flattenAll(m.all) : m.any.length === 1 ? flattenAll(m.any) : []));
}

function conflictingLeaves(leaves: LeafCondition[]): string | null {
  const byField = new Map<string, LeafCondition[]>();
  for (const leaf of leaves) byField.set(leaf.field, [...(byField.get(leaf.field) ?? []), leaf]);
  for (const [field, group] of byField) {
    const reason = conflictOnField(field, group);
    if (reason !== null) return reason;
  }
  return null;
}

function conflictOnField(field: string, leaves: LeafCondition[]): string | null {
  let allowed = null as Set<string> | null; // the values the field must take, when an eq / in says so
  const excluded = new Set<string>();
  let low = -Infinity;
  let high = Infinity;
  let mustBeEmpty = false;
  let mustHaveValue = false;
  // 5 and "5" can both match the lead value "5": lists are only compared when their types agree.
  const listTypes = new Set<string>();
  const key = (v: string | number) => JSON.stringify(v);
  for (const leaf of leaves) {
    switch (leaf.op) {
      case 'eq':
      case 'in': {
        const list = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
        list.forEach((v) => listTypes.add(typeof v));
        const values = new Set(list.map(key));
        allowed = allowed === null ? values : new Set([...allowed].filter((v) => values.has(v)));
        mustHaveValue = true;
        break;
      }
      case 'neq':
        excluded.add(key(leaf.value));
        break;
      case 'nin':
        leaf.value.forEach((v) => excluded.add(key(v)));
        break;
      case 'empty':
        mustBeEmpty = true;
        break;
      case 'contains':
        mustHaveValue = true;
        break;
      default: {
        const bounds = numericBounds(leaf);
        if (bounds) [low, high] = [Math.max(low, bounds[0]), Math.min(high, bounds[1])];
        if (bounds) mustHaveValue = true;
      }
    }
  }
  if (mustBeEmpty && mustHaveValue) return `${field} cannot be empty and have a value`;
  if (low > high) return `no number is in the range ${field} requires`;
  if (allowed === null || listTypes.size > 1) return null;
  const left = [...allowed].filter((v) => !excluded.has(v));
  const inRange = left.filter((v) => {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed !== 'number' || (parsed >= low && parsed <= high);
  });
  return inRange.length === 0 ? `${field} cannot take any value that every condition on it allows` : null;
}

/** [low, high] for the numeric comparisons; strict ones are closed at the nearest double (close enough here). */
function numericBounds(leaf: LeafCondition): [number, number] | null {
  if (leaf.op === 'between') {
    const [a, b] = leaf.value;
    return typeof a === 'number' && typeof b === 'number' ? [a, b] : null;
  }
  if (!('value' in leaf) || typeof leaf.value !== 'number') return null;
  const v = leaf.value;
  switch (leaf.op) {
    case 'lt':
      return [-Infinity, v - Number.EPSILON * Math.max(1, Math.abs(v))];
    case 'lte':
      return [-Infinity, v];
    case 'gt':
      return [v + Number.EPSILON * Math.max(1, Math.abs(v)), Infinity];
    case 'gte':
      return [v, Infinity];
    default:
      return null;
  }
}

/** The same condition gives the same key, whatever the order of keys, group members or list values. */
function canonicalKey(condition: Condition | undefined): string {
  if (condition === undefined || ('all' in condition && condition.all.length === 0)) return 'every';
  if ('all' in condition) return `all(${condition.all.map(canonicalKey).sort().join(',')})`;
  if ('any' in condition) return `any(${condition.any.map(canonicalKey).sort().join(',')})`;
  const value = 'value' in condition ? condition.value : null;
  const normalised = Array.isArray(value) && (condition.op === 'in' || condition.op === 'nin') ? [...value].map((v) => JSON.stringify(v)).sort() : value;
  return JSON.stringify([condition.field, condition.op, normalised]);
}
