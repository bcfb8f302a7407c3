import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from '../support/run-cli';

const SCENARIO = 'data/sample/scenario.json';

/** The sample team plans to roll the optimized policy out against today's practice. */
describe('allot experiment', () => {
  it('reports the weeks to 80% power, the power curve and the bias of a lead-level split', () => {
    const started = performance.now();
    const run = runCli(['experiment', '--scenario', SCENARIO, '--replications', '60', '--json']);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.design).toEqual({ control: 'as_is', candidate: 'optimized', unit: 'lead', share: 0.5, maxWeeks: 26 });
    expect(result.powerCurve).toHaveLength(26);
    expect(result.replications).toBe(60);
    expect(result.weeksToPower === null || (result.weeksToPower >= 1 && result.weeksToPower <= 26)).toBe(true);
    expect(result.bias.lo).toBeLessThanOrEqual(result.bias.hi);
    expect(result.statements.join(' ')).toMatch(/Interference: both arms share the reps/);
  }, 90_000);

  it('prints a switchback design in words, carry-over stated', () => {
    const run = runCli(['experiment', '--scenario', SCENARIO, '--unit', 'week', '--share', '50%', '--max-weeks', '12', '--replications', '40']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/split by whole weeks alternating \(switchback\), 50% of the weeks to the candidate/);
    expect(run.stdout).toMatch(/^Weeks to 80% power: /m);
    expect(run.stdout).toMatch(/^ {3}12 +\d+%/m);
    expect(run.stdout).toMatch(/^Bias over 12 weeks: /m);
    expect(run.stdout).toMatch(/queues carry over/);
  }, 90_000);

  it('names a bad unit, share, horizon or policy in one line', () => {
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--unit', 'day'], /--unit: "day": give lead, slot or week/);
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--share', '1.5'], /--share: "1.5"/);
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--max-weeks', '0'], /--max-weeks: "0"/);
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--candidate', 'optimised'], /"optimised" is not compared by this scenario/);
  }, 120_000);

  it('--out writes the rollout\'s rule file (v2, as_is kept as the current process), which export and route take as it is', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'allot-experiment-'));
    const rules = path.join(dir, 'rules.json');
    const run = runCli(['experiment', '--scenario', SCENARIO, '--unit', 'slot', '--share', '40%', '--replications', '10', '--max-weeks', '2', '--out', rules, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).rules).toBe(rules);
    const file = JSON.parse(readFileSync(rules, 'utf8'));
    expect(file.schema).toBe('allot.rules/v2');
    expect(file.experiment).toEqual({ name: 'optimized vs as_is', unit: 'slot', candidateShare: 0.4, control: { name: 'as is', keepCurrent: true } });

    const sf = runCli(['export', '--rules', rules, '--target', 'salesforce', '--out', path.join(dir, 'sf')]);
    expect(sf.code).toBe(0);
    expect(existsSync(path.join(dir, 'sf/force-app/main/default/objects/Lead/fields/Allot_Arm_Slot__c.field-meta.xml'))).toBe(true);
    expect(sf.stdout).toMatch(/experiment\.control: the control "as is" is the current process/);

    const routed = runCli(['route', '--rules', rules, '--leads', 'data/sample/leads.csv', '--json']);
    expect(routed.code).toBe(0);
    const summary = JSON.parse(routed.stdout);
    expect(summary.arms.candidate + summary.arms.control).toBe(summary.leads.decided - summary.decisions.rejected - summary.decisions.duplicate);
    expect(summary.decisions.left_to_current).toBe(summary.arms.leftToCurrent);
    expect(Math.abs(summary.arms.candidate / (summary.arms.candidate + summary.arms.control) - 0.4)).toBeLessThan(0.01);

    expectOneLineError(['export', '--rules', rules, '--target', 'frappe', '--out', path.join(dir, 'fr')], /rules\.json: frappe cannot express experiment: Frappe rules cannot split leads/);
    // Simulate compares whole policies: it must not read the rollout file as its candidate alone.
    expectOneLineError(['simulate', '--scenario', SCENARIO, '--rules', rules, '--replications', '2'], /rules\.json: experiment: simulate compares whole policies/);
  }, 120_000);

  it('names a split flag that does not fit, before any simulation', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'allot-experiment-')), 'rules.json');
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--unit', 'slot', '--salt', 's', '--out', out], /--salt: only a lead split/);
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--unit', 'week', '--out', out], /--week-start: a week split \(--unit week\) needs the Monday/);
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--unit', 'week', '--week-start', '2026-12-08', '--out', out], /--week-start: "2026-12-08" is not a Monday/);
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--unit', 'slot', '--share', '0.333', '--out', out], /--share: "0.333": a slot split is in whole slots/);
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--salt', 's'], /--salt only shapes the rule file: give --out/);
    expectOneLineError(['experiment', '--scenario', SCENARIO, '--candidate', 'as_is', '--control', 'round_robin', '--out', out], /--candidate as_is: today's practice has no rules/);
  }, 120_000);
});
