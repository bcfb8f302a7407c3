import type { Condition, LeafCondition } from '../model/rules';
import { pythonScalar } from './python-literal';
import { ExportError } from './target';

/**
 * Conditions as Odoo domains: prefix-notation lists of `(field, operator, value)` terms joined by
 * '&', '|' and '!' (odoo/osv/expression.py). Kept as a term list so callers can combine them
 * (negate earlier rules, see odoo.ts) before writing the Python literal.
 * Null semantics match the router's: Odoo's `!=` and `not in` also match NULL (it adds
 * `OR field IS NULL`), and `<`, `>`, `=`, `in` never match NULL, as SQL comparisons do not.
 */
export type DomainTerm = '&' | '|' | '!' | readonly [string | number, string, unknown];
export type Domain = readonly DomainTerm[];

/** Odoo's own always-true leaf (expression.TRUE_LEAF). */
export const TRUE_DOMAIN: Domain = [[1, '=', 1]];

export function odooDomain(condition: Condition | undefined, at: string): Domain {
  if (condition === undefined) return TRUE_DOMAIN;
  if ('all' in condition) return condition.all.length === 0 ? TRUE_DOMAIN : combine('&', condition.all.map((c, i) => odooDomain(c, `${at}.all[${i}]`)));
  if ('any' in condition) return combine('|', condition.any.map((c, i) => odooDomain(c, `${at}.any[${i}]`)));
  return leaf(condition, at);
}

export function combine(operator: '&' | '|', parts: readonly Domain[]): Domain {
  return [...Array<DomainTerm>(Math.max(0, parts.length - 1)).fill(operator), ...parts.flat()];
}

export function negate(domain: Domain): Domain {
  return ['!', ...domain];
}

function leaf(c: LeafCondition, at: string): Domain {
  if (!/^[a-z_][a-z0-9_]*$/.test(c.field)) throw new ExportError(`"${c.field}" cannot be an Odoo field name (lower-case letters, digits and _ only); name the crm.lead field, e.g. x_region`, `${at}.field`, 'odoo_field_name', { field: c.field });
  const f = c.field;
  switch (c.op) {
    case 'eq':
      return [[f, '=', c.value]];
    case 'neq':
      return [[f, '!=', c.value]];
    case 'in':
      return [[f, 'in', c.value]];
    case 'nin':
      return [[f, 'not in', c.value]];
    case 'lt':
      return [[f, '<', c.value]];
    case 'lte':
      return [[f, '<=', c.value]];
    case 'gt':
      return [[f, '>', c.value]];
    case 'gte':
      return [[f, '>=', c.value]];
    case 'between':
      return ['&', [f, '>=', c.value[0]], [f, '<=', c.value[1]]];
    case 'empty':
      // Odoo stores an emptied text field as NULL, but an imported one may hold ''.
      return ['|', [f, '=', false], [f, '=', '']];
    case 'contains':
      // `like` wraps the value in % … %, and % and _ inside it would be wildcards, not text.
      if (/[%_\\]/.test(c.value)) throw new ExportError(`Odoo's "like" would read the %, _ or \\ in ${JSON.stringify(c.value)} as a wildcard, so "contains" cannot be said exactly`, `${at}.value`, 'odoo_like_wildcard', { value: JSON.stringify(c.value) });
      return [[f, 'like', c.value]];
  }
}

/** The domain as the Python literal Odoo evaluates: `['&', ('region', '=', 'East'), …]`. */
export function domainLiteral(domain: Domain): string {
  return `[${domain.map((term) => (typeof term === 'string' ? pythonScalar(term) : `(${term.map(pythonValue).join(', ')})`)).join(', ')}]`;
}

function pythonValue(value: unknown): string {
  if (value === false) return 'False';
  if (Array.isArray(value)) return `[${value.map(pythonValue).join(', ')}]`;
  return pythonScalar(value as string | number);
}
