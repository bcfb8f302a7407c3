import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleConfig, RULES_SCHEMA_ID } from '../../src/model/rules';
import { conditionFields, createRouterState, route, type Lead } from '../../src/route';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every rule file the repository keeps that still says allot.rules/v1 (snapshots of exports are outputs, not inputs). */
function v1Fixtures(): string[] {
  const found: string[] = [];
  for (const dir of ['test', 'data', 'notebooks']) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || !entry.name.endsWith('.json') || full.includes('__snapshots__')) continue;
      if (readFileSync(full, 'utf8').includes('"allot.rules/v1"')) found.push(path.relative(ROOT, full));
    }
  }
  return found;
}

/** Leads that take every value the rules' conditions name, in a fixed pseudo-random mix. */
function leadsFor(json: { rules: Array<{ when?: unknown }> }): Lead[] {
  const values = new Map<string, Array<string | number>>();
  const collect = (c: unknown): void => {
    if (c === null || typeof c !== 'object') return;
    const o = c as Record<string, unknown>;
    if (Array.isArray(o.all)) o.all.forEach(collect);
    else if (Array.isArray(o.any)) o.any.forEach(collect);
    else if (typeof o.field === 'string') values.set(o.field, [...(values.get(o.field) ?? []), ...([] as Array<string | number>).concat((o.value ?? []) as never), '']);
  };
  json.rules.forEach((r) => collect(r.when));
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  return Array.from({ length: 600 }, (_, i) => {
    const lead: Record<string, string | number> = { lead_id: `L${i}` };
    for (const [field, options] of values) lead[field] = options[next() % options.length]!;
    return lead;
  });
}

/**
 * SHA-256 of the decisions the v1 router (the reference-router bundle committed before
 * allot.rules/v2) gave each fixture's leads below: the v2 router must give the very same.
 */
const V1_ROUTER_DECISIONS: Record<string, string> = {
  'test/export/fixtures/sample.rules.json': '0d3a556e3a07d1b5283cb2f020580e0ca8e1a3aae1e24a15f0e20a2cf88f3aa6',
};

describe('allot.rules/v1 files, read by a v2 reader', () => {
  const fixtures = v1Fixtures();

  it('the repository still keeps v1 rule files to check', () => {
    expect(fixtures).toContain('test/export/fixtures/sample.rules.json');
  });

  it.each(fixtures)('%s parses, comes back as v2, and routes every lead as the same file labelled v2 and as the v1 router did', (file) => {
    const json = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
    const asV1 = parseRuleConfig(json);
    const asV2 = parseRuleConfig({ ...json, schema: RULES_SCHEMA_ID });
    if (!asV1.ok || !asV2.ok) throw new Error(`${file} no longer parses`);
    expect(asV1.config.schema).toBe('allot.rules/v2');
    expect(asV1.config.experiment).toBeUndefined();
    expect(asV1.config).toEqual(asV2.config);
    const fields = new Set<string>();
    asV1.config.rules.forEach((r) => conditionFields(r.when, fields));
    expect(fields.size, 'the fixture has conditions to route on').toBeGreaterThan(0);
    const leads = leadsFor(json);
    const [s1, s2] = [createRouterState(asV1.config), createRouterState(asV2.config)];
    const decisions = leads.map((lead) => route(asV1.config, lead, s1).decision);
    expect(decisions).toEqual(leads.map((lead) => route(asV2.config, lead, s2).decision));
    // v1 decisions carry no arm: nothing about routing a v1 file changed shape.
    expect(decisions.some((d) => 'arm' in d)).toBe(false);
    const pinned = V1_ROUTER_DECISIONS[file];
    if (pinned !== undefined) expect(createHash('sha256').update(JSON.stringify(decisions)).digest('hex'), 'the v1 router\'s decisions').toBe(pinned);
  });
});

const base = {
  schema: 'allot.rules/v2', name: 'Optimized',
  reps: [{ id: 'a', name: 'A', capacityPerWeek: 10, active: true }, { id: 'b', name: 'B', capacityPerWeek: 10, active: true }],
  rules: [], fallback: { method: 'round_robin', pool: [{ rep: 'a' }, { rep: 'b' }] },
};
const control = { name: 'Round robin', rules: [{ id: 'x', assign: { method: 'fixed', pool: [{ rep: 'a' }] } }], fallback: { method: 'round_robin', pool: [{ rep: 'a' }] } };
const errorsOf = (experiment: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const parsed = parseRuleConfig({ ...base, ...extra, experiment });
  if (parsed.ok) throw new Error('expected the config to be refused');
  return parsed.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('an experiment block', () => {
  it('a valid one reads back as it was written', () => {
    const experiment = { name: 'Optimized vs round robin', unit: 'lead', candidateShare: 0.5, salt: 'allot-1', control };
    const parsed = parseRuleConfig({ ...base, experiment });
    expect(parsed.ok && parsed.config.experiment).toEqual(experiment);
  });

  it.each([
    ['a control rule pool naming an unknown rep', { unit: 'slot', candidateShare: 0.5, control: { ...control, rules: [control.rules[0], control.rules[0], { id: 'z', assign: { method: 'fixed', pool: [{ rep: 'ghost' }] } }] } },
      /experiment\.control\.rules\[2\]\.assign\.pool\[0\]\.rep: unknown rep "ghost"/],
    ['a control rule id used twice', { unit: 'slot', candidateShare: 0.5, control: { ...control, rules: [control.rules[0], control.rules[0]] } }, /experiment\.control\.rules\[1\]\.id: duplicate rule id "x"/],
    ['a lead split without a salt', { unit: 'lead', candidateShare: 0.5, control }, /experiment\.salt: unit "lead" needs salt/],
    ['a week split starting on a Tuesday', { unit: 'week', candidateShare: 0.5, weekStart: '2026-12-08', control }, /experiment\.weekStart: "2026-12-08" is not a Monday/],
    ['a week split without weekStart', { unit: 'week', candidateShare: 0.5, control }, /experiment\.weekStart: unit "week" needs weekStart/],
    ['a slot split in fractions of a slot', { unit: 'slot', candidateShare: 0.505, control }, /experiment\.candidateShare: .*whole percent/],
    ['a share of 1', { unit: 'slot', candidateShare: 1, control }, /experiment\.candidateShare: candidateShare must be between 0 and 1/],
    ['a salt on a slot split', { unit: 'slot', candidateShare: 0.5, salt: 's', control }, /experiment\.salt: salt is not used by unit "slot" \(only by unit lead\)/],
    ['an unknown unit', { unit: 'day', candidateShare: 0.5, control }, /experiment\.unit: "day" is not one of "lead", "slot", "week"/],
    ['a misspelt key', { unit: 'slot', candidateShare: 0.5, control, cnadidateShare: 1 }, /experiment\.cnadidateShare: unknown key/],
    ['a control that neither routes nor keeps the current process', { unit: 'slot', candidateShare: 0.5, control: { name: 'c' } }, /experiment\.control/],
  ])('%s is refused with its JSON path', (_, experiment, message) => {
    expect(errorsOf(experiment as Record<string, unknown>).join('\n')).toMatch(message);
  });

  it('an experiment in a file that says allot.rules/v1 is refused: the split needs a v2 reader', () => {
    expect(errorsOf({ unit: 'slot', candidateShare: 0.5, control }, { schema: 'allot.rules/v1' })).toContain('schema: an experiment needs "allot.rules/v2" (this file says "allot.rules/v1")');
  });
});
