import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRollout, rolloutCsv } from '../../data/generator/rollout';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import { createEngineHandlers } from '../../src/ui/engine/handlers';
import { runCli } from '../support/run-cli';
import { noop, sampleFile, sampleHandlers, sampleScenario } from '../support/sample-engine';

/** The workbench's readout is `allot readout`'s: same forecast, same counts, same interval. */
describe('the engine reads a rollout out', () => {
  it('as the CLI does, and the history stays loaded for the other steps', async () => {
    const csv = rolloutCsv(generateRollout({ seed: 11, weeks: 10, leadsPerWeek: 300, candidateShare: 0.4, gain: 0.2, salt: 'q2' }), '2026-04-06', ['r01', 'r02', 'r03']);
    const dir = mkdtempSync(path.join(tmpdir(), 'allot-engine-readout-'));
    writeFileSync(path.join(dir, 'since.csv'), csv);
    const cli = runCli(['readout', '--scenario', 'data/sample/scenario.json', path.join(dir, 'since.csv'), '--share', '0.4', '--salt', 'q2', '--json']);
    expect(cli.stderr).toBe('');

    const db = await createNativeDatabase();
    try {
      const handlers = sampleHandlers(db);
      await handlers.load({ files: [sampleFile('leads.csv')], isSample: true }, noop);
      const scenario = sampleScenario();
      const report = await handlers.readout({
        scenario, files: [{ name: 'since.csv', bytes: new TextEncoder().encode(csv) }],
        arms: { kind: 'hash', share: 0.4, salt: 'q2' }, control: 'as_is', candidate: 'optimized', windowDays: 30,
      }, noop);
      expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(cli.stdout));
      // Read after the readout, from the database: the sample's history, as a fresh load gives it.
      const fresh = createEngineHandlers({ openDatabase: createNativeDatabase });
      await fresh.load({ files: [sampleFile('leads.csv')], isSample: true }, noop);
      const noRoster = { ...scenario, roster: undefined };
      expect(await handlers.backtest({ scenario: noRoster }, noop)).toEqual(await fresh.backtest({ scenario: noRoster }, noop));
    } finally {
      await db.close();
    }
  }, 120_000);
});
