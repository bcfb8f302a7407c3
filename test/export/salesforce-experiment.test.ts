import { beforeAll, describe, expect, it } from 'vitest';
import { ARM_SLOT_FIELD, ASSIGNMENT_RULES_PATH, exportSalesforce, salesforceArmSlot, salesforceSlotTable, SLOT_FIELD, WEEK_ARM_FIELD } from '../../src/export/salesforce';
import { ExportError, type ExportResult } from '../../src/export/target';
import type { RuleConfig } from '../../src/model/rules';
import { compileCondition, createRouterState, route, type Lead } from '../../src/route';
import { describeWithSharedData } from '../support/shared-data';
import { sampleExperiment } from './replay/experiment-fixture';
import { configShares, expectSharesWithin, generatedLeads, REPLAY_LEADS, tally, type Shares } from './replay/shares';
import { evaluateFormula, evaluateFormulaValue, formulaOf } from './support/salesforce-formula';
import { firstMatch, parseAssignmentRules, salesforceRecord, type ReplayEntry } from './support/salesforce-replay';
import { SALESFORCE_XSD_NEEDS, xmllint } from './support/xmllint';

const FIELDS = 'force-app/main/default/objects/Lead/fields';
const file = (result: ExportResult, path: string) => result.files.find((f) => f.path === path)!.content;

/** The sample against a round robin, 40 slots of 100 to the candidate. */
const K = 40;
let config: RuleConfig;
let result: ExportResult;
let leads: Lead[];
beforeAll(() => {
  config = sampleExperiment({ unit: 'slot', candidateShare: K / 100 });
  result = exportSalesforce(config, {});
  leads = generatedLeads();
});

/** Runs leads through the exported entries, the slot fields computed by the exported formulas from the AutoNumber. */
function replay(result: ExportResult, stream: readonly Lead[], first: number): Array<{ arm: string; rule: string; user: string } | null> {
  const { entries } = parseAssignmentRules(file(result, ASSIGNMENT_RULES_PATH));
  const slot = formulaOf(file(result, `${FIELDS}/${SLOT_FIELD}.field-meta.xml`));
  const armSlot = formulaOf(file(result, `${FIELDS}/${ARM_SLOT_FIELD}.field-meta.xml`));
  return stream.map((lead, i) => {
    const seq = { Allot_Seq__c: String(first + i) };
    const record = { ...salesforceRecord(lead, first + i), [`Lead.${SLOT_FIELD}`]: evaluateFormula(slot, seq), [`Lead.${ARM_SLOT_FIELD}`]: evaluateFormula(armSlot, seq) };
    const entry: ReplayEntry | null = firstMatch(entries, record);
    if (entry === null) return null;
    const [arm, rule] = entry.rule.split('/') as [string, string];
    return { arm, rule, user: entry.assignedTo };
  });
}

const armView = (arm: string): RuleConfig => {
  const control = config.experiment!.control;
  return arm === 'candidate' || !('rules' in control) ? config : { ...config, rules: control.rules, fallback: control.fallback };
};

