import { describe, expect, it } from 'vitest';
import type { ScenarioStorage } from '../../src/ui/state/autosave';
import { parseScenarioText, sampleScenario, ScenarioFileError, scenarioFileText } from '../../src/ui/state/scenario-file';
import { ScenarioStore, type ScenarioChangeEvent } from '../../src/ui/state/scenario-store';
import { RepSchema } from '../../src/model/roster';

function memoryStorage(initial?: unknown): ScenarioStorage & { saved: unknown[] } {
  const saved: unknown[] = [];
  return { saved, load: async () => initial, save: async (value) => void saved.push(structuredClone(value)) };
}

const rep = (id: string, capacity: number) => RepSchema.parse({ rep_id: id, name: id, capacity_per_week: capacity });

describe('the scenario file', () => {
  it('the sample scenario round-trips through the file the workbench saves', () => {
    const sample = sampleScenario();
    expect(sample.segments.fields).toEqual(['region', 'product']);
    expect(parseScenarioText('scenario.json', scenarioFileText(sample))).toEqual(sample);
  });

  it('a broken scenario is refused with the JSON path of the problem', () => {
    const bad = { ...sampleScenario(), roster: { reps: [{ rep_id: 'r01', name: 'A', capacity_per_week: 'many' }] } };
    const error = (() => { try { parseScenarioText('q3.json', JSON.stringify(bad)); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ScenarioFileError);
    expect((error as ScenarioFileError).path).toBe('roster.reps[0].capacity_per_week');
    expect((error as Error).message).toMatch(/^q3\.json: roster\.reps\[0\]\.capacity_per_week: /);
    expect(() => parseScenarioText('q3.json', '{"schema": ')).toThrow(/^q3\.json: \(root\): not JSON/);
  });
});

describe('the scenario store', () => {
  it('saves every change and says what changed', async () => {
    const storage = memoryStorage();
    const store = new ScenarioStore(sampleScenario(), storage);
    const changes: string[] = [];
    store.addEventListener('scenario-change', (e) => changes.push((e as ScenarioChangeEvent).change));
    store.setRoster([rep('r01', 16), rep('r02', 14)]);
    store.updateRep(1, rep('r02', 20));
    store.setDecay({ floor: 0.3, tauHours: 12 });
    await store.saved();
    expect(changes).toEqual(['roster', 'roster', 'decay']);
    expect(storage.saved).toHaveLength(3);
    expect(storage.saved.at(-1)).toMatchObject({ roster: { reps: [{ capacity_per_week: 16 }, { capacity_per_week: 20 }] }, decay: { tauHours: 12 } });
    store.setDecay(null);
    expect('decay' in store.scenario).toBe(false);
  });

  it('restores the autosaved scenario, and ignores one that no longer validates', async () => {
    const saved = { ...sampleScenario(), roster: { reps: [rep('r01', 21)] } };
    const store = new ScenarioStore(sampleScenario(), memoryStorage(saved));
    expect(await store.restore()).toBe(true);
    expect(store.reps?.[0]?.capacity_per_week).toBe(21);

    const broken = new ScenarioStore(sampleScenario(), memoryStorage({ schema: 'allot.scenario/v0' }));
    expect(await broken.restore()).toBe(false);
    expect(broken.scenario).toEqual(sampleScenario());
  });
});
