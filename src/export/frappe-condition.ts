import type { Condition, LeafCondition } from '../model/rules';
import { isPythonIdentifier, pythonScalar, pythonString } from './python-literal';
import { ExportError } from './target';

/**
 * A condition as a Frappe `assign_condition`: a Python expression Frappe evaluates with the
 * document's fields as names (`region == "East" and product in ("Pro",)`). Written so that it
 * means what the router means (src/route/conditions.ts): a missing value (None) matches only
 * `empty`, `neq` and `nin`, and never reaches an ordering comparison, which would raise in Python.
 */
export function frappeCondition(condition: Condition | undefined, at: string): string {
  if (condition === undefined) return 'True';
  if ('all' in condition) return condition.all.length === 0 ? 'True' : join(condition.all, ' and ', `${at}.all`);
  if ('any' in condition) return join(condition.any, ' or ', `${at}.any`);
  return leaf(condition, at);
}

function join(members: Condition[], joiner: string, at: string): string {
  const parts = members.map((m, i) => frappeCondition(m, `${at}[${i}]`));
  return parts.length === 1 ? parts[0]! : `(${parts.join(joiner)})`;
}

function leaf(c: LeafCondition, at: string): string {
  if (!isPythonIdentifier(c.field)) throw new ExportError(`the field "${c.field}" is not a Python name, so a Frappe condition cannot refer to it; use the field's fieldname (e.g. custom_region)`, `${at}.field`, 'frappe_field_name', { field: c.field });
  const f = c.field;
  const known = `${f} not in (None, "")`;
  switch (c.op) {
    case 'eq':
      return `${f} == ${pythonScalar(c.value)}`;
    case 'neq':
      return `${f} != ${pythonScalar(c.value)}`;
    case 'in':
      return `${f} in (${c.value.map(pythonScalar).join(', ')},)`;
    case 'nin':
      return `${f} not in (${c.value.map(pythonScalar).join(', ')},)`;
    case 'lt':
      return `(${known} and ${f} < ${pythonScalar(c.value)})`;
    case 'lte':
      return `(${known} and ${f} <= ${pythonScalar(c.value)})`;
    case 'gt':
      return `(${known} and ${f} > ${pythonScalar(c.value)})`;
    case 'gte':
      return `(${known} and ${f} >= ${pythonScalar(c.value)})`;
    case 'between':
      return `(${known} and ${pythonScalar(c.value[0])} <= ${f} <= ${pythonScalar(c.value[1])})`;
    case 'empty':
      return `(${f} is None or str(${f}).strip() == "")`;
    case 'contains':
      return `(${f} is not None and ${pythonString(c.value)} in str(${f}))`;
  }
}
