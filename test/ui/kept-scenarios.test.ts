import { describe, expect, it, vi } from 'vitest';
import type { ScenarioStorage } from '../../src/ui/state/autosave';
import { keepSnapshot } from '../../src/ui/state/kept-scenarios';
import { sampleScenario } from '../../src/ui/state/scenario-file';
import { ScenarioStore } from '../../src/ui/state/scenario-store';
import type { Comparison } from '../../src/simulate';

function memory(initial?: unknown): ScenarioStorage & { value: unknown } {
  const box = { value: initial as unknown };
  return Object.assign(box, { load: async () => box.value, save: async (v: unknown) => void (box.value = structuredClone(v)) });
}

const at = (mean: number) => ({ mean, lo: mean - 5, hi: mean + 5 });
const summary = (name: string, conversions: number) => {
  const metrics = { conversions: at(conversions), revenue: at(conversions * 1000), conversionRate: at(0.2), giniLeads: at(0.1) };
  return { name, metrics, vsBaseline: metrics, reps: [] };
};
const comparison = { baseline: 'round_robin', replications: 40, policies: [summary('round_robin', 300), summary('optimized', 320)] } as unknown as Comparison;

describe('scenarios kept for comparison', () => {
  it('a kept scenario holds only the headline metrics, and survives a reload of the store', async () => {
    const kept = memory();
    const store = new ScenarioStore(sampleScenario(), { ...memory(), kept });
    const events = vi.fn();
    store.addEventListener('kept-change', events);
    const snapshot = keepSnapshot(sampleScenario(), comparison);
    expect(Object.keys(snapshot.policies[1]!.metrics)).toEqual(['conversions', 'revenue', 'conversionRate']);
    store.keep(snapshot);
    store.renameKept(snapshot.id, 'Before fairness');
    await store.saved();
    expect(events).toHaveBeenCalledTimes(2);

    const reloaded = new ScenarioStore(sampleScenario(), { ...memory(), kept });
    await reloaded.restore();
    expect(reloaded.kept.map((k) => [k.name, k.policies[1]!.metrics.conversions.mean])).toEqual([['Before fairness', 320]]);
    reloaded.removeKept(snapshot.id);
    await reloaded.saved();
    expect(kept.value).toEqual([]);
  });

  it('a damaged entry in the store is dropped, naming its place, and the others come back', async () => {
    const good = keepSnapshot(sampleScenario(), comparison);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = new ScenarioStore(sampleScenario(), { ...memory(), kept: memory([{ ...good, policies: 'none' }, good]) });
    await store.restore();
    expect(store.kept.map((k) => k.id)).toEqual([good.id]);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/kept\[0\].*policies/);
    warn.mockRestore();
  });
});
