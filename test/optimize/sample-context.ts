import path from 'node:path';
import { loadEstimates } from '../../src/cli/estimate';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { PolicyContext } from '../../src/optimize/policies';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_SCENARIO = path.join(ROOT, 'data/sample/scenario.json');

/** The sample scenario read, imported and estimated as `allot optimize` does it. */
export async function sampleContext(scenarioFile = SAMPLE_SCENARIO): Promise<PolicyContext & { rosterNotes: string[] }> {
  const db = await createNativeDatabase();
  try {
    const { scenario, roster, rosterNotes, spec, estimates } = await loadEstimates(db, scenarioFile);
    return { scenario, roster, rosterNotes, estimates, segmentFields: spec.fields, valueBands: spec.valueBands };
  } finally {
    await db.close();
  }
}
