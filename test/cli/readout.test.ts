import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRollout, rolloutCsv } from '../../data/generator/rollout';
import { expectOneLineError, runCli } from '../support/run-cli';

const SCENARIO = 'data/sample/scenario.json';
const OWNERS = ['r01', 'r02', 'r03', 'r04', 'r05'];

/** The sample team's first weeks after rolling the optimized policy out to half the leads, by lead-id hash. */
describe('allot readout', () => {
  let dir = '';
  let file = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'allot-readout-'));
    file = path.join(dir, 'since-rollout.csv');
    const rollout = generateRollout({ seed: 3, weeks: 12, leadsPerWeek: 400, candidateShare: 0.5, gain: 0.3, salt: 'spring-2026' });
    writeFileSync(file, rolloutCsv(rollout, '2026-03-02', OWNERS));
    writeFileSync(path.join(dir, 'bad-arms.csv'), rolloutCsv(rollout, '2026-03-02', OWNERS).replace(',candidate\n', ',treatmnt\n'));
    // The rollout's rule file, as `allot experiment --out` writes it: the sample's rules, half the leads by hash.
    const sample = JSON.parse(readFileSync('test/export/fixtures/sample.rules.json', 'utf8'));
    const experiment = { unit: 'lead', candidateShare: 0.5, salt: 'spring-2026', control: { name: 'as is', keepCurrent: true } };
    writeFileSync(path.join(dir, 'rules.json'), JSON.stringify({ ...sample, schema: 'allot.rules/v2', experiment }));
    writeFileSync(path.join(dir, 'plain.json'), JSON.stringify(sample));
  });

  it('--rules takes the unit, share and salt from the rollout\'s rule file: the same readout as the flags', () => {
    const byHash = JSON.parse(runCli(['readout', '--scenario', SCENARIO, file, '--share', '50%', '--salt', 'spring-2026', '--json']).stdout);
    const run = runCli(['readout', '--scenario', SCENARIO, file, '--rules', path.join(dir, 'rules.json'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const byRules = JSON.parse(run.stdout);
    expect(byRules.arms).toEqual({ kind: 'hash', share: 0.5, salt: 'spring-2026' });
    expect(byRules.readout).toEqual(byHash.readout);
  }, 180_000);

  it('refuses a --rules readout that cannot be read, in one line naming the file or the flag', () => {
    expectOneLineError(['readout', '--scenario', SCENARIO, file, '--rules', path.join(dir, 'rules.json'), '--share', '50%'], /--share: the split comes from --rules .*rules\.json/);
    expectOneLineError(['readout', '--scenario', SCENARIO, file, '--rules', path.join(dir, 'plain.json')], /plain\.json: experiment: missing/);
    expectOneLineError(['readout', '--scenario', SCENARIO, file, '--rules', path.join(dir, 'rules.json'), '--slot-column', 'Allot_Slot__c'], /--slot-column: .*splits by lead, not by slot/);
    expectOneLineError(['readout', '--scenario', SCENARIO, file, '--slot-column', 'Allot_Slot__c'], /--slot-column: .*give --rules/);
  }, 60_000);

  it('reads the arm column, leaves young leads out, and sets the forecast beside the effect', () => {
    const run = runCli(['readout', '--scenario', SCENARIO, file, '--arm-column', 'arm', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.control).toBe('as_is');
    expect(report.candidate).toBe('optimized');
    const r = report.readout;
    expect(r.tooYoung).toBeGreaterThan(0);
    expect(r.control.leads + r.candidate.leads + r.tooYoung + r.unmatched).toBe(12 * 400);
    expect(r.low).toBeLessThan(r.effect);
    expect(r.high).toBeGreaterThan(r.effect);
    expect(r.effect).toBeGreaterThan(0);
    expect(report.forecast.lo).toBeLessThanOrEqual(report.forecast.hi);
    expect(['held', 'above', 'below']).toContain(report.verdict);
  }, 120_000);

  it('gives the same readout from the lead ids with the split\'s share and salt', () => {
    const byColumn = JSON.parse(runCli(['readout', '--scenario', SCENARIO, file, '--arm-column', 'arm', '--json']).stdout);
    const byHash = runCli(['readout', '--scenario', SCENARIO, file, '--share', '50%', '--salt', 'spring-2026']);
    expect(byHash.code).toBe(0);
    expect(byHash.stdout).toMatch(/lead ids \(split 50% to the candidate, salt "spring-2026"\)/);
    expect(byHash.stdout).toContain(`${byColumn.readout.control.leads.toLocaleString('en-US')}`);
    expect(byHash.stdout).toMatch(/^The forecast (held|did not hold)/m);
    expect(byHash.stdout).toMatch(/left out, not counted as lost/);
  }, 120_000);

  it('names an arm value it cannot place, and a missing way to tell the arms', () => {
    expectOneLineError(['readout', '--scenario', SCENARIO, path.join(dir, 'bad-arms.csv'), '--arm-column', 'arm'], /arm: "treatmnt" names neither arm/);
    expectOneLineError(['readout', '--scenario', SCENARIO, file], /needs the arms: --arm-column/);
    expectOneLineError(['readout', '--scenario', SCENARIO, file, '--arm-column', 'group'], /--arm-column: "group" is not a column of since-rollout\.csv/);
    expectOneLineError(['readout', '--scenario', SCENARIO, file, '--share', '1.5', '--salt', 'x'], /--share: "1.5"/);
    expectOneLineError(['readout', '--scenario', SCENARIO, file, '--arm-column', 'arm', '--candidate', 'optimised'], /"optimised" is not compared by this scenario/);
  }, 180_000);
});
