import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/model/scenario';
import { describeWithSharedData, sharedPath } from '../support/shared-data';
import { expectOneLineError, runCli } from '../support/run-cli';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEALS = path.join(ROOT, 'test/fixtures/b2b-deals-no-dates.csv');
const dir = mkdtempSync(path.join(tmpdir(), 'allot-init-'));
const readScenario = (file: string) => ScenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('allot init: a scenario nobody has to write', () => {
  it('a dateless, semicolon-separated deal list with a Seller column: the seller is the owner, the separating column is proposed, and the horizon says why', () => {
    const out = path.join(dir, 'deals.json');
    const run = runCli(['init', DEALS, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Segments: Industry: who converts best depends on this column/m);
    expect(run.stdout).toMatch(/^Horizon: 8 weeks: the leads have no creation dates/m);
    const scenario = readScenario(out);
    expect(scenario.segments.fields).toEqual(['Industry']);
    expect(scenario.eligibility).toBeUndefined();
    expect(scenario.leads.mapping).toMatchObject({ fields: { owner: 'Seller', outcome: 'Result', lead_id: 'Deal' } });
    expect(scenario.roster && 'reps' in scenario.roster ? scenario.roster.reps.map((r) => r.rep_id).sort() : []).toEqual(['Anna Keller', 'Björn Olsen', 'Chloé Martin', 'Dmitri Volkov', 'Eva Novak', 'Farid Haddad']);

    // The estimates need no dates; a simulation does, and says what to map.
    const estimate = runCli(['estimate', '--scenario', out, '--json']);
    expect(estimate.code).toBe(0);
    expect(JSON.parse(estimate.stdout).reps).toHaveLength(6);
    expectOneLineError(['simulate', '--scenario', out], /deals\.json: leads: no lead has a creation time, so arrivals cannot be simulated/);
    expectOneLineError(['optimize', '--scenario', out, '--out', path.join(dir, 'rules.json')], /no lead has a creation date, so the demand per week is zero and no plan can be made/);
  });

  it('inspect says what the dateless deal list supports before any scenario asks (its amount column found though it names its currency)', () => {
    const run = runCli(['inspect', DEALS, '--json']);
    expect(run.code).toBe(0);
    const { readiness, mapping } = JSON.parse(run.stdout) as { readiness: Array<{ capability: string; ready: boolean; message: { text: string } }>; mapping: { fields: Record<string, string> } };
    expect(mapping.fields.value).toBe('Deal value (EUR)');
    expect(Object.fromEntries(readiness.map((r) => [r.capability, r.ready]))).toEqual({ estimates: true, demand: false, decay: true, revenue: true, backtest: false, simulation: false });
    expect(readiness.find((r) => r.capability === 'demand')!.message.text).toMatch(/^No creation dates: .*Map the created-at column\.$/);
    expect(runCli(['inspect', DEALS]).stdout).toMatch(/^  no   demand +No creation dates/m);
  });

  it('refuses to overwrite a file, or to write into a folder that is not there', () => {
    const out = path.join(dir, 'exists.json');
    writeFileSync(out, '{}');
    expectOneLineError(['init', DEALS, '--out', out], /--out .*exists\.json: the file exists; pass --force/);
    expectOneLineError(['init', DEALS, '--out', path.join(dir, 'nowhere', 's.json')], /the folder .*nowhere does not exist/);
    expectOneLineError(['init', '--out', path.join(dir, 'no-files.json')], /init needs a lead file/);
  });
});

describeWithSharedData('allot init on the Maven CRM export', 'data/maven-crm/sales_pipeline.csv', () => {
  it('pipeline + teams + accounts: proposes eligibility by regional office, and allot simulate runs the scenario as written', () => {
    const maven = (file: string) => sharedPath('data/maven-crm', file);
    const out = path.join(dir, 'maven.json');
    const run = runCli(['init', maven('sales_pipeline.csv'), maven('sales_teams.csv'), maven('accounts.csv'), '--out', out, '--json']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.proposal.eligibility.rule).toEqual({ field: 'regional_office', skill: 'region' });
    expect(result.proposal.horizon.weeks).toBe(13);
    // Maven's reps do not differ by segment: the ranking says so instead of inventing a winner.
    expect(result.proposal.segments.ranking.every((r: { pValue: number }) => r.pValue > 0.05)).toBe(true);
    const scenario = readScenario(out);
    expect(scenario.leads.mapping).toMatchObject({ tables: [{ path: path.relative(dir, maven('sales_pipeline.csv')) }, {}, {}] });
    const simulate = runCli(['simulate', '--scenario', out, '--replications', '20', '--json']);
    expect(simulate.stderr).toBe('');
    expect(simulate.code).toBe(0);
    const names = JSON.parse(simulate.stdout).policies.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['round_robin', 'territory', 'optimized', 'as_is']));
  }, 120_000);
});