describe('an experiment in Salesforce (unit slot): replaying the exported entries and formulas', () => {
  it('gives the candidate exactly 40 of every 100 consecutive leads, whatever the AutoNumber starts at', () => {
    for (const first of [0, 12_345, 999_999]) {
      const decided = replay(result, leads, first);
      expect(decided.every((d) => d !== null)).toBe(true);
      expect(decided.filter((d) => d!.arm === 'candidate').length).toBe((REPLAY_LEADS * K) / 100);
    }
  });

  it('inside each arm, every (rule, rep) gets its share of that arm\'s leads within 1 point, and each pool its weights within 4 standard errors', () => {
    const decided = replay(result, leads, 12_345);
    const worst: Record<string, number> = {};
    for (const arm of ['candidate', 'control']) {
      const view = armView(arm);
      const armLeads = leads.filter((_, i) => decided[i]!.arm === arm);
      const shares: Shares = new Map();
      decided.filter((d) => d!.arm === arm).forEach((d) => tally(shares, d!.rule, d!.user));
      worst[arm] = expectSharesWithin(shares, configShares(view, armLeads), armLeads.length);
      // Within each pool: the reps' shares of the pool's leads against the slot ranges (the weights in whole slots).
      const users = new Map(view.reps.map((r) => [r.id, r.crmUser]));
      const table = salesforceSlotTable(view);
      for (const slots of [...table.rules, table.fallback]) {
        const inPool = decided.filter((d) => d!.arm === arm && d!.rule === slots.id);
        if (inPool.length < 200) continue;
        for (const range of slots.ranges) {
          const share = (range.to - range.from) / 100;
          const got = inPool.filter((d) => d!.user === users.get(range.rep)).length / inPool.length;
          expect(Math.abs(got - share), `${arm} ${slots.id} ${range.rep}: ${got} of ${inPool.length}`).toBeLessThanOrEqual(4 * Math.sqrt((share * (1 - share)) / inPool.length) + 1e-9);
        }
      }
    }
    expect(worst.candidate).toBeLessThan(0.01);
    expect(worst.control).toBeLessThan(0.01);
  });

  it('with 10 slots of 100 to the candidate, its pools still split on all 100 arm slots: every rep of every candidate pool gets leads (rotation on Allot_Slot__c would give the reps above slot 9 none)', () => {
    const small = sampleExperiment({ unit: 'slot', candidateShare: 0.1 });
    const decided = replay(exportSalesforce(small, {}), leads, 0);
    const users = new Map(small.reps.map((r) => [r.id, r.crmUser]));
    const table = salesforceSlotTable(small);
    let checked = 0;
    for (const slots of [...table.rules, table.fallback]) {
      const inPool = decided.filter((d) => d!.arm === 'candidate' && d!.rule === slots.id);
      if (slots.ranges.length < 2 || inPool.length < 100) continue;
      checked++;
      for (const range of slots.ranges.filter((r) => r.to - r.from >= 10)) expect(inPool.some((d) => d!.user === users.get(range.rep)), `${slots.id} ${range.rep} slots ${range.from}-${range.to - 1}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the formulas and salesforceArmSlot (the mirror the simulator may run) agree on every sequence number', () => {
    const armSlot = formulaOf(file(result, `${FIELDS}/${ARM_SLOT_FIELD}.field-meta.xml`));
    const slot = formulaOf(file(result, `${FIELDS}/${SLOT_FIELD}.field-meta.xml`));
    for (let seq = 0; seq < 5_000; seq += 7) {
      const fields = { Allot_Seq__c: String(seq) };
      const mirror = salesforceArmSlot(seq, K);
      expect([evaluateFormula(slot, fields) < K ? 'candidate' : 'control', evaluateFormula(armSlot, fields)]).toEqual([mirror.arm, mirror.slot]);
    }
  });

  it('the reference router and the Salesforce entries put every lead in the same arm (both count leads from 0)', () => {
    const decided = replay(result, leads.slice(0, 2_000), 0);
    const state = createRouterState(config);
    leads.slice(0, 2_000).forEach((lead, i) => expect((route(config, lead, state).decision as { arm: string }).arm, `lead ${i}`).toBe(decided[i]!.arm));
  });

  it('keepCurrent: the entries take exactly the candidate\'s slots; control leads match no entry, for the current rule\'s entries appended after', () => {
    const keep = sampleExperiment({ unit: 'slot', candidateShare: 0.25 }, 'keepCurrent');
    const exported = exportSalesforce(keep, {});
    const decided = replay(exported, leads.slice(0, 1_000), 0);
    decided.forEach((d, i) => expect(d === null ? 'control' : d.arm, `lead ${i}`).toBe(i % 100 < 25 ? 'candidate' : 'control'));
    expect(exported.limitations.map((l) => l.code)).toEqual(expect.arrayContaining(['salesforce_experiment_slots', 'salesforce_keep_current']));
    expect(file(exported, ASSIGNMENT_RULES_PATH)).toContain('append your current rule');
  });

  it('every rule of each arm is matched as the router matches it', () => {
    const decided = replay(result, leads, 0);
    for (const arm of ['candidate', 'control']) {
      const view = armView(arm);
      const tests = view.rules.map((r) => compileCondition(r.when));
      leads.forEach((lead, i) => {
        if (decided[i]!.arm !== arm) return;
        const index = tests.findIndex((t) => t(lead));
        expect(decided[i]!.rule).toBe(index < 0 ? 'fallback' : view.rules[index]!.id);
      });
    }
  });
});

describe('an experiment in Salesforce (unit week): Allot_Arm__c, a formula on CreatedDate', () => {
  const WEEK_START = Date.UTC(2026, 11, 7);
  /** 10,000 leads over 30 weeks from three weeks before week 0, created at GMT times. */
  const weekLeads = () => leads.map((lead, i) => ({ ...lead, created_at: new Date(WEEK_START + (i * 33 * 7 * 86_400_000) / REPLAY_LEADS - 3 * 7 * 86_400_000).toISOString() }));

  function replayWeeks(config: RuleConfig, stream: Lead[]) {
    const exported = exportSalesforce(config, {});
    const { entries } = parseAssignmentRules(file(exported, ASSIGNMENT_RULES_PATH));
    const armFormula = formulaOf(file(exported, `${FIELDS}/${WEEK_ARM_FIELD}.field-meta.xml`));
    return stream.map((lead, i) => {
      const createdDays = Date.parse(String(lead['created_at'])) / 86_400_000;
      const arm = evaluateFormulaValue(armFormula, { CreatedDate: createdDays });
      const entry = firstMatch(entries, { ...salesforceRecord(lead, i), [`Lead.${WEEK_ARM_FIELD}`]: arm });
      return { arm: String(arm), entry };
    });
  }

  it('puts every lead in the arm the router puts it in, half the weeks each, and inside each arm the rules their shares within 1 point', () => {
    const config = sampleExperiment({ unit: 'week', candidateShare: 0.5, weekStart: '2026-12-07' });
    const stream = weekLeads();
    const replayed = replayWeeks(config, stream);
    const state = createRouterState(config);
    stream.forEach((lead, i) => expect((route(config, lead, state).decision as { arm: string }).arm, `lead ${i}`).toBe(replayed[i]!.arm));
    for (const arm of ['candidate', 'control']) {
      const shares: Shares = new Map();
      const armLeads = stream.filter((_, i) => replayed[i]!.arm === arm);
      replayed.filter((r) => r.arm === arm).forEach((r) => tally(shares, r.entry!.rule.split('/')[1]!, r.entry!.assignedTo));
      expect(Math.abs(armLeads.length / REPLAY_LEADS - 0.5)).toBeLessThan(0.05);
      expect(expectSharesWithin(shares, configShares(armView(arm), armLeads), armLeads.length)).toBeLessThan(0.01);
    }
  });

  it('a share binary floating point cannot match exactly on every week (0.29) is refused, naming experiment.candidateShare', () => {
    expect(() => exportSalesforce(sampleExperiment({ unit: 'week', candidateShare: 0.29, weekStart: '2026-12-07' }), {})).toThrow(/experiment\.candidateShare: .*disagree on that week/);
  });

  it('keepCurrent: only the candidate\'s weeks match an entry', () => {
    const keep = sampleExperiment({ unit: 'week', candidateShare: 0.5, weekStart: '2026-12-07' }, 'keepCurrent');
    const replayed = replayWeeks(keep, weekLeads().slice(0, 3_000));
    replayed.forEach((r, i) => expect(r.entry !== null, `lead ${i} (${r.arm})`).toBe(r.arm === 'candidate'));
    expect(replayed.some((r) => r.entry === null)).toBe(true);
  });
});

describe('what Salesforce formulas cannot split', () => {
  it.each([
    ['lead', { unit: 'lead' as const, candidateShare: 0.5, salt: 's' }, /no hash function; export the experiment with unit "slot"/],
  ])('unit %s is refused, naming experiment.unit and suggesting slot', (_, split, message) => {
    let error: unknown;
    try {
      exportSalesforce(sampleExperiment(split), {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).path).toBe('experiment.unit');
    expect((error as ExportError).message).toMatch(message);
  });
});

describeWithSharedData('an experiment\'s Salesforce files against the Metadata API v47 schema (xmllint)', SALESFORCE_XSD_NEEDS, () => {
  it.each([
    ['by slot against a round robin control', 'slot', 'roundRobin'], ['by slot against the current process', 'slot', 'keepCurrent'],
    ['by week against a round robin control', 'week', 'roundRobin'], ['by week against the current process', 'week', 'keepCurrent'],
  ] as const)('%s, every XML file is valid', (_, unit, control) => {
    const split = unit === 'slot' ? { unit, candidateShare: 0.4 } : { unit, candidateShare: 0.5, weekStart: '2026-12-07' };
    const exported = exportSalesforce(sampleExperiment(split, control), {});
    const xml = exported.files.filter((f) => f.path.endsWith('.xml'));
    expect(xml.map((f) => f.path)).toContain(`${FIELDS}/${unit === 'slot' ? ARM_SLOT_FIELD : WEEK_ARM_FIELD}.field-meta.xml`);
    for (const f of xml) expect(xmllint(f.content, undefined, f.path), f.path).toEqual({ valid: true, errors: '' });
  });
});

describe('file snapshots of an experiment', () => {
  it('the sample against a round robin, 40 slots of 100, exports to these files (and these limitations)', async () => {
    for (const f of result.files) await expect(f.content).toMatchFileSnapshot(`./__snapshots__/salesforce-experiment/${f.path}`);
    await expect(JSON.stringify(result.limitations, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/salesforce-experiment/limitations.json');
  });

  it('the sample against the current process, alternate weeks from 2026-12-07, exports to these files (and these limitations)', async () => {
    const week = exportSalesforce(sampleExperiment({ unit: 'week', candidateShare: 0.5, weekStart: '2026-12-07' }, 'keepCurrent'), {});
    for (const f of week.files) await expect(f.content).toMatchFileSnapshot(`./__snapshots__/salesforce-experiment-week/${f.path}`);
    await expect(JSON.stringify(week.limitations, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/salesforce-experiment-week/limitations.json');
  });
});
