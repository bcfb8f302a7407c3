import type { HistoryLeads } from '../model/history';
import { decayMultiplier } from '../estimate/decay';
import type { Rep } from '../model/roster';
import { JUNIOR_TIER } from '../optimize/problem';
import { DEFAULT_WORKING_HOURS, parseAbsence, parseWorkingHours, type WorkingHours } from '../model/working-time';
import { HOURS_PER_WEEK } from './calendar';
import type { ConversionCell, DecayCurveParams, DecayEstimate, Estimates } from '../model/estimates';

/**
 * Everything a replication needs, as plain data that can be posted to a worker (DESIGN §3.3).
 * Built once per simulation from the estimates, the roster and the history; never mutated.
 */
export interface SimulationWorld {
  reps: SimRep[];
  segments: SimSegment[];
  /** Posterior Beta(alpha, beta) of p(segment, rep), row-major segment × rep, one table per scoring fold. */
  posteriors: Posterior[];
  decay: DecayCurveParams & {
    /**
     * The curve's mean multiplier at the history's own response times. The estimated rates are
     * at those times, so the simulator converts with p × decay(h) / reference: a lead touched as
     * fast as history touched it converts at the estimated rate, not at a rate decayed twice.
     */
    reference: number;
    referenceFrom: 'first-touch history' | 'as-is replay';
  };
  arrivals: ArrivalSource;
  horizon: Horizon;
  /** Per segment: 1 when its leads count as high-value for the juniors' share. */
  highValue: Uint8Array;
  highValueRule: string;
}

export interface SimRep {
  id: string;
  name: string;
  capacityPerWeek: number;
  active: boolean;
  /** Away for the whole horizon (the what-if's "rep absent" toggle). */
  absent: boolean;
  junior: boolean;
  inRoster: boolean;
  hours: WorkingHours;
  /** Absences as [from, to) in simulation hours. */
  absences: Array<[number, number]>;
}

export interface SimSegment {
  key: string;
  fields: Record<string, string>;
  /** Revenue per won lead, for leads without a value of their own. */
  valuePerWon: number;
  perWeek: number;
}

/**
 * The posterior of p(segment, rep), for draws. Each cell keeps the estimate's own posterior
 * Beta(alpha, beta) as its marginal (approximated on the logit scale by a normal with the same
 * centre and the Beta's logit variance, 1/alpha + 1/beta), and cells are correlated through what
 * they share: the uncertainty of their segment's level and of their rep's effect, weighted by how
 * much of the cell's estimate is prior (src/estimate/conversion.ts). A replication draws one
 * normal per segment, one per rep and one per cell: a cell with much data of its own moves
 * alone, a thin cell moves with its segment and rep, and a difference between two policies is
 * not blurred by uncertainty both share.
 */
export interface Posterior {
  /** Per segment × rep, row-major: centre and spread on the logit scale, and the correlations. */
  logitMean: Float64Array;
  logitSd: Float64Array;
  /** Loadings of the cell's normal on its segment's and its rep's shared normals. */
  segmentLoading: Float64Array;
  repLoading: Float64Array;
}

export type ArrivalSource =
  | {
      kind: 'history';
      /** Per historical lead: segment, hour within its week, value (NaN: none), owner as a world rep index or -1. */
      segment: Uint32Array;
      hourInWeek: Float64Array;
      value: Float64Array;
      owner: Int32Array;
      /** Complete historical weeks as [first lead, end) index ranges into the arrays above. */
      weekStarts: Uint32Array;
      weekEnds: Uint32Array;
    }
  | {
      kind: 'fitted';
      /** Share of arrivals in each hour of the week (168, sums to 1). */
      hourOfWeek: Float64Array;
      /** Per segment × world rep: share of the segment's history each rep had (the as-is owner draw). */
      ownerShare: Float64Array;
    }
  | {
      kind: 'replay';
      /** Fixed arrivals (a backtest's held-out leads): hour since the start, segment, value, owner. */
      time: Float64Array;
      segment: Uint32Array;
      value: Float64Array;
      owner: Int32Array;
    };

