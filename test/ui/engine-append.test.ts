import { describe, expect, it } from 'vitest';
import { generateRollout, rolloutCsv } from '../../data/generator/rollout';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import { noop, sampleFile, sampleHandlers, sampleScenario } from '../support/sample-engine';

/** The monitor's re-estimate: the history and a rollout's export as one dataset, with the history's mapping. */
describe('the engine adds a rollout’s weeks to the history', () => {
  it('stacks the rows by column name, maps them alike, and estimates on the whole; a file lacking a mapped column is refused', async () => {
    const csv = rolloutCsv(generateRollout({ seed: 4, weeks: 6, leadsPerWeek: 100, candidateShare: 0.5, gain: 0.2, salt: 's' }), '2026-03-02', ['r01', 'r02', 'r03']);
    const added = csv.trim().split('\n').length - 1;
    const db = await createNativeDatabase();
    try {
      const handlers = sampleHandlers(db);
      const history = await handlers.load({ files: [sampleFile('leads.csv')], isSample: true }, noop);
      const scenario = sampleScenario();
      const before = await handlers.estimates({ scenario }, noop);

      const refused = handlers.appendLeads({ files: [{ name: 'no-owner.csv', bytes: new TextEncoder().encode(csv.replace(/^lead_id,created_at,owner,/, 'lead_id,created_at,rep,')) }] }, noop);
      await expect(refused).rejects.toMatchObject({ code: 'columns_differ', params: { file: 'no-owner.csv', missing: 'owner' } });

      const { data, added: counted } = await handlers.appendLeads({ files: [{ name: 'since.csv', bytes: new TextEncoder().encode(csv) }] }, noop);
      expect(counted).toEqual({ files: ['since.csv'], rows: added });
      expect(data.files).toEqual(history.files);
      expect(data.result.report.rowsRead).toBe(history.result.report.rowsRead + added);
      expect(data.result.mapping).toEqual(history.result.mapping);
      // The export's arm column stays out of the history.
      expect(data.result.columns).toEqual(history.result.columns);
      const after = await handlers.estimates({ scenario }, noop);
      expect(after).not.toEqual(before);
      // A later load replaces the stacked tables like any other: the history alone again, as before.
      await handlers.load({ files: [sampleFile('leads.csv')], isSample: true }, noop);
      expect(await handlers.estimates({ scenario }, noop)).toEqual(before);
    } finally {
      await db.close();
    }
  }, 120_000);
});
