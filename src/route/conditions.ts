import type { Condition, LeafCondition } from '../model/rules';

/** A lead as the router sees it: field → value, with the field names of the lead file. */
export type LeadValue = string | number | null;
export type Lead = Readonly<Record<string, LeadValue | undefined>>;
export type LeadTest = (lead: Lead) => boolean;
export type FieldReader = (lead: Lead) => LeadValue | undefined;

/**
 * How a field is read off a lead. Field names are data (a column may be called `constructor` or
 * `__proto__`): for a name that a plain object inherits, only the lead's own value counts, or a
 * lead without that column would read Object.prototype's member. Other names read directly, as
 * the hot path wants.
 */
export function fieldReader(field: string): FieldReader {
  if (!(field in Object.prototype)) return (lead) => lead[field];
  return (lead) => (Object.hasOwn(lead, field) ? lead[field] : undefined);
}

/*
 * Semantics every exporter must reproduce (so they are kept plain):
 * - a condition value that is a number compares the lead's value as a number ("12" = 12; blank or
 *   non-numeric text never compares); a text value compares the lead's value as text, exactly
 *   (case-sensitive, no trimming), and orders texts by code unit (so ISO dates order correctly);
 * - a missing or null value matches only `empty`, `neq` and `nin`;
 * - `between` includes both ends; `empty` is missing, null or blank text.
 */

const matchAll: LeadTest = () => true;

/** Turns a condition into a closure once, so the hot path runs no interpretation. Absent → every lead. */
export function compileCondition(condition: Condition | undefined): LeadTest {
  if (condition === undefined) return matchAll;
  if ('all' in condition) return allOf(condition.all.map(compileCondition));
  if ('any' in condition) return anyOf(condition.any.map(compileCondition));
  return compileLeaf(condition);
}

function allOf(tests: LeadTest[]): LeadTest {
  if (tests.length === 0) return matchAll;
  if (tests.length === 1) return tests[0]!;
  return (lead) => {
    for (const test of tests) if (!test(lead)) return false;
    return true;
  };
}

function anyOf(tests: LeadTest[]): LeadTest {
  if (tests.length === 1) return tests[0]!;
  return (lead) => {
    for (const test of tests) if (test(lead)) return true;
    return false;
  };
}

function compileLeaf(leaf: LeafCondition): LeadTest {
  const field = fieldReader(leaf.field);
  switch (leaf.op) {
    case 'eq':
      return equals(field, leaf.value);
    case 'neq': {
      const eq = equals(field, leaf.value);
      return (lead) => !eq(lead);
    }
    case 'in':
      return memberOf(field, leaf.value);
    case 'nin': {
      const member = memberOf(field, leaf.value);
      return (lead) => !member(lead);
    }
    case 'lt':
      return compare(field, leaf.value, (d) => d < 0);
    case 'lte':
      return compare(field, leaf.value, (d) => d <= 0);
    case 'gt':
      return compare(field, leaf.value, (d) => d > 0);
    case 'gte':
      return compare(field, leaf.value, (d) => d >= 0);
    case 'between': {
      const [low, high] = leaf.value;
      const aboveLow = compare(field, low, (d) => d >= 0);
      const belowHigh = compare(field, high, (d) => d <= 0);
      return (lead) => aboveLow(lead) && belowHigh(lead);
    }
    case 'empty':
      return (lead) => isEmpty(field(lead));
    case 'contains': {
      const part = leaf.value;
      return (lead) => asText(field(lead))?.includes(part) ?? false;
    }
  }
}

function equals(field: FieldReader, value: string | number): LeadTest {
  if (typeof value === 'number') return (lead) => asNumber(field(lead)) === value;
  return (lead) => asText(field(lead)) === value;
}

function memberOf(field: FieldReader, values: Array<string | number>): LeadTest {
  const texts = new Set(values.filter((v): v is string => typeof v === 'string'));
  const numbers = new Set(values.filter((v): v is number => typeof v === 'number'));
  if (numbers.size === 0) return (lead) => texts.has(asText(field(lead)) as string);
  return (lead) => texts.has(asText(field(lead)) as string) || numbers.has(asNumber(field(lead)));
}

/** `accept` receives the sign of (lead value − condition value); values that do not compare never match. */
function compare(field: FieldReader, value: string | number, accept: (sign: number) => boolean): LeadTest {
  if (typeof value === 'number') {
    return (lead) => {
      const n = asNumber(field(lead));
      return n === n && accept(n - value); // n === n: not NaN
    };
  }
  return (lead) => {
    const text = asText(field(lead));
    return text !== null && accept(text < value ? -1 : text > value ? 1 : 0);
  };
}

/** The lead fields a condition reads: a lead that differs only in other fields meets it or not alike. */
export function conditionFields(condition: Condition | undefined, into: Set<string> = new Set()): Set<string> {
  if (condition === undefined) return into;
  if ('all' in condition) condition.all.forEach((c) => conditionFields(c, into));
  else if ('any' in condition) condition.any.forEach((c) => conditionFields(c, into));
  else into.add(condition.field);
  return into;
}

export function isEmpty(value: LeadValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function asText(value: LeadValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

function asNumber(value: LeadValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return NaN;
  return Number(value);
}

/** `region = "East" AND (product in ["Pro", "Plus"])`: for audit trails and reports. */
export function describeCondition(condition: Condition | undefined): string {
  if (condition === undefined) return 'every lead';
  if ('all' in condition) return condition.all.length === 0 ? 'every lead' : group(condition.all, ' AND ');
  if ('any' in condition) return group(condition.any, ' OR ');
  const show = (v: unknown) => JSON.stringify(v);
  const symbol = { eq: '=', neq: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;
  switch (condition.op) {
    case 'empty':
      return `${condition.field} is empty`;
    case 'between':
      return `${condition.field} between ${show(condition.value[0])} and ${show(condition.value[1])}`;
    case 'in':
    case 'nin':
      return `${condition.field} ${condition.op === 'in' ? 'in' : 'not in'} [${condition.value.map(show).join(', ')}]`;
    case 'contains':
      return `${condition.field} contains ${show(condition.value)}`;
    default:
      return `${condition.field} ${symbol[condition.op]} ${show(condition.value)}`;
  }
}

function group(members: Condition[], joiner: string): string {
  const text = members.map(describeCondition).join(joiner);
  return members.length > 1 ? `(${text})` : text;
}
