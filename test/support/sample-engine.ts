import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/data/database';
import { ScenarioSchema, type Scenario } from '../../src/model/scenario';
import { createEngineHandlers } from '../../src/ui/engine/handlers';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A file of the bundled sample as the workbench sends it to the engine. */
export const sampleFile = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(ROOT, 'data/sample', name))) });

/** The sample's scenario, parsed as the workbench holds it. */
export function sampleScenario(): Scenario {
  return ScenarioSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'data/sample/scenario.json'), 'utf8')));
}

/** Options for a handler call that nobody cancels and whose progress nobody reads. */
export const noop = { signal: new AbortController().signal, progress: () => undefined };

/** The engine worker's handlers on `db`, as the workbench starts them: the sample's roster at hand, nothing loaded yet. */
export function sampleHandlers(db: Database) {
  return createEngineHandlers({
    openDatabase: () => Promise.resolve(db),
    readFile: async (named) => (named === 'roster.csv' ? sampleFile('roster.csv') : null),
  });
}
