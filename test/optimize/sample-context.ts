import path from 'node:path';
import { openScenario } from '../../src/cli/open-scenario';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { PolicyContext } from '../../src/optimize/policies';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_SCENARIO = path.join(ROOT, 'data/sample/scenario.json');

/** The sample scenario read, imported and estimated as `allot optimize` does it. */
export async function sampleContext(scenarioFile = SAMPLE_SCENARIO): Promise<PolicyContext & { rosterNotes: string[] }> {
  const db = await createNativeDatabase();
  try {
    const { scenario, pipeline } = await openScenario(db, scenarioFile);
    const [context, { origin }] = await Promise.all([pipeline.context(scenario), pipeline.roster(scenario)]);
    return { ...context, rosterNotes: origin.kind === 'inferred' ? origin.notes : [] };
  } finally {
    await db.close();
  }
}
