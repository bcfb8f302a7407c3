import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/open-scenario';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { calibration, type Comparison } from '../../src/simulate/compare';
import type { Scenario } from '../../src/model/scenario';

/**
 * The reps' reaction time is calibrated on a replay of the history at the history's own volume:
 * a volume what-if must show the backlog the extra leads make, not a team that reacts faster to
 * hide it. It also means a volume move re-simulates without calibrating again.
 */
const SCENARIO = path.resolve(import.meta.dirname, '../../data/sample/scenario.json');
let db: Database;
beforeAll(async () => { db = await createNativeDatabase(); }, 60_000);
afterAll(async () => { await db?.close(); });

const atVolume = (scenario: Scenario, volumeMultiplier: number): Scenario => ({ ...scenario, simulation: { ...scenario.simulation, volumeMultiplier } });
const asIs = (c: Comparison) => c.policies.find((p) => p.name === 'as_is')!.metrics;

describe('a lead-volume what-if', () => {
  it('keeps the calibration of the history\'s volume, so the as-is replay waits longer under more leads', async () => {
    const opened = await openScenario(db, SCENARIO);
    const base = await opened.pipeline.comparison(opened.scenario, { replications: 8 });
    const busier = await opened.pipeline.comparison(atVolume(opened.scenario, 1.5), { replications: 8 });
    expect(busier.world.horizon.touchLatencyHours).toBe(base.world.horizon.touchLatencyHours);
    expect(busier.world.decay.reference).toBe(base.world.decay.reference);
    expect(busier.world.horizon.volumeMultiplier).toBe(1.5);
    // More leads on the same team: later first touches and more SLA breaches, never fewer.
    expect(asIs(busier).firstTouchHoursP50.mean).toBeGreaterThan(asIs(base).firstTouchHoursP50.mean);
    expect(asIs(busier).slaBreachRate.mean).toBeGreaterThan(asIs(base).slaBreachRate.mean);
  }, 120_000);

  it('is calibrated as a fresh session calibrates it: the pipeline\'s kept calibration is the one worked out anew', async () => {
    const opened = await openScenario(db, SCENARIO);
    const busier = atVolume(opened.scenario, 1.5);
    const prepared = await opened.pipeline.prepared(busier);
    expect(calibration(prepared.world, 7)).toEqual(calibration((await opened.pipeline.prepared(opened.scenario)).world, 7));
    const afterBase = await opened.pipeline.comparison(opened.scenario, { replications: 4 }).then(() => opened.pipeline.comparison(busier, { replications: 4 }));
    const fresh = await (await openScenario(db, SCENARIO)).pipeline.comparison(busier, { replications: 4 });
    expect(JSON.stringify(afterBase.batch.metrics)).toBe(JSON.stringify(fresh.batch.metrics));
    expect(afterBase.world.horizon).toEqual(fresh.world.horizon);
  }, 120_000);
});
