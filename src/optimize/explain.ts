/**
 * Why a plan cannot exist, in sentences a manager can act on. First the obvious necessary
 * conditions (cheap, exact numbers); if the LP still fails, re-solve with each switchable group
 * relaxed and, for the numeric ones, search how far the setting could go.
 */
import { buildModel, juniorNeed, range, valueFloorTarget, type RowGroup } from './model';
import { fmtNum, fmtPct, JUNIOR_TIER, normalizeProblem, type AssignmentProblem, type NormalizedProblem } from './problem';
import { optimizeMessage, type OptimizeMessage } from './messages';
import type { LpSolver } from './solvers';

export function precheckConflicts(np: NormalizedProblem): OptimizeMessage[] {
  const { problem, S, R, p, pair } = np;
  const { segments, reps, constraints: c } = problem;
  const out: OptimizeMessage[] = [];
  const served = range(R).filter((r) => reps[r]!.active && range(S).some((s) => pair[s * R + r]));
  const segsOf = (r: number) => range(S).filter((s) => pair[s * R + r]);
  const demandOf = (ss: number[]) => ss.reduce((sum, s) => sum + segments[s]!.demandPerWeek, 0);
  const hi = (r: number) => Math.min(c.capacity ? reps[r]!.capacityPerWeek : Infinity, c.loadBand ? c.loadBand[1] * reps[r]!.capacityPerWeek : Infinity);

  if (c.loadBand && c.loadBand[0] > 0) {
    const lo = c.loadBand[0];
    for (const r of served) {
      const need = lo * reps[r]!.capacityPerWeek;
      const bring = demandOf(segsOf(r));
      if (need > bring + 1e-9) {
        const { id, capacityPerWeek } = reps[r]!;
        out.push(optimizeMessage('band_min_rep', { rep: id, need, min: lo, capacity: capacityPerWeek, bring }, `${id} needs at least ${fmtNum(need)} leads/week (load band minimum ${fmtPct(lo)} of capacity ${fmtNum(capacityPerWeek)}), but its eligible segments bring only ${fmtNum(bring)}`));
      }
    }
    const needAll = served.reduce((sum, r) => sum + lo * reps[r]!.capacityPerWeek, 0);
    const total = demandOf(range(S));
    if (needAll > total + 1e-9) out.push(optimizeMessage('band_min_team', { min: lo, need: needAll, demand: total }, `the load band minimum ${fmtPct(lo)} needs ${fmtNum(needAll)} leads/week across the team, but demand is only ${fmtNum(total)}`));
  }
  if (c.juniorShare && c.juniorShare.atLeast > 0) {
    const js = [...new Set(c.juniorShare.segments)];
    const names = js.map((s) => segments[s]!.key).join(', ');
    const need = juniorNeed(np);
    const juniors = served.filter((r) => reps[r]!.tier === JUNIOR_TIER && js.some((s) => pair[s * R + r]));
    const room = juniors.reduce((sum, r) => sum + Math.min(hi(r), demandOf(js.filter((s) => pair[s * R + r]))), 0);
    const intro = `junior share ${fmtPct(c.juniorShare.atLeast)} of ${names} needs ${fmtNum(need)} leads/week for juniors`;
    const share = c.juniorShare.atLeast;
    if (juniors.length === 0 && need > 0) out.push(optimizeMessage('junior_share_no_junior', { share, segments: names, need }, `${intro}, but no active junior rep is eligible for ${names}`));
    else if (need > room + 1e-9) out.push(optimizeMessage('junior_share_capacity', { share, segments: names, need, room }, `${intro}, whose capacity is ${fmtNum(room)}`));
  }
  if (c.valueFloor !== undefined && c.valueFloor > 0) {
    const target = valueFloorTarget(np, served.length);
    for (const r of served) {
      const best = segsOf(r).map((s) => ({ worth: p[s * R + r]! * segments[s]!.valuePerWon, n: segments[s]!.demandPerWeek })).sort((a, b) => b.worth - a.worth);
      let room = hi(r), reach = 0;
      for (const b of best) { const take = Math.min(room, b.n); reach += take * b.worth; room -= take; }
      if (reach < target - 1e-9 * Math.max(1, target)) {
        const capacity = Math.min(hi(r), reps[r]!.capacityPerWeek);
        out.push(optimizeMessage('value_floor_rep', { rep: reps[r]!.id, target, floor: c.valueFloor, reach, capacity }, `${reps[r]!.id}'s expected won value must reach ${fmtNum(target)}/week (value floor ${fmtPct(c.valueFloor)} of the equal share), but at most ${fmtNum(reach)}/week is reachable with capacity ${fmtNum(capacity)} in its eligible segments`));
      }
    }
  }
  const pinned = new Float64Array(R);
  for (const pin of c.pins ?? []) pinned[pin.rep] = pinned[pin.rep]! + pin.share * segments[pin.segment]!.demandPerWeek;
  pinned.forEach((load, r) => { if (load > hi(r) + 1e-9) out.push(optimizeMessage('pins_over_capacity', { rep: reps[r]!.id, load, take: hi(r) }, `pins give ${reps[r]!.id} ${fmtNum(load)} leads/week, but it can take ${fmtNum(hi(r))}`)); });
  return out;
}

