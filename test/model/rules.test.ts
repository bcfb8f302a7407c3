import { describe, expect, it } from 'vitest';
import { jsonPath as formatJsonPath } from '../../src/model/errors';
import { parseRuleConfig, type RuleConfig } from '../../src/model/rules';

/** The example of DESIGN §2.4, as a CRM admin would receive it. */
function designExample(): Record<string, any> {
  return {
    schema: 'allot.rules/v1',
    name: 'Optimized — fairness 0.8',
    segmentFields: ['region', 'product'],
    reps: [
      { id: 'r07', name: '王芳', crmUser: 'wang.fang@example.com', capacityPerWeek: 40, active: true },
      { id: 'r02', name: '李伟', crmUser: 'li.wei@example.com', capacityPerWeek: 30, active: true, maxOpen: 60 },
      { id: 'r01', name: 'Ann', crmUser: 'ann@example.com', capacityPerWeek: 20, active: true, absent: true },
    ],
    prescreen: { dedupeOn: ['email'], reject: [{ field: 'email', op: 'empty' }] },
    rules: [
      {
        id: 'east-gtx-pro',
        when: { all: [{ field: 'region', op: 'eq', value: 'East' }, { field: 'product', op: 'in', value: ['GTX Pro', 'GTX Plus Pro'] }] },
        assign: { method: 'weighted_round_robin', pool: [{ rep: 'r07', weight: 0.6 }, { rep: 'r02', weight: 0.4 }] },
        sla: { firstTouchHours: 48, reclaimAfterHours: 168 },
        info: { expectedLeadsPerWeek: 31.5, expectedConversionsPerWeek: 4.2, expectedValuePerWeek: 120000 },
      },
      { id: 'vip', when: { field: 'value', op: 'gte', value: 100000 }, assign: { method: 'manual_review', queue: 'VIP desk' } },
    ],
    fallback: { method: 'round_robin', pool: [{ rep: 'r01' }, { rep: 'r02' }] },
  };
}

function errorsOf(edit: (config: Record<string, any>) => void) {
  const config = designExample();
  edit(config);
  const parsed = parseRuleConfig(config);
  if (parsed.ok) throw new Error('expected the config to be refused');
  return parsed.errors;
}

describe('a rule file that follows allot.rules/v1', () => {
  it('the example of the design is accepted as it is', () => {
    const parsed = parseRuleConfig(designExample());
    expect(parsed.ok).toBe(true);
    const config = (parsed as { config: RuleConfig }).config;
    expect(config.rules[1]!.assign).toEqual({ method: 'manual_review', pool: [], queue: 'VIP desk' });
    expect(config.rules[0]!.info?.expectedLeadsPerWeek).toBe(31.5);
  });

  it('every operator and nested groups are accepted', () => {
    const parsed = parseRuleConfig({
      ...designExample(),
      rules: [{
        id: 'all-ops',
        when: { any: [
          { all: [{ field: 'a', op: 'neq', value: 1 }, { field: 'b', op: 'nin', value: ['x'] }, { field: 'c', op: 'lt', value: 3 }, { field: 'c', op: 'lte', value: 3 }] },
          { all: [{ field: 'c', op: 'gt', value: 1 }, { field: 'c', op: 'gte', value: '2025-01-01' }, { field: 'c', op: 'between', value: [1, 9] }] },
          { field: '所属区域', op: 'contains', value: '华东' },
        ] },
        assign: { method: 'least_loaded', pool: [{ rep: 'r07' }] },
      }],
    });
    expect(parsed).toMatchObject({ ok: true });
  });

  it('weights that sum to 1 within rounding are accepted', () => {
    const parsed = parseRuleConfig({
      ...designExample(),
      rules: [{ id: 'thirds', assign: { method: 'weighted_round_robin', pool: [{ rep: 'r07', weight: 0.3333333 }, { rep: 'r02', weight: 0.3333333 }, { rep: 'r01', weight: 0.3333334 }] } }],
    });
    expect(parsed.ok).toBe(true);
  });
});