export interface Horizon {
  weeks: number;
  /** Weeks simulated before the counted ones, so queues do not start empty. */
  warmUpWeeks: number;
  volumeMultiplier: number;
  slaHours: number;
  reclaimAfterHours: number;
  /** A lead is reclaimed at most this often; then it stays with its last rep. */
  maxReclaims: number;
  /**
   * Share of a lead's work (hours per week ÷ capacity) the first touch takes: the service time of
   * the rep's first-touch queue. An assumption (a quarter), stated in the output.
   */
  touchShare: number;
  /**
   * Working hours between a rep reaching a lead in their queue and touching it (reading, looking
   * the company up, the rep's habits). Calibrated so the as-is replay at the history's volume matches its median
   * time to first touch when the history has it; NaN until then.
   */
  touchLatencyHours: number;
  /** The history's median hours to first touch, NaN without first-touch times. */
  historyTouchP50: number;
  /** Hours a touched lead stays open (the median sales cycle of the history), for least-loaded and maxOpen. */
  cycleHours: number;
}

export const DEFAULT_CYCLE_HOURS = 14 * 24;
/** A first touch takes a quarter of a lead's work; the rest is the follow-up after it. */
export const DEFAULT_TOUCH_SHARE = 0.25;
const MIN_HISTORY_WEEKS = 4;

export interface WorldOptions {
  estimatesByFold: Estimates[];
  /** The estimates of all the history: demand, value per win, decay. */
  estimates: Estimates;
  roster: readonly Rep[];
  history: HistoryLeads;
  horizon: Omit<Horizon, 'cycleHours' | 'warmUpWeeks' | 'maxReclaims' | 'touchShare' | 'touchLatencyHours' | 'historyTouchP50'> & Partial<Pick<Horizon, 'warmUpWeeks' | 'maxReclaims'>>;
  arrivals: 'history' | 'fitted';
  /** Reps away for the whole horizon, by id. */
  absent?: readonly string[];
  /** Segment keys whose leads count as high-value; absent: the top quarter of lead values. */
  highValueSegments?: readonly string[];
  /** The first simulated Monday, epoch ms of the data's clock; absences are placed against it. */
  startMs?: number;
}

export function buildWorld(options: WorldOptions): SimulationWorld {
  const { estimates, roster, history } = options;
  const inRoster = new Set(roster.map((r) => r.rep_id));
  const absent = new Set(options.absent ?? []);
  const startMs = options.startMs ?? nextMonday(history.created.length ? history.created[history.created.length - 1]! : 0);
  const reps: SimRep[] = [
    ...roster.map((r) => ({
      id: r.rep_id, name: r.name, capacityPerWeek: r.capacity_per_week, active: r.active, absent: absent.has(r.rep_id),
      junior: r.tier.toLowerCase() === JUNIOR_TIER, inRoster: true,
      hours: parseWorkingHours(r.working_hours) ?? DEFAULT_WORKING_HOURS,
      absences: r.absences.flatMap((text) => absenceHours(text, startMs)),
    })),
    // Owners of the history who left the roster: "as is" replays their leads; no other policy routes to them.
    ...history.owners.filter((o) => !inRoster.has(o)).map((o) => ({
      id: o, name: o, capacityPerWeek: 0, active: false, absent: false, junior: false, inRoster: false, hours: DEFAULT_WORKING_HOURS, absences: [],
    })),
  ];
  const repIndex = new Map(reps.map((r, i) => [r.id, i]));
  const segments: SimSegment[] = estimates.segments.map((s) => ({ key: s.key, fields: s.fields, valuePerWon: s.revenuePerWin.perWin ?? 0, perWeek: s.perWeek }));
  const segmentIndex = new Map(segments.map((s, i) => [s.key, i]));
  const ownerToRep = Int32Array.from(history.owners, (o) => repIndex.get(o) ?? -1);
  const posteriors = options.estimatesByFold.map((e) => posteriorTable(e.conversion, segments, reps, e));
  const highValue = highValueFlags(options.highValueSegments, segments, history, segmentIndex);

  return {
    reps,
    segments,
    posteriors,
    decay: { floor: estimates.decay.floor, tauHours: estimates.decay.tauHours, ...historicalReference(estimates.decay) },
    arrivals: options.arrivals === 'history' ? historyArrivals(history, segmentIndex, ownerToRep) ?? fittedArrivals(estimates, segments, reps) : fittedArrivals(estimates, segments, reps),
    horizon: {
      warmUpWeeks: 1,
      maxReclaims: 2,
      ...options.horizon,
      cycleHours: median(history.cycleHours) ?? DEFAULT_CYCLE_HOURS,
      touchShare: DEFAULT_TOUCH_SHARE,
      touchLatencyHours: NaN,
      historyTouchP50: median(history.touchHours) ?? NaN,
    },
    highValue: highValue.flags,
    highValueRule: highValue.rule,
  };
}

