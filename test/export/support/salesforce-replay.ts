import { DOMParser, type Element } from '@xmldom/xmldom';
import { salesforceField, salesforceSlot, SLOT_FIELD } from '../../../src/export/salesforce';
import type { Lead } from '../../../src/route';

/**
 * Salesforce's side of the replay: reads Lead.assignmentRules-meta.xml back (as a deploy would,
 * through a DOM, not through our own data structures) and runs its entries the way Salesforce
 * documents them: in order, first match wins; criteria ANDed unless a booleanFilter says
 * otherwise; a value list is comma-separated with CSV quoting; text compares ignore case; no value
 * means "is blank".
 */
export interface ReplayEntry {
  /** The Allot rule the entry's comment names (`east-pro: r01 …` → `east-pro`). */
  rule: string;
  assignedTo: string;
  assignedToType: string;
  booleanFilter: string | null;
  items: Array<{ field: string; operation: string; value: string | null }>;
}

const NS = 'http://soap.sforce.com/2006/04/metadata';

export function parseAssignmentRules(xml: string): { fullName: string; active: boolean; entries: ReplayEntry[] } {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(xml, 'text/xml');
  if (errors.length > 0) throw new Error(`not well-formed: ${errors.join('; ')}`);
  const rule = doc.getElementsByTagNameNS(NS, 'assignmentRule')[0]!;
  const entries: ReplayEntry[] = [];
  let lastComment = '';
  for (let node = rule.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === node.COMMENT_NODE) lastComment = node.nodeValue!.trim();
    if (node.nodeType !== node.ELEMENT_NODE || (node as Element).localName !== 'ruleEntry') continue;
    const entry = node as Element;
    entries.push({
      rule: lastComment.slice(0, lastComment.indexOf(':')),
      assignedTo: childText(entry, 'assignedTo')!,
      assignedToType: childText(entry, 'assignedToType')!,
      booleanFilter: childText(entry, 'booleanFilter'),
      items: children(entry, 'criteriaItems').map((item) => ({ field: childText(item, 'field')!, operation: childText(item, 'operation')!, value: childText(item, 'value') })),
    });
  }
  return { fullName: childText(rule, 'fullName')!, active: childText(rule, 'active') === 'true', entries };
}

function children(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) if (node.nodeType === node.ELEMENT_NODE && (node as Element).localName === name) out.push(node as Element);
  return out;
}

function childText(parent: Element, name: string): string | null {
  const [child] = children(parent, name);
  return child === undefined ? null : (child.textContent ?? '');
}

export type SalesforceRecord = Record<string, string | number | null>;

/** The lead as Salesforce holds it: each field under the API name the export compares it on, plus the slot. */
export function salesforceRecord(lead: Lead, sequence: number): SalesforceRecord {
  const record: SalesforceRecord = { [`Lead.${SLOT_FIELD}`]: salesforceSlot(sequence) };
  for (const [field, value] of Object.entries(lead)) record[`Lead.${salesforceField(field).apiName}`] = value ?? null;
  return record;
}

/** The first entry the record meets, or null (Salesforce would leave the lead with its default owner). */
export function firstMatch(entries: readonly ReplayEntry[], record: SalesforceRecord): ReplayEntry | null {
  return entries.find((entry) => entryMatches(entry, record)) ?? null;
}

function entryMatches(entry: ReplayEntry, record: SalesforceRecord): boolean {
  const results = entry.items.map((item) => itemMatches(item, record[item.field]));
  if (entry.booleanFilter === null) return results.every(Boolean);
  return evaluateFilter(entry.booleanFilter, results);
}

const isBlank = (v: string | number | null | undefined) => v === null || v === undefined || String(v).trim() === '';
const asNumber = (v: string | number) => (typeof v === 'number' ? v : /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN);

function itemMatches(item: ReplayEntry['items'][number], field: string | number | null | undefined): boolean {
  const values = item.value === null || item.value === '' ? null : splitValues(item.value);
  if (values === null) {
    if (item.operation === 'equals') return isBlank(field);
    if (item.operation === 'notEqual') return !isBlank(field);
    throw new Error(`${item.operation} needs a value`);
  }
  const same = (v: string) => !isBlank(field) && compare(field!, v) === 0;
  switch (item.operation) {
    case 'equals':
      return values.some(same);
    case 'notEqual':
      return !values.some(same);
    case 'contains':
      return !isBlank(field) && values.some((v) => String(field).toLowerCase().includes(v.toLowerCase()));
    case 'lessThan':
      return !isBlank(field) && compare(field!, values[0]!) < 0;
    case 'lessOrEqual':
      return !isBlank(field) && compare(field!, values[0]!) <= 0;
    case 'greaterThan':
      return !isBlank(field) && compare(field!, values[0]!) > 0;
    case 'greaterOrEqual':
      return !isBlank(field) && compare(field!, values[0]!) >= 0;
    default:
      throw new Error(`the replay does not know the operation ${item.operation}`);
  }
}

/** Numbers as numbers when both sides are numbers, else text without case. */
function compare(field: string | number, value: string): number {
  const a = asNumber(field);
  const b = asNumber(value);
  if (!Number.isNaN(a) && !Number.isNaN(b)) return Math.sign(a - b);
  const x = String(field).toLowerCase();
  const y = value.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `a,"b, c","say ""hi"""` → a | b, c | say "hi". */
export function splitValues(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let value = '';
      i += 1;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') (value += '"'), (i += 2);
        else if (text[i] === '"') break;
        else value += text[i++];
      }
      if (text[i] !== '"') throw new Error(`unclosed quote in ${text}`);
      out.push(value);
      i += 1;
      if (i < text.length && text[i] !== ',') throw new Error(`text after a closing quote in ${text}`);
    } else {
      const end = text.indexOf(',', i);
      out.push(text.slice(i, end < 0 ? text.length : end).trim());
      i = end < 0 ? text.length : end;
    }
    i += 1;
  }
  return out;
}

/** `1 AND (2 OR NOT 3)` over the items' results (numbered from 1). */
export function evaluateFilter(filter: string, results: readonly boolean[]): boolean {
  const tokens = filter.match(/\d+|AND|OR|NOT|\(|\)/gi) ?? [];
  if (tokens.join('').length !== filter.replace(/\s+/g, '').length) throw new Error(`cannot read booleanFilter ${filter}`);
  let at = 0;
  const peek = () => tokens[at]?.toUpperCase();
  const expression = (): boolean => {
    let value = term();
    while (peek() === 'OR') (at += 1), (value = term() || value);
    return value;
  };
  const term = (): boolean => {
    let value = factor();
    while (peek() === 'AND') (at += 1), (value = factor() && value);
    return value;
  };
  const factor = (): boolean => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`booleanFilter ${filter} ends early`);
    if (token.toUpperCase() === 'NOT') return !factor();
    if (token === '(') {
      const value = expression();
      if (tokens[at++] !== ')') throw new Error(`booleanFilter ${filter}: missing )`);
      return value;
    }
    const result = results[Number(token) - 1];
    if (result === undefined) throw new Error(`booleanFilter ${filter} names item ${token}, but there are ${results.length}`);
    return result;
  };
  const value = expression();
  if (at !== tokens.length) throw new Error(`booleanFilter ${filter}: unexpected ${tokens[at]}`);
  return value;
}