describe('a broken rule file is refused with the JSON path of each mistake', () => {
  const cases: Array<[string, (c: Record<string, any>) => void, string, RegExp]> = [
    ['a weight above 1', (c) => (c.rules[0].assign.pool[0].weight = 1.4), 'rules[0].assign.pool[0].weight', /must be in \[0, 1\]/],
    ['a negative weight', (c) => (c.rules[0].assign.pool[1].weight = -0.4), 'rules[0].assign.pool[1].weight', /must be in \[0, 1\]/],
    ['weights that do not sum to 1', (c) => (c.rules[0].assign.pool[1].weight = 0.3), 'rules[0].assign.pool', /sum to 1 \(they sum to 0\.9\)/],
    ['a weighted pool with a weight missing', (c) => delete c.rules[0].assign.pool[1].weight, 'rules[0].assign.pool[1].weight', /needs a weight for every rep/],
    ['an unknown rep in a pool', (c) => (c.rules[0].assign.pool[1].rep = 'r99'), 'rules[0].assign.pool[1].rep', /unknown rep "r99"/],
    ['an unknown rep in the fallback', (c) => (c.fallback.pool[0].rep = 'r42'), 'fallback.pool[0].rep', /unknown rep "r42"/],
    ['a rep twice in a pool', (c) => (c.fallback.pool[1].rep = 'r01'), 'fallback.pool[1].rep', /already in this pool/],
    ['duplicate rule ids', (c) => (c.rules[1].id = 'east-gtx-pro'), 'rules[1].id', /duplicate rule id "east-gtx-pro" \(first at rules\[0\]\)/],
    ['duplicate rep ids', (c) => (c.reps[2].id = 'r07'), 'reps[2].id', /duplicate rep id "r07"/],
    ['a rule called fallback', (c) => (c.rules[1].id = 'fallback'), 'rules[1].id', /reserved/],
    ['an unknown operator', (c) => (c.rules[0].when.all[1].op = 'like'), 'rules[0].when.all[1].op', /unknown operator "like" \(use one of eq, neq/],
    ['a condition without an operator', (c) => delete c.rules[0].when.all[0].op, 'rules[0].when.all[0].op', /missing/],
    ['a between with one value', (c) => (c.rules[0].when.all[0] = { field: 'value', op: 'between', value: [10] }), 'rules[0].when.all[0].value', /between needs two values/],
    ['a between with low above high', (c) => (c.rules[0].when.all[0] = { field: 'value', op: 'between', value: [10, 1] }), 'rules[0].when.all[0].value', /low ≤ high/],
    ['a between of a number and a text', (c) => (c.rules[0].when.all[0] = { field: 'value', op: 'between', value: [1, 'z'] }), 'rules[0].when.all[0].value', /two numbers or two texts/],
    ['an in without values', (c) => (c.rules[0].when.all[1].value = []), 'rules[0].when.all[1].value', /at least one value/],
    ['a value that is an object', (c) => (c.rules[0].when.all[0].value = { east: true }), 'rules[0].when.all[0].value', /expected string or number, got an object/],
    ['an empty any group', (c) => (c.rules[0].when = { any: [] }), 'rules[0].when.any', /at least one condition/],
    ['a group that is not a list', (c) => (c.rules[0].when = { all: 'region' }), 'rules[0].when.all', /expected array/],
    ['a deep mistake inside groups', (c) => (c.rules[0].when = { any: [{ all: [{ field: 'x', op: 'eq' }] }] }), 'rules[0].when.any[0].all[0].value', /missing/],
    ['an unknown method', (c) => (c.rules[0].assign.method = 'random'), 'rules[0].assign.method', /"random" is not one of/],
    ['manual review without a queue', (c) => delete c.rules[1].assign.queue, 'rules[1].assign.queue', /manual_review needs a queue name/],
    ['a queue on a round robin', (c) => (c.fallback.queue = 'ops'), 'fallback.queue', /only used by manual_review/],
    ['a fixed pool of two reps', (c) => (c.fallback.method = 'fixed'), 'fallback.pool', /exactly one rep \(found 2\)/],
    ['an empty pool', (c) => (c.fallback.pool = []), 'fallback.pool', /at least one rep/],
    ['a misspelt key', (c) => (c.rules[0].asign = c.rules[0].assign), 'rules[0].asign', /unknown key "asign"/],
    ['a negative capacity', (c) => (c.reps[0].capacityPerWeek = -5), 'reps[0].capacityPerWeek', /expected number to be >=0/],
    ['active as text', (c) => (c.reps[1].active = 'yes'), 'reps[1].active', /expected boolean, got "yes"/],
    ['another schema version, naming both ids it reads', (c) => (c.schema = 'allot.rules/v3'), 'schema', /"allot.rules\/v3".*"allot.rules\/v2".*"allot.rules\/v1"/],
    ['no fallback', (c) => delete c.fallback, 'fallback', /missing/],
  ];

  it.each(cases)('%s', (_, edit, path, message) => {
    const errors = errorsOf(edit);
    const error = errors.find((e) => e.path === path);
    expect(error, `errors were ${JSON.stringify(errors)}`).toBeDefined();
    expect(error!.message).toMatch(message);
  });

  it('every mistake is reported, not only the first', () => {
    const errors = errorsOf((c) => {
      c.rules[0].assign.pool[1].rep = 'r99';
      c.rules[1].id = 'east-gtx-pro';
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['rules[0].assign.pool[1].rep', 'rules[1].id']);
  });

  it('something that is not a rule file at all', () => {
    const parsed = parseRuleConfig([1, 2]);
    expect(parsed).toEqual({ ok: false, errors: [{ path: '(root)', message: 'expected object, got a list' }] });
  });
});

describe('JSON paths read the way the file is written', () => {
  it('indexes in brackets, keys after dots', () => {
    expect(formatJsonPath(['rules', 2, 'assign', 'pool', 1, 'rep'])).toBe('rules[2].assign.pool[1].rep');
    expect(formatJsonPath([])).toBe('(root)');
  });
});
