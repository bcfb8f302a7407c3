import { createBrowserDatabase } from '../../src/data/adapters/wasm-browser';
import type { Database } from '../../src/data/database';
import { readEstimationInputs, type EstimationInputs, type SegmentSpec } from '../../src/data/estimation-inputs';
import { importLeads } from '../../src/data/import-leads';
import { readRoster } from '../../src/data/roster';
import type { Rep } from '../../src/model/roster';
import { ScenarioSchema, type Scenario } from '../../src/model/scenario';
import leadsUrl from '../../data/sample/leads.csv?url';
import rosterUrl from '../../data/sample/roster.csv?url';
import scenarioJson from '../../data/sample/scenario.json';
import type { Display } from '../lib/cell';
import { fetchBytes } from '../lib/fetch-bytes';

export interface Loaded {
  db: Database;
  scenario: Scenario;
  spec: SegmentSpec;
  roster: Rep[];
  inputs: EstimationInputs;
}

// What `allot estimate --scenario data/sample/scenario.json` reads, read the same way: the
// scenario's leads and roster, then the estimation inputs for the scenario's segments.
export default async function load(display: Display): Promise<Loaded> {
  const scenario = ScenarioSchema.parse(scenarioJson);
  const db = await createBrowserDatabase();
  await importLeads(db, [{ name: scenario.leads.path, bytes: await fetchBytes(leadsUrl) }]);
  const { reps: roster } = await readRoster(db, { name: 'roster.csv', bytes: await fetchBytes(rosterUrl) });
  const spec: SegmentSpec = scenario.segments;
  const inputs = await readEstimationInputs(db, spec);
  const decided = inputs.outcomes.reduce((s, o) => s + o.decided, 0);
  display(`${scenario.name}: ${inputs.leads} leads (${decided} decided) over ${inputs.weeks.length} weeks, ` +
    `${inputs.segments.length} segments by ${spec.fields.join(' × ')}, ${roster.length} reps on the roster.`);
  return { db, scenario, spec, roster, inputs };
}
