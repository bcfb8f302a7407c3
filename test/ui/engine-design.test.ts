import { describe, expect, it } from 'vitest';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import { runCli } from '../support/run-cli';
import { noop, sampleFile, sampleHandlers, sampleScenario } from '../support/sample-engine';

/** The workbench's design is `allot experiment`'s: same power curve, same bias; and a cancel stops it while it runs. */
describe('the engine designs a rollout', () => {
  it('as the CLI does, reporting the replications as they run, and stops when cancelled', async () => {
    const cli = runCli(['experiment', '--scenario', 'data/sample/scenario.json', '--unit', 'slot', '--share', '40%', '--max-weeks', '8', '--replications', '24', '--json']);
    expect(cli.stderr).toBe('');
    const db = await createNativeDatabase();
    try {
      const handlers = sampleHandlers(db);
      await handlers.load({ files: [sampleFile('leads.csv')], isSample: true }, noop);
      const scenario = sampleScenario();
      const reports: unknown[] = [];
      const design = { control: 'as_is', candidate: 'optimized', unit: 'slot' as const, share: 0.4, maxWeeks: 8 };
      const result = await handlers.design({ scenario, design, replications: 24 }, { signal: new AbortController().signal, progress: (p) => reports.push(p) });
      const { simulateMs: _ms, ...expected } = JSON.parse(cli.stdout);
      expect(JSON.parse(JSON.stringify(result))).toEqual(expected);
      expect(reports.at(-1)).toEqual({ stage: 'designing', done: 24, total: 24 });

      // Cancelled after its first replications: the run ends early instead of running all of them.
      const controller = new AbortController();
      let done = 0;
      const cancelled = handlers.design({ scenario, design: { ...design, maxWeeks: 26 }, replications: 5000 }, {
        signal: controller.signal,
        progress: (p) => {
          if ('stage' in p && p.stage === 'designing') done = p.done;
          if (done >= 3) controller.abort();
        },
      });
      await expect(cancelled).rejects.toBeTruthy();
      expect(done).toBeLessThan(10);
    } finally {
      await db.close();
    }
  }, 180_000);
});
