import { describe, expect, it } from 'vitest';
import { frappeCondition } from '../../src/export/frappe-condition';
import { domainLiteral, odooDomain } from '../../src/export/odoo-domain';
import type { Condition } from '../../src/model/rules';
import { compileCondition, type Lead } from '../../src/route';
import { compileDomain } from './replay/odoo-domain-eval';
import { compilePython } from './replay/python-subset';

const CONDITIONS: Condition[] = [
  { field: 'region', op: 'eq', value: 'East' },
  { field: 'region', op: 'neq', value: 'East' },
  { field: 'region', op: 'in', value: ['East', 'North'] },
  { field: 'region', op: 'nin', value: ['East', 'North'] },
  { field: 'value', op: 'lt', value: 5000 },
  { field: 'value', op: 'lte', value: 5000 },
  { field: 'value', op: 'gt', value: 5000 },
  { field: 'value', op: 'gte', value: 5000 },
  { field: 'value', op: 'between', value: [1000, 9000] },
  { field: 'created', op: 'between', value: ['2025-01-01', '2025-06-30'] },
  { field: 'email', op: 'empty' },
  { field: 'company', op: 'contains', value: '有限' },
  { any: [{ all: [{ field: 'region', op: 'eq', value: 'East' }, { field: 'value', op: 'gte', value: 9000 }] }, { field: 'company', op: 'contains', value: 'Ltd' }] },
  { all: [] },
];

const LEADS: Lead[] = [
  { region: 'East', value: 5000, created: '2025-03-01', email: 'a@x.cn', company: '华东有限公司' },
  { region: 'North', value: 12000, created: '2024-12-31', email: '', company: 'Acme Ltd' },
  { region: 'South', value: 999, created: '2025-06-30', email: null, company: null },
  { region: null, value: null, created: null, email: 'b@y.com', company: 'ltd' },
  { region: 'east', value: 9000, created: '2025-07-01', company: 'Foo "Ltd" & <Co>' },
  {},
];

describe('conditions mean in Frappe and Odoo what they mean to the router', () => {
  it.each(CONDITIONS.map((c) => [JSON.stringify(c), c] as const))('%s', (_, condition) => {
    const router = compileCondition(condition);
    const python = compilePython(frappeCondition(condition, 'when'));
    const domain = compileDomain(domainLiteral(odooDomain(condition, 'when')));
    for (const lead of LEADS) {
      const want = router(lead);
      expect(python({ ...lead }), `Frappe on ${JSON.stringify(lead)}`).toBe(want);
      // Odoo stores an empty text field as NULL, as a CRM form does.
      const record = Object.fromEntries(Object.entries(lead).map(([k, v]) => [k, v === '' ? null : v]));
      expect(domain(record), `Odoo on ${JSON.stringify(lead)}`).toBe(want);
    }
  });
});
