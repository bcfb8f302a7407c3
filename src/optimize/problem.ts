/**
 * The optimizer's input (DESIGN §3.2), independent of how the estimates were made: segments with
 * demand and value, reps with capacity, a conversion table and an eligibility table. Plain data,
 * so the LP can be built, written, solved and checked without knowing where the numbers came from.
 */
import { optimizeMessage, type OptimizeMessage } from './messages';

export interface SegmentInput {
  key: string;
  demandPerWeek: number;
  /** Revenue per won lead; used by the revenue objective and the value floor. */
  valuePerWon: number;
}

export interface RepInput {
  id: string;
  capacityPerWeek: number;
  /** `'junior'` counts for the development share; any other tier does not. */
  tier: string;
  active: boolean;
  /** Display name, for messages that name the rep (default: the id). */
  name?: string;
}

export interface Pin { segment: number; rep: number; share: number }
export interface Exclusion { segment: number; rep: number }

export interface Constraints {
  /** Σ_s x(s,r) ≤ capacity(r). On unless false. */
  capacity: boolean;
  /**
   * Share of capacity (0 ≤ h < 1) the plan keeps free: each rep is filled to capacity × (1 − h)
   * first, so that weeks busier than the average still fit under the router's weekly cap rather
   * than spilling to the fallback. Soft: the headroom is used (at a price above any lead's worth)
   * before a lead goes to the overflow queue. Needs `capacity`.
   */
  headroom?: number;
  /**
   * Each active rep with an eligible segment gets at least this share (0–1) of their capacity,
   * bounded by what their capacity after headroom and their segments' demand allow. Soft: a
   * shortfall is priced above any lead's worth and reported, never made infeasible.
   */
  repFloor?: number;
  /** Each active rep's load within [uMin, uMax] × capacity. */
  loadBand?: readonly [number, number];
  /** Each active rep's expected won value ≥ floor × the equal share of the team's expected value. */
  valueFloor?: number;
  /** Juniors get at least `atLeast` (0–1) of the demand of the named segments. */
  juniorShare?: { segments: readonly number[]; atLeast: number };
  /** λ ≥ 0: maximise objective + λ · (the worst-off active rep's expected conversions). */
  maxMinWeight: number;
  /** x(s,r) = share × n(s) exactly; a pin makes the pair eligible. */
  pins?: readonly Pin[];
  /** x(s,r) = 0: the pair gets no variable. */
  exclusions?: readonly Exclusion[];
}

export interface AssignmentProblem {
  segments: readonly SegmentInput[];
  reps: readonly RepInput[];
  /** p(s,r) in [0,1]: a function, or a dense row-major table (index s × reps + r). */
  conversion: ((s: number, r: number) => number) | Float64Array;
  /** May rep r take segment s? A function, or a row-major 0/1 table. */
  eligible: ((s: number, r: number) => boolean) | Uint8Array;
  objective: 'conversions' | 'revenue';
  constraints: Constraints;
  /** Price of one lead per week sent to the overflow queue; default: far above any lead's worth. */
  overflowPenalty?: number;
  /** The named queue for leads nobody can take. */
  overflowQueue?: string;
}

export const JUNIOR_TIER = 'junior';
export const DEFAULT_OVERFLOW_QUEUE = 'overflow';

/** The problem read into flat tables, validated. Pairs are the (s,r) that get a variable. */
export interface NormalizedProblem {
  problem: AssignmentProblem;
  S: number;
  R: number;
  p: Float64Array;
  /** 1 where (s,r) gets a variable: eligible or pinned, active, not excluded. */
  pair: Uint8Array;
  overflowPenalty: number;
  /** Price of one lead/week of headroom used or of a rep's floor unmet: above any lead's worth, below an overflowed lead. */
  slackPenalty: number;
  overflowQueue: string;
}

export interface InputIssue extends OptimizeMessage { severity: 'error' | 'warning' }

