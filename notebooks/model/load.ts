import { createBrowserDatabase } from '../../src/data/adapters/wasm-browser';
import type { Database } from '../../src/data/database';
import { readEstimationInputs } from '../../src/data/estimation-inputs';
import type { EstimationInputs, SegmentSpec } from '../../src/model/estimation-inputs';
import { importLeads } from '../../src/data/import-leads';
import { createPipeline, type Pipeline } from '../../src/pipeline';
import { webWorkerPool } from '../../src/ui/engine/simulate-pool';
import type { Rep } from '../../src/model/roster';
import { ScenarioSchema, type Scenario } from '../../src/model/scenario';
import leadsUrl from '../../data/sample/leads.csv?url';
import rosterUrl from '../../data/sample/roster.csv?url';
import scenarioJson from '../../data/sample/scenario.json';
import type { Display } from '../lib/cell';
import { fetchBytes } from '../lib/fetch-bytes';

export interface Loaded {
  db: Database;
  pipeline: Pipeline;
  scenario: Scenario;
  spec: SegmentSpec;
  roster: Rep[];
  inputs: EstimationInputs;
}

// What `allot estimate --scenario data/sample/scenario.json` reads, read the same way: the
// scenario's leads, then the pipeline over them (src/pipeline, as the CLI and the workbench use
// it), which finds the roster the scenario names and estimates; the estimation inputs are shown.
export default async function load(display: Display): Promise<Loaded> {
  const scenario = ScenarioSchema.parse(scenarioJson);
  const db = await createBrowserDatabase();
  const leads = await importLeads(db, [{ name: scenario.leads.path, bytes: await fetchBytes(leadsUrl) }]);
  const readFile = async (path: string) => (path === 'roster.csv' ? { name: path, bytes: await fetchBytes(rosterUrl) } : null);
  const pipeline = createPipeline({ read: (task) => task(db), attributes: leads.attributes, readFile }, { runner: webWorkerPool(2) });
  const { reps: roster } = await pipeline.roster(scenario);
  const spec: SegmentSpec = scenario.segments;
  const inputs = await readEstimationInputs(db, spec);
  const decided = inputs.outcomes.reduce((s, o) => s + o.decided, 0);
  display(`${scenario.name}: ${inputs.leads} leads (${decided} decided) over ${inputs.weeks.length} weeks, ` +
    `${inputs.segments.length} segments by ${spec.fields.join(' × ')}, ${roster.length} reps on the roster.`);
  return { db, pipeline, scenario, spec, roster, inputs };
}