const Z90 = 1.6448536269514722;
const logit = (p: number) => Math.log(p / (1 - p));
/** The shared parts never explain more than this of a cell's variance: each cell keeps some noise of its own. */
const MAX_SHARED = 0.95;

function posteriorTable(cells: ConversionCell[], segments: SimSegment[], reps: SimRep[], estimates: Estimates): Posterior {
  const S = segments.length, R = reps.length;
  const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));
  const segmentSd = new Map(estimates.segments.map((s) => [s.key, (logit(clamp(s.rate.hi)) - logit(clamp(s.rate.lo))) / (2 * Z90)]));
  const repSd = new Map(estimates.reps.map((r) => [r.rep, (r.hi - r.lo) / (2 * Z90)]));
  const index = new Map<string, Map<string, ConversionCell>>();
  for (const c of cells) {
    const row = index.get(c.segment) ?? new Map<string, ConversionCell>();
    row.set(c.rep, c);
    index.set(c.segment, row);
  }
  const out: Posterior = {
    logitMean: new Float64Array(S * R), logitSd: new Float64Array(S * R), segmentLoading: new Float64Array(S * R), repLoading: new Float64Array(S * R),
  };
  segments.forEach((seg, s) => reps.forEach((rep, r) => {
    const i = s * R + r;
    const cell = index.get(seg.key)?.get(rep.id);
    if (!cell) throw new Error(`no conversion estimate for ${seg.key} × ${rep.id}`);
    const sd = Math.sqrt(1 / cell.alpha + 1 / cell.beta);
    // The prior's weight in the cell's estimate: what the cell inherits from its segment and rep.
    const priorWeight = Math.max(0, cell.alpha + cell.beta - cell.n) / (cell.alpha + cell.beta);
    const segmentShare = (priorWeight * (segmentSd.get(seg.key) ?? 0) / sd) ** 2;
    const repShare = (priorWeight * (repSd.get(rep.id) ?? estimates.model.repSpread.mean) / sd) ** 2;
    const scale = Math.min(1, MAX_SHARED / Math.max(segmentShare + repShare, 1e-12));
    out.logitMean[i] = logit(clamp(cell.mean));
    out.logitSd[i] = sd;
    out.segmentLoading[i] = Math.sqrt(segmentShare * scale);
    out.repLoading[i] = Math.sqrt(repShare * scale);
  }));
  return out;
}

/** The mean multiplier over the decided leads the curve was fitted on; without them the as-is replay calibrates it. */
function historicalReference(decay: DecayEstimate): { reference: number; referenceFrom: SimulationWorld['decay']['referenceFrom'] } {
  const decided = decay.points.reduce((s, p) => s + p.decided, 0);
  if (decided === 0) return { reference: NaN, referenceFrom: 'as-is replay' };
  const weighted = decay.points.reduce((s, p) => s + p.decided * decayMultiplier(decay, p.meanHours), 0);
  return { reference: weighted / decided, referenceFrom: 'first-touch history' };
}

const WEEK_MS = HOURS_PER_WEEK * 3_600_000;
/** 1970-01-05 was a Monday. */
const MONDAY_MS = 4 * 86_400_000;

function weekOf(ms: number): number {
  return Math.floor((ms - MONDAY_MS) / WEEK_MS);
}

function nextMonday(ms: number): number {
  return (weekOf(ms) + 1) * WEEK_MS + MONDAY_MS;
}

