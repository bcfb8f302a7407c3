/**
 * The LP of DESIGN §3.2 as a sparse model: a column only for each pair (s,r) that may carry leads,
 * one overflow column per segment, t for the max–min term, and per rep the priced slacks of the
 * soft settings (headroom used, floor unmet). Rows carry the group they belong to,
 * so a solution can be checked and an infeasible model explained group by group.
 */
import { JUNIOR_TIER, type NormalizedProblem } from './problem';

export type RowGroup = 'demand' | 'capacity' | 'headroom' | 'repFloor' | 'bandMin' | 'bandMax' | 'valueFloor' | 'juniorShare' | 'maxMin' | 'pin';
/** The groups a user can switch off; the explanation re-solves without each. */
export const SWITCHABLE_GROUPS = ['bandMin', 'bandMax', 'valueFloor', 'juniorShare', 'pin', 'capacity'] as const satisfies readonly RowGroup[];

export interface Row {
  name: string;
  group: RowGroup;
  /** The segment or rep the row is about, for messages; −1 for team-wide rows. */
  subject: number;
  cols: number[];
  coefs: number[];
  sense: '<=' | '>=' | '=';
  rhs: number;
}

export interface LinearModel {
  /** Always maximised. */
  colNames: string[];
  objective: Float64Array;
  rows: Row[];
  /** Column of x(s,r), or −1 where the pair has no variable (row-major S × R). */
  xCol: Int32Array;
  overflowCol: Int32Array;
  tCol: number;
  /** Per rep: the column of headroom used (leads/week above capacity × (1 − headroom)), or −1. */
  headroomCol: Int32Array;
  /** Per rep: the column of the floor left unmet (leads/week), or −1. */
  shortCol: Int32Array;
  /** Per rep: the floor asked for (leads/week), 0 where there is none. */
  floor: Float64Array;
  /** The largest share of a floor left unmet (−1 without floors): priced so that a shortfall is shared, not dumped on a few reps. */
  shortShareCol: number;
  S: number;
  R: number;
}

export interface BuildOptions {
  /** Groups left out, to find which constraint makes a model infeasible. */
  relax?: ReadonlySet<RowGroup>;
}

export function buildModel(np: NormalizedProblem, options: BuildOptions = {}): LinearModel {
  const { problem, S, R, p, pair } = np;
  const { segments, reps, constraints: c } = problem;
  const on = (g: RowGroup) => !options.relax?.has(g);
  const colNames: string[] = [];
  const obj: number[] = [];
  const addCol = (name: string, cost: number) => { colNames.push(name); obj.push(cost); return colNames.length - 1; };
  const worth = (s: number, r: number) => p[s * R + r]! * (problem.objective === 'revenue' ? segments[s]!.valuePerWon : 1);

  const xCol = new Int32Array(S * R).fill(-1);
  for (let s = 0; s < S; s++) for (let r = 0; r < R; r++) if (pair[s * R + r]) xCol[s * R + r] = addCol(`x${s}_${r}`, worth(s, r));
  const overflowCol = new Int32Array(S);
  for (let s = 0; s < S; s++) overflowCol[s] = addCol(`o${s}`, -np.overflowPenalty);

  const colsOfRep = (r: number) => range(S).filter((s) => xCol[s * R + r]! >= 0);
  const served = range(R).filter((r) => reps[r]!.active && colsOfRep(r).length > 0);
  const useMaxMin = c.maxMinWeight > 0 && on('maxMin') && served.length > 0;
  const tCol = useMaxMin ? addCol('t', c.maxMinWeight) : -1;
  const headroom = c.capacity && on('capacity') && on('headroom') ? c.headroom ?? 0 : 0;
  const floor = on('repFloor') ? repFloors(np, served) : new Float64Array(R);
  const headroomCol = new Int32Array(R).fill(-1);
  const shortCol = new Int32Array(R).fill(-1);
  for (const r of served) {
    if (headroom > 0 && reps[r]!.capacityPerWeek > 0) headroomCol[r] = addCol(`h${r}`, -np.slackPenalty);
    if (floor[r]! > 1e-9) shortCol[r] = addCol(`u${r}`, -np.slackPenalty);
  }
  // When the demand cannot fill every floor, the total shortfall is the same whoever bears it:
  // pricing the worst share unmet spreads it, so no rep is left at zero for a better one's sake.
  const shortShareCol = shortCol.some((j) => j >= 0) ? addCol('z', -np.slackPenalty * Math.max(...floor)) : -1;

  const rows: Row[] = [];
  const add = (row: Row) => { if (row.cols.length > 0) rows.push(row); };
  for (let s = 0; s < S; s++) {
    const rs = range(R).filter((r) => xCol[s * R + r]! >= 0);
    add({ name: `d${s}`, group: 'demand', subject: s, cols: [...rs.map((r) => xCol[s * R + r]!), overflowCol[s]!], coefs: [...rs.map(() => 1), 1], sense: '=', rhs: segments[s]!.demandPerWeek });
  }
  for (const r of served) {
    const ss = colsOfRep(r);
    const load = { cols: ss.map((s) => xCol[s * R + r]!), coefs: ss.map(() => 1) };
    const cap = reps[r]!.capacityPerWeek;
    if (c.capacity && on('capacity')) add({ name: `cap${r}`, group: 'capacity', subject: r, ...load, sense: '<=', rhs: cap });
    if (headroomCol[r]! >= 0) add({ name: `hr${r}`, group: 'headroom', subject: r, cols: [...load.cols, headroomCol[r]!], coefs: [...load.coefs, -1], sense: '<=', rhs: cap * (1 - headroom) });
    if (shortCol[r]! >= 0) {
      add({ name: `fl${r}`, group: 'repFloor', subject: r, cols: [...load.cols, shortCol[r]!], coefs: [...load.coefs, 1], sense: '>=', rhs: floor[r]! });
      add({ name: `fz${r}`, group: 'repFloor', subject: r, cols: [shortCol[r]!, shortShareCol], coefs: [1, -floor[r]!], sense: '<=', rhs: 0 });
    }
    if (c.loadBand) {
      const [lo, hi] = c.loadBand;
      if (lo > 0 && on('bandMin')) add({ name: `bmin${r}`, group: 'bandMin', subject: r, ...load, sense: '>=', rhs: lo * cap });
      if (on('bandMax')) add({ name: `bmax${r}`, group: 'bandMax', subject: r, ...load, sense: '<=', rhs: hi * cap });
    }
    const target = c.valueFloor ? valueFloorTarget(np, served.length) : 0;
    if (target > 1e-9 && on('valueFloor')) {
      // Scaled to leads-like magnitudes: javascript-lp-solver misjudges feasibility on rows of ¥ thousands.
      const scale = Math.max(1, cap) / target;
      add({ name: `vf${r}`, group: 'valueFloor', subject: r, cols: load.cols, coefs: ss.map((s) => p[s * R + r]! * segments[s]!.valuePerWon * scale), sense: '>=', rhs: target * scale });
    }
    if (useMaxMin) {
      add({ name: `mm${r}`, group: 'maxMin', subject: r, cols: [tCol, ...load.cols], coefs: [1, ...ss.map((s) => -p[s * R + r]!)], sense: '<=', rhs: 0 });
    }
  }
  if (c.juniorShare && c.juniorShare.atLeast > 0 && on('juniorShare')) {
    const { cols, coefs } = juniorTerms(np, xCol);
    const need = juniorNeed(np);
    // With no junior column the row would vanish; keep it infeasible visibly instead (0 ≥ need).
    if (cols.length === 0 && need > 0) rows.push({ name: 'jr', group: 'juniorShare', subject: -1, cols: [overflowCol[0]!], coefs: [0], sense: '>=', rhs: need });
    else add({ name: 'jr', group: 'juniorShare', subject: -1, cols, coefs, sense: '>=', rhs: need });
  }
  if (on('pin')) {
    (c.pins ?? []).forEach((pin, k) => {
      add({ name: `pin${k}`, group: 'pin', subject: pin.segment, cols: [xCol[pin.segment * R + pin.rep]!], coefs: [1], sense: '=', rhs: pin.share * segments[pin.segment]!.demandPerWeek });
    });
  }
  return { colNames, objective: Float64Array.from(obj), rows, xCol, overflowCol, tCol, headroomCol, shortCol, floor, shortShareCol, S, R };
}

