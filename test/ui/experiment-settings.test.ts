import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/model/scenario';
import { designPolicies, exportProblems, initialExperiment, nextMonday, percentShare, readDesign, readExperiment, writeExperiment } from '../../src/ui/state/experiment-settings';
import { readoutDefaults } from '../../src/ui/rollout/rollout-run';
import { controlRule, experimentPlan } from '../../src/ui/export/experiment-option';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scenario = ScenarioSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'data/sample/scenario.json'), 'utf8')));

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k), clear: () => items.clear(), key: () => null, length: 0 };
}

/** The one experiment the Rollout and Export steps share: read, checked, carried to the export and back to the readout. */
describe('the workbench’s experiment settings', () => {
  it('default to today’s practice against the optimized policy, a lead split of half, a salt of the day and the next Monday', () => {
    const fresh = initialExperiment(new Date('2026-12-02T15:00:00Z'));
    expect(fresh).toMatchObject({ unit: 'lead', share: '50', salt: 'rollout-2026-12-02', weekStart: '2026-12-07', exportSplit: false });
    expect(nextMonday(new Date('2026-12-07T00:00:00Z'))).toBe('2026-12-07');
    expect(designPolicies(fresh, scenario)).toEqual({ control: 'as_is', candidate: 'optimized' });
    expect(readDesign(fresh, scenario)).toEqual({ ok: true, design: { control: 'as_is', candidate: 'optimized', unit: 'lead', share: 0.5, maxWeeks: 26 } });
  });

  it('say which fields do not fit: a share out of range, a slot share that is no whole percent, weeks, salt, week start', () => {
    const fresh = initialExperiment(new Date('2026-12-02T00:00:00Z'));
    expect(percentShare('12.5%')).toBe(0.125);
    expect(percentShare('100')).toBeNull();
    expect(readDesign({ ...fresh, share: '0' }, scenario)).toEqual({ ok: false, problems: ['share'] });
    expect(readDesign({ ...fresh, unit: 'slot', share: '12.5' }, scenario)).toEqual({ ok: false, problems: ['slotShare'] });
    expect(readDesign({ ...fresh, maxWeeks: '105' }, scenario)).toEqual({ ok: false, problems: ['maxWeeks'] });
    expect(exportProblems({ ...fresh, salt: ' ' })).toEqual(['salt']);
    expect(exportProblems({ ...fresh, unit: 'week', weekStart: '2026-12-08' })).toEqual(['weekStart']);
  });

  it('carry the split to the export (as_is kept as the CRM’s current process) and back to the readout’s arms', () => {
    const settings = { ...initialExperiment(new Date('2026-12-02T00:00:00Z')), salt: 'spring', share: '40', exportSplit: true };
    const plan = experimentPlan(settings, scenario)!;
    expect(plan).toEqual({ control: 'as_is', candidate: 'optimized', split: { unit: 'lead', candidateShare: 0.4, salt: 'spring' } });
    expect(controlRule(plan.control)).toBe('keepCurrent');
    expect(readoutDefaults(settings, scenario)).toEqual({ arms: 'hash', share: '40', salt: 'spring', control: 'as_is', candidate: 'optimized' });
    expect(readoutDefaults({ ...settings, unit: 'slot' }, scenario)).toEqual({ arms: 'slot', share: '40', slotColumn: 'Allot_Slot__c', control: 'as_is', candidate: 'optimized' });
    expect(readoutDefaults({ ...settings, unit: 'week', weekStart: '2026-12-07' }, scenario)).toEqual({ arms: 'week', share: '40', weekStart: '2026-12-07', control: 'as_is', candidate: 'optimized' });
    expect(readoutDefaults({ ...settings, exportSplit: false }, scenario)).toEqual({});
  });

  it('are kept across reloads, and a damaged record gives the defaults', () => {
    const store = memoryStorage();
    const settings = { ...initialExperiment(), salt: 'kept', unit: 'week' as const, exportSplit: true };
    writeExperiment(store, settings);
    expect(readExperiment(store)).toEqual(settings);
    store.setItem('allot.experiment', '{"unit":"day","salt":3}');
    expect(readExperiment(store)).toMatchObject({ unit: 'lead', salt: initialExperiment().salt, exportSplit: false });
  });
});
