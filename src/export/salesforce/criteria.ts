import type { Condition, LeafCondition } from '../../model/rules';
import { ExportError } from '../target';

/** The FilterOperation values of the metadata XSD that a RuleConfig condition needs. */
export type FilterOperation = 'equals' | 'notEqual' | 'lessThan' | 'greaterThan' | 'lessOrEqual' | 'greaterOrEqual' | 'contains';

/** One criteriaItem, still naming the lead field as the rules do (the API name is applied later). */
export interface FilterSpec {
  field: string;
  operation: FilterOperation;
  /** null: no value, which Salesforce reads as "is blank". */
  value: string | null;
}

/** A condition as a tree whose leaves are single criteria items. */
export type CriteriaTree =
  | { kind: 'true' }
  | { kind: 'item'; item: FilterSpec }
  | { kind: 'and' | 'or'; parts: CriteriaTree[] };

const TRUE: CriteriaTree = { kind: 'true' };

/**
 * A RuleConfig condition as Salesforce criteria: every op has a FilterOperation (`in`/`nin` are
 * `equals`/`notEqual` with comma-separated values, `between` two items, `empty` `equals` with no
 * value), and `any` groups become a booleanFilter. `path` is the condition's JSON path, named by
 * any error.
 */
export function criteriaTree(condition: Condition | undefined, path: string): CriteriaTree {
  if (condition === undefined) return TRUE;
  if ('all' in condition) return and(condition.all.map((c, i) => criteriaTree(c, `${path}.all[${i}]`)));
  if ('any' in condition) return or(condition.any.map((c, i) => criteriaTree(c, `${path}.any[${i}]`)));
  return leafTree(condition, path);
}

/** AND of the parts, nested ANDs flattened so the booleanFilter reads `1 AND 2 AND (3 OR 4)`. */
export function and(parts: CriteriaTree[]): CriteriaTree {
  const kept = parts.flatMap((p) => (p.kind === 'true' ? [] : p.kind === 'and' ? p.parts : [p]));
  return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0]! : { kind: 'and', parts: kept };
}

function or(parts: CriteriaTree[]): CriteriaTree {
  if (parts.some((p) => p.kind === 'true')) return TRUE;
  const flat = parts.flatMap((p) => (p.kind === 'or' ? p.parts : [p]));
  return flat.length === 1 ? flat[0]! : { kind: 'or', parts: flat };
}

const item = (field: string, operation: FilterOperation, value: string | null): CriteriaTree => ({ kind: 'item', item: { field, operation, value } });

function leafTree(leaf: LeafCondition, path: string): CriteriaTree {
  const { field } = leaf;
  const one = (value: string | number) => filterValue(value, `${path}.value`);
  const list = (values: Array<string | number>) => values.map((v, i) => filterValue(v, `${path}.value[${i}]`)).join(',');
  switch (leaf.op) {
    case 'eq':
      return item(field, 'equals', one(leaf.value));
    case 'neq':
      return item(field, 'notEqual', one(leaf.value));
    case 'in':
      return item(field, 'equals', list(leaf.value));
    case 'nin':
      return item(field, 'notEqual', list(leaf.value));
    case 'lt':
      return item(field, 'lessThan', one(leaf.value));
    case 'lte':
      return item(field, 'lessOrEqual', one(leaf.value));
    case 'gt':
      return item(field, 'greaterThan', one(leaf.value));
    case 'gte':
      return item(field, 'greaterOrEqual', one(leaf.value));
    case 'between':
      return and([item(field, 'greaterOrEqual', one(leaf.value[0])), item(field, 'lessOrEqual', one(leaf.value[1]))]);
    case 'empty':
      return item(field, 'equals', null);
    case 'contains':
      return item(field, 'contains', one(leaf.value));
  }
}

/**
 * A value as Salesforce filter criteria read it: a comma separates alternatives, so a value with
 * a comma (or one that starts with a quote, or has edge spaces Salesforce would trim) is quoted
 * CSV-style, its quotes doubled. An empty text means "is blank" to Salesforce, as it would to a
 * person reading the rule.
 */
export function filterValue(value: string | number, path: string): string {
  if (typeof value === 'number') {
    const text = String(value);
    if (/e/i.test(text)) throw new ExportError(`the number ${text} needs an exponent, which Salesforce criteria cannot read; write it out or rescale the field`, path, 'salesforce_number_exponent', { number: text });
    return text;
  }
  if (/[,"]|^\s|\s$/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** The items in the order they are numbered, and the booleanFilter (null when a plain AND of all items says it). */
export function flattenCriteria(tree: CriteriaTree): { items: FilterSpec[]; booleanFilter: string | null } {
  const items: FilterSpec[] = [];
  const render = (node: CriteriaTree, nested: boolean): string => {
    switch (node.kind) {
      case 'true':
        return '';
      case 'item':
        items.push(node.item);
        return String(items.length);
      default: {
        const text = node.parts.map((p) => render(p, true)).join(node.kind === 'and' ? ' AND ' : ' OR ');
        return nested ? `(${text})` : text;
      }
    }
  };
  const expression = render(tree, false);
  return { items, booleanFilter: hasOr(tree) ? expression : null };
}

function hasOr(tree: CriteriaTree): boolean {
  return tree.kind === 'or' || (tree.kind === 'and' && tree.parts.some(hasOr));
}

/** Every item of the tree, so the exporter can map and check each field once. */
export function treeItems(tree: CriteriaTree): FilterSpec[] {
  if (tree.kind === 'true') return [];
  if (tree.kind === 'item') return [tree.item];
  return tree.parts.flatMap(treeItems);
}
