import type { Condition, LeafCondition } from '../model/rules';
import { ExportError } from './target';

/*
 * Conditions as HubSpot list filters, the syntax workflow branches and enrollment use
 * (https://developers.hubspot.com/docs/api-reference/crm-lists-v3/list-filters): a root OR branch
 * of AND branches of PROPERTY filters. Our conditions nest all/any freely and have no negation, so
 * they are brought to that shape by distributing AND over OR (disjunctive normal form).
 */
export interface HubSpotFilter {
  filterType: 'PROPERTY';
  property: string;
  operation: Record<string, unknown>;
}

export interface HubSpotFilterBranch {
  filterBranchType: 'OR' | 'AND';
  filterBranchOperator: 'OR' | 'AND';
  filters: HubSpotFilter[];
  filterBranches: HubSpotFilterBranch[];
}

/** Beyond this many AND groups a branch is unreadable in HubSpot's editor, and the rule should be split. */
export const MAX_FILTER_GROUPS = 50;

export function hubspotFilterBranch(condition: Condition | undefined, at: string): HubSpotFilterBranch {
  const groups = disjunctiveGroups(condition, at);
  return {
    filterBranchType: 'OR',
    filterBranchOperator: 'OR',
    filters: [],
    filterBranches: groups.map((group) => ({ filterBranchType: 'AND', filterBranchOperator: 'AND', filters: group, filterBranches: [] })),
  };
}

/** OR of AND groups. `[[]]` (one empty group) is "every record". */
function disjunctiveGroups(condition: Condition | undefined, at: string): HubSpotFilter[][] {
  if (condition === undefined) return [[]];
  let groups: HubSpotFilter[][];
  if ('all' in condition) {
    groups = [[]];
    condition.all.forEach((member, i) => {
      const options = disjunctiveGroups(member, `${at}.all[${i}]`);
      groups = groups.flatMap((g) => options.map((o) => [...g, ...o]));
      if (groups.length > MAX_FILTER_GROUPS) throw tooMany(at);
    });
  } else if ('any' in condition) {
    groups = condition.any.flatMap((member, i) => disjunctiveGroups(member, `${at}.any[${i}]`));
  } else {
    groups = leafGroups(condition, at);
  }
  if (groups.length > MAX_FILTER_GROUPS) throw tooMany(at);
  return groups;
}

function tooMany(at: string): ExportError {
  return new ExportError(`as HubSpot's OR-of-AND filters this condition needs more than ${MAX_FILTER_GROUPS} groups; split the rule into simpler ones`, at, 'hubspot_too_many_groups', { max: MAX_FILTER_GROUPS });
}

function leafGroups(c: LeafCondition, at: string): HubSpotFilter[][] {
  if (!/^[a-z][a-z0-9_]*$/.test(c.field)) throw new ExportError(`"${c.field}" is not a HubSpot property name (lower-case letters, digits and _); use the property's internal name`, `${at}.field`, 'hubspot_property_name', { field: c.field });
  const filter = (operation: Record<string, unknown>): HubSpotFilter => ({ filterType: 'PROPERTY', property: c.field, operation });
  const scalar = (operator: string, value: string | number, includeObjectsWithNoValueSet = false) =>
    filter({ operationType: typeof value === 'number' ? 'NUMBER' : 'STRING', operator, value, includeObjectsWithNoValueSet });
  const numeric = (value: string | number): number => {
    if (typeof value === 'number') return value;
    throw new ExportError(`HubSpot filters compare text only for (in)equality, so "${c.op}" on the text ${JSON.stringify(value)} cannot be said; use numbers or a list of values`, `${at}.value`, 'hubspot_text_ordering', { op: c.op, value: JSON.stringify(value) });
  };
  switch (c.op) {
    case 'eq':
      return [[scalar('IS_EQUAL_TO', c.value)]];
    case 'neq':
      return [[scalar('IS_NOT_EQUAL_TO', c.value, true)]];
    case 'in': {
      const texts = c.value.filter((v): v is string => typeof v === 'string');
      const numbers = c.value.filter((v): v is number => typeof v === 'number');
      const groups = numbers.map((n) => [scalar('IS_EQUAL_TO', n)]);
      if (texts.length > 0) groups.unshift([filter({ operationType: 'MULTISTRING', operator: 'IS_EQUAL_TO', values: texts, includeObjectsWithNoValueSet: false })]);
      return groups;
    }
    case 'nin': {
      const texts = c.value.filter((v): v is string => typeof v === 'string');
      const group = c.value.filter((v): v is number => typeof v === 'number').map((n) => scalar('IS_NOT_EQUAL_TO', n, true));
      if (texts.length > 0) group.unshift(filter({ operationType: 'MULTISTRING', operator: 'IS_NOT_EQUAL_TO', values: texts, includeObjectsWithNoValueSet: true }));
      return [group];
    }
    case 'lt':
      return [[scalar('IS_LESS_THAN', numeric(c.value))]];
    case 'lte':
      return [[scalar('IS_LESS_THAN_OR_EQUAL_TO', numeric(c.value))]];
    case 'gt':
      return [[scalar('IS_GREATER_THAN', numeric(c.value))]];
    case 'gte':
      return [[scalar('IS_GREATER_THAN_OR_EQUAL_TO', numeric(c.value))]];
    case 'between':
      return [[filter({ operationType: 'NUMBER', operator: 'IS_BETWEEN', lowerBound: numeric(c.value[0]), upperBound: numeric(c.value[1]), includeObjectsWithNoValueSet: false })]];
    case 'empty':
      return [[filter({ operationType: 'ALL_PROPERTY', operator: 'IS_UNKNOWN' })]];
    case 'contains':
      return [[scalar('CONTAINS', c.value)]];
  }
}