function historyArrivals(history: HistoryLeads, segmentIndex: Map<string, number>, ownerToRep: Int32Array): ArrivalSource | null {
  const n = history.created.length;
  if (n === 0) return null;
  const firstWeek = weekOf(history.created[0]!);
  const lastWeek = weekOf(history.created[n - 1]!);
  const starts: number[] = [], ends: number[] = [];
  const hourInWeek = new Float64Array(n);
  const segment = new Uint32Array(n);
  const owner = new Int32Array(n);
  let i = 0;
  for (let week = firstWeek; week <= lastWeek; week++) {
    const start = i;
    while (i < n && weekOf(history.created[i]!) === week) {
      hourInWeek[i] = (history.created[i]! - (week * WEEK_MS + MONDAY_MS)) / 3_600_000;
      segment[i] = segmentIndex.get(history.segments[history.segment[i]!]!) ?? 0;
      owner[i] = history.owner[i]! < 0 ? -1 : ownerToRep[history.owner[i]!]!;
      i++;
    }
    // The first and last weeks are usually cut short by the export: they would thin the resample.
    if (week !== firstWeek && week !== lastWeek) {
      starts.push(start);
      ends.push(i);
    }
  }
  if (starts.length < MIN_HISTORY_WEEKS) return null;
  return { kind: 'history', segment, hourInWeek, value: history.value, owner, weekStarts: Uint32Array.from(starts), weekEnds: Uint32Array.from(ends) };
}

function fittedArrivals(estimates: Estimates, segments: SimSegment[], reps: SimRep[]): ArrivalSource {
  const { weekday, hour } = estimates.arrivals;
  const hourOfWeek = new Float64Array(HOURS_PER_WEEK);
  let total = 0;
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) total += hourOfWeek[d * 24 + h] = (weekday[d] ?? 0) * (hour[h] ?? 0);
  if (total > 0) hourOfWeek.forEach((x, i) => (hourOfWeek[i] = x / total));
  else hourOfWeek.fill(1 / HOURS_PER_WEEK);
  const R = reps.length;
  const ownerShare = new Float64Array(segments.length * R);
  const repIndex = new Map(reps.map((r, i) => [r.id, i]));
  const segmentIndex = new Map(segments.map((s, i) => [s.key, i]));
  for (const cell of estimates.conversion) {
    const s = segmentIndex.get(cell.segment), r = repIndex.get(cell.rep);
    if (s !== undefined && r !== undefined) ownerShare[s * R + r] = cell.n;
  }
  return { kind: 'fitted', hourOfWeek, ownerShare };
}

function highValueFlags(named: readonly string[] | undefined, segments: SimSegment[], history: HistoryLeads, segmentIndex: Map<string, number>) {
  const flags = new Uint8Array(segments.length);
  if (named && named.length) {
    for (const key of named) {
      const s = segmentIndex.get(key);
      if (s !== undefined) flags[s] = 1;
    }
    return { flags, rule: `the segments the scenario's junior share names (${named.join(', ')})` };
  }
  // Without named segments: the segments whose median lead value is in the top quarter of segments.
  const valuesOf = segments.map((): number[] => []);
  for (let i = 0; i < history.segment.length; i++) {
    const s = segmentIndex.get(history.segments[history.segment[i]!]!);
    if (s !== undefined && Number.isFinite(history.value[i]!)) valuesOf[s]!.push(history.value[i]!);
  }
  const medians = valuesOf.map((values, s) => {
    values.sort((a, b) => a - b);
    return values.length ? values[values.length >> 1]! : segments[s]!.valuePerWon;
  });
  const cut = [...medians].sort((a, b) => a - b)[Math.floor(0.75 * medians.length)] ?? Infinity;
  medians.forEach((m, s) => (flags[s] = m >= cut && m > 0 ? 1 : 0));
  return { flags, rule: 'segments whose median lead value is in the top quarter of segments' };
}

/** A roster absence in simulation hours since `startMs`, end exclusive; none when unreadable (the roster reader refuses those). */
export function absenceHours(text: string, startMs: number): Array<[number, number]> {
  const range = parseAbsence(text);
  if (!range) return [];
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`) + 86_400_000;
  return [[(from - startMs) / 3_600_000, (to - startMs) / 3_600_000]];
}

function median(values: Float64Array): number | null {
  const finite = values.filter((h) => Number.isFinite(h)).sort();
  return finite.length ? finite[finite.length >> 1]! : null;
}
