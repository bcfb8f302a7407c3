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
});
