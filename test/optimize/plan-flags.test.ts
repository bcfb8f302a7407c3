import { beforeAll, describe, expect, it } from 'vitest';
import { floorCost } from '../../src/optimize/floor-cost';
import { optimize, type OptimizeResult } from '../../src/optimize/optimize';
import { solveOptimized } from '../../src/optimize/optimized-policy';
import type { PolicyContext } from '../../src/optimize/policies';
import { problemOf, rep, seg } from './fixtures';
import { sampleContext } from './sample-context';

function optimal(result: OptimizeResult) {
  if (result.status !== 'optimal') throw new Error(`expected a plan, got ${JSON.stringify(result)}`);
  return result;
}

const codes = (result: ReturnType<typeof optimal>) => result.warnings.map((w) => w.code);

describe.each(['jslp', 'highs'] as const)('headroom and the floor per rep (%s)', (solver) => {
  it('headroom fills the best rep to capacity less the headroom, and the next rep takes the rest', async () => {
    const problem = problemOf([seg('East', 10)], [rep('a', 10), rep('b', 10)], [[0.5, 0.2]]);
    problem.constraints.headroom = 0.2;
    const plan = optimal(await optimize(problem, { solver }));
    expect([...plan.x]).toEqual([expect.closeTo(8, 9), expect.closeTo(2, 9)]);
    expect(plan.warnings).toEqual([]);
  });

  it('headroom gives way before a lead is queued, and says whose headroom the demand eats', async () => {
    const problem = problemOf([seg('East', 19)], [{ ...rep('a', 10), name: 'Ann' }, rep('b', 10)], [[0.5, 0.2]]);
    problem.constraints.headroom = 0.2;
    const plan = optimal(await optimize(problem, { solver }));
    expect(plan.totals.overflowPerWeek).toBeCloseTo(0, 9);
    expect(plan.totals.leadsPerWeek).toBeCloseTo(19, 9);
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'headroom_used', params: { reps: 'a Ann, b', count: 2, headroom: 0.2 } })]);
  });

  it('the floor gives a weaker rep a fifth of capacity, and no more', async () => {
    const problem = problemOf([seg('East', 10)], [rep('a', 10), rep('b', 10)], [[0.5, 0.2]]);
    expect(optimal(await optimize(problem, { solver })).x[1]).toBeCloseTo(0, 9);
    problem.constraints.repFloor = 0.2;
    const plan = optimal(await optimize(problem, { solver }));
    expect([...plan.x]).toEqual([expect.closeTo(8, 9), expect.closeTo(2, 9)]);
    expect(plan.warnings).toEqual([]);
  });

  it('a floor the demand cannot fill is a plan that says so, never infeasible', async () => {
    // Two leads a week for three reps who each ask for 2: the shortfall is shared, nobody is left at zero.
    const problem = problemOf([seg('East', 2)], [rep('a', 10), rep('b', 10), rep('c', 10)], [[0.5, 0.3, 0.2]]);
    problem.constraints.repFloor = 0.2;
    const plan = optimal(await optimize(problem, { solver }));
    expect([...plan.x]).toEqual([expect.closeTo(2 / 3, 6), expect.closeTo(2 / 3, 6), expect.closeTo(2 / 3, 6)]);
    expect(codes(plan)).toEqual(['rep_floor_short']);
    expect(plan.warnings[0]!.params).toMatchObject({ count: 3, floor: 0.2 });
  });

  it('a plan that queues more than 2% of the demand, or gives an eligible rep nothing, is flagged with the reps named', async () => {
    const problem = problemOf([seg('East', 30), seg('West', 2)], [{ ...rep('a', 10), name: 'Ann' }, { ...rep('b', 10), name: 'Bo' }], [[0.5, 0.2], [0.1, 0.1]], {
      eligible: (s, r) => s === 0 || r === 0,
    });
    const plan = optimal(await optimize(problem, { solver }));
    expect(plan.totals.overflowPerWeek).toBeCloseTo(12, 9);
    expect(plan.warnings[0]).toMatchObject({ code: 'overflow_share', params: { share: 12 / 32, over: 12, demand: 32, queue: 'overflow' } });
    expect(plan.warnings[0]!.text).toBe('the plan sends 37.5% of the demand (12 of 32 leads/week) to the "overflow" queue, where a person must route them');
    const idle = problemOf([seg('East', 5)], [{ ...rep('a', 10), name: 'Ann' }, { ...rep('b', 10), name: 'Bo' }, { ...rep('c', 10, 'senior', false), name: 'Cy' }], [[0.5, 0.2, 0.9]]);
    const idlePlan = optimal(await optimize(idle, { solver }));
    // c is inactive: not flagged; b could take leads and gets none.
    expect(idlePlan.warnings).toEqual([{ code: 'reps_without_leads', params: { reps: 'b Bo', count: 1 }, text: 'an active rep who can take leads gets none: b Bo' }]);
  });
});

describe('on the sample, with the scenario\'s defaults', () => {
  let ctx: PolicyContext;
  beforeAll(async () => { ctx = await sampleContext(); }, 60_000);

  it('every active rep eligible for a region gets leads from the rules, and no plan flag is raised', async () => {
    const { plan, config } = await solveOptimized(ctx, {});
    expect(plan.warnings.map((w) => w.code)).toEqual([]);
    const pooled = new Set(config.rules.flatMap((r) => r.assign.pool.map((e) => e.rep)));
    for (const rep of ctx.roster.filter((r) => r.active)) expect(pooled.has(rep.rep_id), rep.rep_id).toBe(true);
    // Planned to 95% of capacity at most.
    plan.perRep.forEach((o, r) => expect(o.leadsPerWeek).toBeLessThanOrEqual(0.95 * ctx.roster[r]!.capacity_per_week + 1e-6));
  });

  it('without the defaults three active reps get nothing, which is flagged; the floor\'s cost is the difference', async () => {
    const bare = { ...ctx, scenario: { ...ctx.scenario, constraints: { ...ctx.scenario.constraints, headroom: 0, repFloor: 0 } } };
    const { plan } = await solveOptimized(bare, {});
    const flag = plan.warnings.find((w) => w.code === 'reps_without_leads');
    expect(flag?.params).toEqual({ reps: 'r05 刘洋, r09 赵丽, r15 James Wu', count: 3 });

    const noHeadroom = { ...ctx, scenario: { ...ctx.scenario, constraints: { ...ctx.scenario.constraints, headroom: 0 } } };
    const chosen = await solveOptimized(noHeadroom, {});
    const cost = (await floorCost(noHeadroom, chosen))!;
    expect(cost.lifted.map((r) => r.id)).toEqual(['r05', 'r09', 'r15']);
    expect(cost.conversionsPerWeek).toBeGreaterThan(0);
    expect(cost.conversionsPerWeek).toBeCloseTo(cost.withoutFloor.conversionsPerWeek - cost.withFloor.conversionsPerWeek, 9);
    expect(cost.conversions).toBeCloseTo(cost.conversionsPerWeek * ctx.scenario.simulation.weeks, 9);
    expect(cost.note.code).toBe('floor_cost');
    expect(cost.note.text).toMatch(/^Giving every active rep at least 20% of capacity costs [\d.]+ expected conversions\/week, [\d.]+ over 13 weeks; without it r05 刘洋, r09 赵丽, r15 James Wu would get no leads\.$/);
  });
});