type Knob = { group: RowGroup; code: 'relax_band_min' | 'relax_value_floor' | 'relax_junior_share'; label: string; asked: number; set: (p: AssignmentProblem, v: number) => AssignmentProblem };

/** The LP failed though every necessary condition held: find the group whose removal fixes it. */
export function diagnoseByRelaxation(np: NormalizedProblem, solver: LpSolver): OptimizeMessage[] {
  const c = np.problem.constraints;
  const feasible = (p: NormalizedProblem, relax?: RowGroup) => solver.solve(buildModel(p, relax ? { relax: new Set([relax]) } : {})).status === 'optimal';
  const knobs: Knob[] = [];
  if (c.loadBand && c.loadBand[0] > 0) knobs.push({ group: 'bandMin', code: 'relax_band_min', label: 'the load band minimum', asked: c.loadBand[0], set: (p, v) => ({ ...p, constraints: { ...p.constraints, loadBand: [v, p.constraints.loadBand![1]] } }) });
  if (c.valueFloor) knobs.push({ group: 'valueFloor', code: 'relax_value_floor', label: 'the value floor', asked: c.valueFloor, set: (p, v) => ({ ...p, constraints: { ...p.constraints, valueFloor: v } }) });
  if (c.juniorShare && c.juniorShare.atLeast > 0) knobs.push({ group: 'juniorShare', code: 'relax_junior_share', label: 'the junior share', asked: c.juniorShare.atLeast, set: (p, v) => ({ ...p, constraints: { ...p.constraints, juniorShare: { ...p.constraints.juniorShare!, atLeast: v } } }) });
  const out: OptimizeMessage[] = [];
  for (const knob of knobs) {
    if (!feasible(np, knob.group)) continue;
    let lo = 0, hi = knob.asked;
    for (let i = 0; i < 12; i++) {
      const mid = (lo + hi) / 2;
      const trial = normalizeProblem(knob.set(np.problem, mid)).normalized;
      if (trial && feasible(trial)) lo = mid; else hi = mid;
    }
    out.push(optimizeMessage(knob.code, { asked: knob.asked, reachable: lo }, `${knob.label} of ${fmtPct(knob.asked)} cannot be met together with the other constraints; at most about ${fmtPct(lo)} can`));
  }
  const switches = [
    { group: 'pin', code: 'relax_pins', label: 'the pins' },
    { group: 'bandMax', code: 'relax_band_max', label: 'the load band maximum' },
    { group: 'capacity', code: 'relax_capacity', label: 'capacity' },
  ] as const;
  for (const { group, code, label } of switches) {
    if (feasible(np, group)) out.push(optimizeMessage(code, {}, `${label} conflict with the other constraints: without them a plan exists`));
  }
  if (out.length === 0) out.push(optimizeMessage('relax_none', {}, 'the constraints conflict in combination: no single one, relaxed alone, makes a plan possible'));
  return out;
}

/** "East needs 120 leads/week, eligible reps can take 96": segments that overflowed, grouped by pool. */
export function describeOverflow(np: NormalizedProblem, overflow: Float64Array): OptimizeMessage[] {
  const { problem, S, R, pair } = np;
  const { segments, reps, constraints: c } = problem;
  const groups = new Map<string, number[]>();
  for (let s = 0; s < S; s++) {
    if (overflow[s]! <= 1e-6) continue;
    const key = range(R).filter((r) => pair[s * R + r]).join(',');
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups].map(([key, ss]) => {
    const pool = key ? key.split(',').map(Number) : [];
    const need = ss.reduce((sum, s) => sum + segments[s]!.demandPerWeek, 0);
    const over = ss.reduce((sum, s) => sum + overflow[s]!, 0);
    const take = pool.reduce((sum, r) => sum + Math.min(c.capacity ? reps[r]!.capacityPerWeek : Infinity, c.loadBand ? c.loadBand[1] * reps[r]!.capacityPerWeek : Infinity), 0);
    const names = ss.map((s) => segments[s]!.key).join(', ');
    const ids = pool.map((r) => reps[r]!.id).join(', ');
    const who = pool.length === 0 ? 'no rep is eligible' : `eligible reps (${ids}) can take ${fmtNum(take)} in all`;
    const text = `${names} ${ss.length > 1 ? 'need' : 'needs'} ${fmtNum(need)} leads/week, ${who}: ${fmtNum(over)}/week go to the "${np.overflowQueue}" queue`;
    const base = { segments: names, count: ss.length, need, over, queue: np.overflowQueue };
    return pool.length === 0 ? optimizeMessage('overflow_no_rep', base, text) : optimizeMessage('overflow', { ...base, reps: ids, take }, text);
  });
}