export function normalizeProblem(problem: AssignmentProblem): { normalized: NormalizedProblem | null; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const error = (message: OptimizeMessage) => issues.push({ severity: 'error', ...message });
  const warn = (message: OptimizeMessage) => issues.push({ severity: 'warning', ...message });
  const { segments, reps, constraints: c } = problem;
  const S = segments.length;
  const R = reps.length;
  const segKey = (s: number) => segments[s]?.key ?? s;
  const repId = (r: number) => reps[r]?.id ?? r;
  const segName = (s: number) => `segment "${segKey(s)}"`;
  const repName = (r: number) => `rep "${repId(r)}"`;

  segments.forEach((seg, s) => {
    if (!(Number.isFinite(seg.demandPerWeek) && seg.demandPerWeek >= 0)) error(optimizeMessage('bad_demand', { segment: segKey(s), value: String(seg.demandPerWeek) }, `${segName(s)}: demand must be a number ≥ 0 (got ${seg.demandPerWeek})`));
    if (!(Number.isFinite(seg.valuePerWon) && seg.valuePerWon >= 0)) error(optimizeMessage('bad_value_per_won', { segment: segKey(s), value: String(seg.valuePerWon) }, `${segName(s)}: value per won lead must be a number ≥ 0 (got ${seg.valuePerWon})`));
  });
  reps.forEach((rep, r) => {
    if (!(Number.isFinite(rep.capacityPerWeek) && rep.capacityPerWeek >= 0)) error(optimizeMessage('bad_capacity', { rep: repId(r), value: String(rep.capacityPerWeek) }, `${repName(r)}: capacity must be a number ≥ 0 leads/week (got ${rep.capacityPerWeek})`));
  });

  const p = new Float64Array(S * R);
  const pair = new Uint8Array(S * R);
  const conv = problem.conversion;
  const elig = problem.eligible;
  if (conv instanceof Float64Array && conv.length !== S * R) error(optimizeMessage('conversion_table_size', { entries: conv.length, segments: S, reps: R, expected: S * R }, `the conversion table has ${conv.length} entries, expected ${S} segments × ${R} reps = ${S * R}`));
  if (elig instanceof Uint8Array && elig.length !== S * R) error(optimizeMessage('eligibility_table_size', { entries: elig.length, expected: S * R }, `the eligibility table has ${elig.length} entries, expected ${S * R}`));
  if (issues.some((i) => i.severity === 'error')) return { normalized: null, issues };

  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) {
      const i = s * R + r;
      const ok = typeof elig === 'function' ? elig(s, r) : elig[i] === 1;
      const value = typeof conv === 'function' ? conv(s, r) : conv[i]!;
      if (!(value >= 0 && value <= 1)) {
        // Only pairs that could carry leads matter, but a bad number anywhere is a bad table.
        error(optimizeMessage('bad_conversion', { segment: segKey(s), rep: repId(r), value: String(value) }, `conversion for ${segName(s)} × ${repName(r)} is ${value}; it must be a probability in [0, 1]`));
        continue;
      }
      p[i] = value;
      pair[i] = ok && reps[r]!.active ? 1 : 0;
    }
  }
  for (const e of c.exclusions ?? []) {
    if (!inRange(e.segment, S) || !inRange(e.rep, R)) error(optimizeMessage('exclusion_out_of_range', { segment: e.segment, rep: e.rep }, `exclusion (segment ${e.segment}, rep ${e.rep}) is out of range`));
    else pair[e.segment * R + e.rep] = 0;
  }
  const pinShare = new Float64Array(S);
  for (const pin of c.pins ?? []) {
    if (!inRange(pin.segment, S) || !inRange(pin.rep, R)) { error(optimizeMessage('pin_out_of_range', { segment: pin.segment, rep: pin.rep }, `pin (segment ${pin.segment}, rep ${pin.rep}) is out of range`)); continue; }
    if (!(pin.share >= 0 && pin.share <= 1)) error(optimizeMessage('bad_pin_share', { segment: segKey(pin.segment), rep: repId(pin.rep), value: String(pin.share) }, `pin of ${segName(pin.segment)} to ${repName(pin.rep)}: share must be in [0, 1] (got ${pin.share})`));
    if (!reps[pin.rep]!.active) error(optimizeMessage('pin_inactive_rep', { segment: segKey(pin.segment), rep: repId(pin.rep) }, `pin of ${segName(pin.segment)} to ${repName(pin.rep)}: the rep is inactive`));
    if ((c.exclusions ?? []).some((e) => e.segment === pin.segment && e.rep === pin.rep)) error(optimizeMessage('pinned_and_excluded', { segment: segKey(pin.segment), rep: repId(pin.rep) }, `${segName(pin.segment)} is both pinned to and excluded from ${repName(pin.rep)}`));
    pair[pin.segment * R + pin.rep] = reps[pin.rep]!.active ? 1 : 0;
    pinShare[pin.segment] = pinShare[pin.segment]! + pin.share;
  }
  pinShare.forEach((share, s) => { if (share > 1 + 1e-9) error(optimizeMessage('pins_over_full', { segment: segKey(s), share }, `pins of ${segName(s)} add up to ${fmtPct(share)} of its leads (more than 100%)`)); });

  if (c.loadBand) {
    const [lo, hi] = c.loadBand;
    if (!(lo >= 0 && hi >= lo)) error(optimizeMessage('bad_load_band', { min: String(lo), max: String(hi) }, `load band [${lo}, ${hi}] must satisfy 0 ≤ min ≤ max`));
  }
  if (c.headroom !== undefined && !(c.headroom >= 0 && c.headroom < 1)) error(optimizeMessage('bad_headroom', { value: String(c.headroom) }, `headroom must be a share of capacity in [0, 1) (got ${c.headroom})`));
  if (c.repFloor !== undefined && !(c.repFloor >= 0 && c.repFloor <= 1)) error(optimizeMessage('bad_rep_floor', { value: String(c.repFloor) }, `the floor of each rep's load must be a share of capacity in [0, 1] (got ${c.repFloor})`));
  if (c.valueFloor !== undefined && !(c.valueFloor >= 0)) error(optimizeMessage('bad_value_floor', { value: String(c.valueFloor) }, `value floor must be ≥ 0 (got ${c.valueFloor})`));
  if (c.juniorShare) {
    const { segments: js, atLeast } = c.juniorShare;
    if (!(atLeast >= 0 && atLeast <= 1)) error(optimizeMessage('bad_junior_share', { value: String(atLeast) }, `junior share must be in [0, 1] (got ${atLeast})`));
    for (const s of js) if (!inRange(s, S)) error(optimizeMessage('junior_share_unknown_segment', { segment: s }, `junior share names segment ${s}, which does not exist`));
  }
  if (!(c.maxMinWeight >= 0)) error(optimizeMessage('bad_max_min_weight', { value: String(c.maxMinWeight) }, `max–min weight λ must be ≥ 0 (got ${c.maxMinWeight})`));
  if (problem.overflowPenalty !== undefined && !(problem.overflowPenalty > 0)) error(optimizeMessage('bad_overflow_penalty', { value: String(problem.overflowPenalty) }, `overflow penalty must be > 0 (got ${problem.overflowPenalty})`));
  if (issues.some((i) => i.severity === 'error')) return { normalized: null, issues };

  for (let r = 0; r < R; r++) {
    if (!reps[r]!.active) continue;
    let any = false;
    for (let s = 0; s < S && !any; s++) any = pair[s * R + r] === 1;
    if (!any) warn(optimizeMessage('rep_eligible_for_nothing', { rep: repId(r) }, `${repName(r)} is eligible for no segment and will get no leads`));
  }
  for (let s = 0; s < S; s++) {
    let any = false;
    for (let r = 0; r < R && !any; r++) any = pair[s * R + r] === 1;
    if (!any && segments[s]!.demandPerWeek > 0) warn(optimizeMessage('segment_without_rep', { segment: segKey(s) }, `${segName(s)} has no eligible active rep: all its leads go to the overflow queue`));
  }

  let maxGain = 0;
  for (let s = 0; s < S; s++) for (let r = 0; r < R; r++) maxGain = Math.max(maxGain, p[s * R + r]! * (problem.objective === 'revenue' ? segments[s]!.valuePerWon : 1));
  // Overflow must cost more than any lead can earn (objective + λ·p), else overflowing would pay.
  const overflowPenalty = problem.overflowPenalty ?? 100 * (maxGain + c.maxMinWeight + 1);
  // Above any lead's worth, so the headroom and the floors give way to no gain, and below the
  // overflow's price, so using the headroom always beats queueing a lead.
  const slackPenalty = Math.min(10 * (maxGain + c.maxMinWeight + 1), overflowPenalty / 2);
  return { normalized: { problem, S, R, p, pair, overflowPenalty, slackPenalty, overflowQueue: problem.overflowQueue ?? DEFAULT_OVERFLOW_QUEUE }, issues };
}

function inRange(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/** "r05 刘洋": a rep's id and, when it says more, their name. */
export function repLabel(rep: RepInput): string {
  return rep.name && rep.name !== rep.id ? `${rep.id} ${rep.name}` : rep.id;
}

export function fmtPct(x: number): string {
  return `${+(x * 100).toFixed(1)}%`;
}

export function fmtNum(x: number): string {
  return `${+x.toFixed(2)}`;
}
