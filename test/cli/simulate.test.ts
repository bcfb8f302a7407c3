import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from '../support/run-cli';
import { METRICS } from '../../src/model/comparison';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'data/sample/scenario.json');
const RULES = path.join(ROOT, 'test/export/fixtures/sample.rules.json');

function scenarioFile(changes: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'allot-simulate-'));
  const file = path.join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify({
    schema: 'allot.scenario/v1',
    leads: { path: path.join(ROOT, 'data/sample/leads.csv') },
    roster: { path: path.join(ROOT, 'data/sample/roster.csv') },
    segments: { fields: ['region', 'product'] },
    eligibility: { field: 'region', skill: 'region' },
    ...changes,
  }));
  return file;
}

describe('allot simulate on the sample scenario', () => {
  it('prints the comparison as DESIGN §2.5 says with --json, a rule file given as one more policy', () => {
    const run = runCli(['simulate', '--scenario', SAMPLE, '--rules', RULES, '--replications', '24', '--seed', '3', '--threads', '2', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.baseline).toBe('round_robin');
    expect(out.scoring).toBe('cross_fit');
    expect(out.replications).toBe(24);
    expect(out.policies.map((p: { name: string }) => p.name)).toEqual(['round_robin', 'territory', 'weighted', 'least_loaded', 'as_is', 'optimized', 'sample.rules']);
    for (const policy of out.policies) {
      for (const metric of METRICS) {
        const { mean, lo, hi } = policy.metrics[metric];
        expect(lo, `${policy.name} ${metric}`).toBeLessThanOrEqual(mean);
        expect(hi, `${policy.name} ${metric}`).toBeGreaterThanOrEqual(mean);
        expect(policy.vsBaseline[metric]).toHaveProperty('mean');
      }
      expect(policy.rules === null).toBe(policy.name === 'as_is');
    }
    const baseline = out.policies[0];
    expect(baseline.vsBaseline.conversions).toEqual({ mean: 0, lo: 0, hi: 0 });
    expect(out.notes.join(' ')).toMatch(/cross-fit/);
    expect(out.warnings).toEqual([]);
    // Round robin is its fallback alone; as is re-routes the leads of r10 and r14, inactive now.
    const share = (name: string) => out.policies.find((p: { name: string }) => p.name === name).metrics.fallbackShare.mean;
    expect(share('round_robin')).toBe(0);
    expect(share('as_is')).toBeGreaterThan(0.05);
    expect(out.notes.join(' ')).toMatch(/As is: r10 Michael Zhang, r14 吴婷 cannot take leads now/);
    const asIs = out.policies.find((p: { name: string }) => p.name === 'as_is');
    for (const id of ['r10', 'r14']) expect(asIs.reps.find((r: { id: string }) => r.id === id).leads.mean).toBe(0);
  }, 60_000);

  it('warns on stderr, one line each, when the optimized plan leaves active reps with nothing, and says so in --json', () => {
    const file = scenarioFile({ policies: ['round_robin', 'optimized'], constraints: { headroom: 0, repFloor: 0 } });
    const run = runCli(['simulate', '--scenario', file, '--replications', '2', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('allot: warning: optimized: 3 active reps who can take leads get none: r05 刘洋, r09 赵丽, r15 James Wu\n');
    expect(JSON.parse(run.stdout).warnings).toEqual([{ policy: 'optimized', code: 'reps_without_leads', params: { reps: 'r05 刘洋, r09 赵丽, r15 James Wu', count: 3 }, text: '3 active reps who can take leads get none: r05 刘洋, r09 赵丽, r15 James Wu' }]);
  }, 60_000);

  it('gives the same numbers for the same seed, on any number of threads', () => {
    const args = ['simulate', '--scenario', SAMPLE, '--replications', '8', '--seed', '11', '--json'];
    const one = JSON.parse(runCli([...args, '--threads', '1']).stdout);
    const two = JSON.parse(runCli([...args, '--threads', '2']).stdout);
    expect(two.policies.map((p: { metrics: unknown }) => p.metrics)).toEqual(one.policies.map((p: { metrics: unknown }) => p.metrics));
  }, 60_000);

  it('reads as a table in a terminal, saying how it scored the policies', () => {
    const run = runCli(['simulate', '--scenario', SAMPLE, '--replications', '6']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Sample team: region × product: 6 replications, seed 7, cross-fit scoring/);
    expect(run.stdout).toMatch(/optimized\s+[\d.]+ \([\d.]+ … [\d.]+\)\s+Δ/);
    expect(run.stdout).toMatch(/^to fallback:\n  round_robin\s+0\.0% \(0\.0% … 0\.0%\)\s+baseline$/m);
    expect(run.stdout).toMatch(/^queued\/unassigned:$/m);
  }, 60_000);
});

describe('allot simulate refuses bad input with one line', () => {
  it('a replication count that is not a whole number', () => expectOneLineError(['simulate', '--scenario', SAMPLE, '--replications', '0'], /--replications: "0": give a whole number of at least 1 and at most 10000/));
  it('no scenario', () => expectOneLineError(['simulate'], /simulate needs --scenario/));
  it('a baseline that is not among the policies', () => {
    const file = scenarioFile({ policies: ['round_robin', 'optimized'], simulation: { baseline: 'territory' } });
    expectOneLineError(['simulate', '--scenario', file, '--replications', '2'], /simulation\.baseline: "territory" is not one of the policies/);
  }, 60_000);
  it('an absent rep the roster does not know', () => {
    const file = scenarioFile({ policies: ['round_robin'], simulation: { absent: ['r99'] } });
    expectOneLineError(['simulate', '--scenario', file, '--replications', '2'], /simulation\.absent\[0\]: "r99" not in the roster/);
  }, 60_000);
  it('a rule file that is not a valid allot.rules/v1', () => {
    const bad = path.join(mkdtempSync(path.join(tmpdir(), 'allot-rules-')), 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 'allot.rules/v1', name: 'x', reps: [], rules: [], fallback: { method: 'round_robin', pool: [{ rep: 'nobody' }] } }));
    expectOneLineError(['simulate', '--scenario', SAMPLE, '--rules', bad, '--replications', '2'], /bad\.json: fallback\.pool\[0\]\.rep: unknown rep "nobody"/);
  }, 60_000);
});