/**
 * Each served rep's floor in leads/week: `repFloor` × capacity, but never more than the rep can
 * take alone (capacity after headroom, the load band's top) nor than their segments bring, so
 * that the floor alone never asks for the impossible; what reps sharing segments cannot all get
 * is the priced shortfall.
 */
export function repFloors(np: NormalizedProblem, served: readonly number[]): Float64Array {
  const { problem, S, R, pair } = np;
  const c = problem.constraints;
  const out = new Float64Array(R);
  if (!(c.repFloor && c.repFloor > 0)) return out;
  for (const r of served) {
    const cap = problem.reps[r]!.capacityPerWeek;
    let bring = 0;
    for (let s = 0; s < S; s++) if (pair[s * R + r]) bring += problem.segments[s]!.demandPerWeek;
    const own = Math.min(c.capacity ? cap * (1 - (c.headroom ?? 0)) : Infinity, c.loadBand ? c.loadBand[1] * cap : Infinity);
    out[r] = Math.max(0, Math.min(c.repFloor * cap, own, bring));
  }
  return out;
}

/** floor × the equal share: the team's expected won value at each segment's mean eligible p, split evenly. */
export function valueFloorTarget(np: NormalizedProblem, servedReps: number): number {
  const { problem, S, R, p, pair } = np;
  let total = 0;
  for (let s = 0; s < S; s++) {
    let sum = 0, n = 0;
    for (let r = 0; r < R; r++) if (pair[s * R + r]) { sum += p[s * R + r]!; n++; }
    if (n > 0) total += problem.segments[s]!.demandPerWeek * problem.segments[s]!.valuePerWon * (sum / n);
  }
  return servedReps > 0 ? ((problem.constraints.valueFloor ?? 0) * total) / servedReps : 0;
}

export function juniorNeed(np: NormalizedProblem): number {
  const js = np.problem.constraints.juniorShare;
  if (!js) return 0;
  return js.atLeast * [...new Set(js.segments)].reduce((sum, s) => sum + np.problem.segments[s]!.demandPerWeek, 0);
}

function juniorTerms(np: NormalizedProblem, xCol: Int32Array): { cols: number[]; coefs: number[] } {
  const cols: number[] = [];
  for (const s of new Set(np.problem.constraints.juniorShare!.segments)) {
    for (let r = 0; r < np.R; r++) if (np.problem.reps[r]!.tier === JUNIOR_TIER && xCol[s * np.R + r]! >= 0) cols.push(xCol[s * np.R + r]!);
  }
  return { cols, coefs: cols.map(() => 1) };
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
