import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyContext } from '../../src/optimize/policies';
import { solveOptimized } from '../../src/optimize/optimized-policy';
import { floorCostView, planView, type PlanView } from '../../src/pipeline/plan-view';
import { sampleContext } from '../optimize/sample-context';

let ctx: PolicyContext;
beforeAll(async () => { ctx = await sampleContext(); }, 60_000);

const withConstraints = (changes: Partial<PolicyContext['scenario']['constraints']>): PolicyContext => ({
  ...ctx, scenario: { ...ctx.scenario, constraints: { ...ctx.scenario.constraints, ...changes } },
});

/** The plan and what its floor costs, from one solve, as the pipeline gives them. */
async function viewsOf(context: PolicyContext) {
  const chosen = solveOptimized(context, {});
  return { view: optimal(await planView(context, chosen)), floorCost: await floorCostView(context, chosen) };
}

function optimal(view: PlanView) {
  if (view.status !== 'optimal') throw new Error(`expected a plan, got ${view.status}`);
  return view;
}

describe('the plan as the Policies step shows it', () => {
  it('comes with what the floor costs, with and without it, over the scenario\'s weeks, and the reps it lifts', async () => {
    const { view, floorCost } = await viewsOf(ctx);
    expect(view.warnings).toEqual([]);
    const cost = floorCost!;
    expect(cost.floor).toBe(0.2);
    expect(cost.weeks).toBe(13);
    expect(cost.withFloor.conversionsPerWeek).toBeCloseTo(view.totals.conversionsPerWeek, 9);
    expect(cost.withoutFloor.conversionsPerWeek).toBeGreaterThan(cost.withFloor.conversionsPerWeek);
    expect(cost.conversions).toBeCloseTo(13 * (cost.withoutFloor.conversionsPerWeek - cost.withFloor.conversionsPerWeek), 9);
    expect(cost.lifted).toEqual([{ id: 'r15', name: 'James Wu' }]);
    expect(cost.note).toMatchObject({ code: 'floor_cost', params: { floor: 0.2, weeks: 13, reps: 'r15 James Wu', count: 1 } });
  });

  it('flags the active reps a plan leaves with nothing, by id and name, and has no floor cost without a floor', async () => {
    const { view, floorCost } = await viewsOf(withConstraints({ headroom: 0, repFloor: 0 }));
    expect(view.warnings.map((w) => [w.code, w.params])).toEqual([['reps_without_leads', { reps: 'r05 刘洋, r09 赵丽, r15 James Wu', count: 3 }]]);
    expect(floorCost).toBeNull();
    // The warnings are among the notes too, for a reader of the notes alone.
    expect(view.notes.map((n) => n.code)).toContain('reps_without_leads');
  });

  it('flags a plan that sends more than 2% of the demand to the overflow queue', async () => {
    // Everyone but the East team is away: North and South have nobody.
    const away = ctx.roster.filter((r) => !r.skills.includes('region:East')).map((r) => r.rep_id);
    const { view } = await viewsOf({ ...ctx, scenario: { ...ctx.scenario, simulation: { ...ctx.scenario.simulation, absent: away } } });
    const flag = view.warnings.find((w) => w.code === 'overflow_share');
    expect(flag?.params.share).toBeGreaterThan(0.5);
    expect(flag?.text).toMatch(/^the plan sends [\d.]+% of the demand \([\d.]+ of [\d.]+ leads\/week\) to the "overflow" queue/);
  });
});
