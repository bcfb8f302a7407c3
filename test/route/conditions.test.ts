import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/model/rules';
import { compileCondition, describeCondition, type Lead } from '../../src/route/conditions';

const matches = (condition: Condition | undefined, lead: Lead) => compileCondition(condition)(lead);

describe('each operator, as every exporter must reproduce it', () => {
  const cases: Array<[string, Condition, Lead[], Lead[]]> = [
    ['eq text is exact', { field: 'region', op: 'eq', value: 'East' }, [{ region: 'East' }], [{ region: 'east' }, { region: 'East ' }, { region: null }, {}]],
    ['eq number compares numbers', { field: 'size', op: 'eq', value: 12 }, [{ size: 12 }, { size: '12' }, { size: '12.0' }], [{ size: '' }, { size: 'twelve' }, { size: null }]],
    ['eq text matches a number by its text', { field: 'code', op: 'eq', value: '7' }, [{ code: 7 }, { code: '7' }], [{ code: '07' }]],
    ['neq also matches a missing value', { field: 'region', op: 'neq', value: 'East' }, [{ region: 'West' }, { region: null }, {}], [{ region: 'East' }]],
    ['in', { field: 'product', op: 'in', value: ['GTX Pro', 'GTX Plus Pro'] }, [{ product: 'GTX Pro' }, { product: 'GTX Plus Pro' }], [{ product: 'GTX' }, { product: null }]],
    ['in with numbers', { field: 'tier', op: 'in', value: [1, 2] }, [{ tier: 1 }, { tier: '2' }], [{ tier: 3 }, { tier: null }]],
    ['nin', { field: 'source', op: 'nin', value: ['Spam', 'Test'] }, [{ source: 'Web' }, { source: null }], [{ source: 'Spam' }]],
    ['lt', { field: 'value', op: 'lt', value: 100 }, [{ value: 99.5 }, { value: '-3' }], [{ value: 100 }, { value: null }, { value: '' }, { value: 'n/a' }]],
    ['lte', { field: 'value', op: 'lte', value: 100 }, [{ value: 100 }], [{ value: 100.01 }]],
    ['gt', { field: 'value', op: 'gt', value: 100 }, [{ value: 101 }, { value: '1e3' }], [{ value: 100 }]],
    ['gte', { field: 'value', op: 'gte', value: 100 }, [{ value: 100 }], [{ value: 99 }]],
    ['gte on dates as text', { field: 'created_at', op: 'gte', value: '2025-03-01' }, [{ created_at: '2025-03-01 08:00:00' }, { created_at: '2025-12-31' }], [{ created_at: '2025-02-28 23:59:59' }, { created_at: null }]],
    ['between includes both ends', { field: 'value', op: 'between', value: [10, 20] }, [{ value: 10 }, { value: 15 }, { value: 20 }], [{ value: 9.99 }, { value: 20.01 }, { value: null }]],
    ['between texts', { field: 'name', op: 'between', value: ['b', 'd'] }, [{ name: 'b' }, { name: 'cat' }, { name: 'd' }], [{ name: 'a' }, { name: 'da' }]],
    ['empty', { field: 'email', op: 'empty' }, [{ email: null }, {}, { email: '' }, { email: '  ' }], [{ email: 'a@b.c' }, { email: 0 }]],
    ['contains is case-sensitive', { field: '所属区域', op: 'contains', value: '华东' }, [{ 所属区域: '华东一区' }], [{ 所属区域: '华南' }, { 所属区域: null }]],
    ['contains on a number', { field: 'phone', op: 'contains', value: '138' }, [{ phone: 13812345678 }], [{ phone: 15912345678 }]],
  ];
  it.each(cases)('%s', (_, condition, yes, no) => {
    for (const lead of yes) expect(matches(condition, lead), JSON.stringify(lead)).toBe(true);
    for (const lead of no) expect(matches(condition, lead), JSON.stringify(lead)).toBe(false);
  });
});

describe('groups', () => {
  const east: Condition = { field: 'region', op: 'eq', value: 'East' };
  const pro: Condition = { field: 'product', op: 'eq', value: 'Pro' };
  it('all needs every member; any needs one', () => {
    expect(matches({ all: [east, pro] }, { region: 'East', product: 'Pro' })).toBe(true);
    expect(matches({ all: [east, pro] }, { region: 'East', product: 'Starter' })).toBe(false);
    expect(matches({ any: [east, pro] }, { region: 'West', product: 'Pro' })).toBe(true);
    expect(matches({ any: [east, pro] }, { region: 'West', product: 'Starter' })).toBe(false);
  });
  it('groups nest', () => {
    const condition: Condition = { any: [{ all: [east, pro] }, { all: [{ field: 'value', op: 'gte', value: 1e5 }] }] };
    expect(matches(condition, { region: 'West', value: 2e5 })).toBe(true);
    expect(matches(condition, { region: 'East', product: 'Pro', value: 1 })).toBe(true);
    expect(matches(condition, { region: 'East', product: 'Starter', value: 1 })).toBe(false);
  });
  it('no condition and an empty all match every lead', () => {
    expect(matches(undefined, {})).toBe(true);
    expect(matches({ all: [] }, {})).toBe(true);
  });
});

describe('conditions read back as text for the audit trail', () => {
  it('nested groups with their operators', () => {
    const condition: Condition = { any: [{ all: [{ field: 'region', op: 'eq', value: 'East' }, { field: 'product', op: 'in', value: ['Pro', 'Plus'] }] }, { field: 'email', op: 'empty' }] };
    expect(describeCondition(condition)).toBe('((region = "East" AND product in ["Pro", "Plus"]) OR email is empty)');
    expect(describeCondition({ field: 'value', op: 'between', value: [1, 5] })).toBe('value between 1 and 5');
  });
});
