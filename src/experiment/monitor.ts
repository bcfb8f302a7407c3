/**
 * The monitor of a deployed policy (DESIGN §3.4): week by week since the rollout, the leads won
 * within the outcome window against the band the estimates give for those very leads (their
 * segments, the reps who got them), the share of first touches past the SLA, and, over the weeks
 * read, each rep's load against Compare's forecast. A week outside its band is flagged with what
 * moved most: a segment's volume against its forecast demand, or a rep's conversion against the
 * estimate.
 *
 * The band of a week is the 90% interval of Σ p over its leads, with p the chance to be won within
 * the window (the estimate × the history's share of wins closed within it): the binomial spread
 * of the wins and the estimates' own uncertainty (each cell's Beta posterior, cells independent).
 * Weeks whose leads are not all as old as the window are shown, not judged.
 */
import type { ConversionCell, Estimates } from '../model/estimates';
import type { Interval } from '../model/comparison';

const Z90 = 1.6448536269514722;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** A segment's volume counts as moved only with at least this many leads expected or seen in the week. */
const MIN_VOLUME = 5;

export interface MonitorLead {
  createdMs: number;
  segment: string;
  owner: string | null;
  outcome: 1 | 0 | -1;
  /** Days from creation to the win; NaN when not won or unknown. */
  daysToWin: number;
  /** Hours from creation to the first touch; NaN when untouched or unknown. */
  touchHours: number;
}

export interface MonitorOptions {
  asOfMs: number;
  windowDays: number;
  /** Share of the history's wins closed within the window (1 when the history has no close dates). */
  inWindowShare: number;
  /** The estimates the policy was chosen on: each cell's rate, each segment's leads per week. */
  estimates: Estimates;
  /** The scenario's volume what-if, applied to each segment's forecast leads per week. */
  volumeMultiplier: number;
  slaHours: number;
  /** Compare's forecast for the deployed policy: the SLA breach rate, and each rep's leads per week. */
  slaBreach: Interval | null;
  repLoad: Record<string, Interval>;
}

export type Moved =
  | { kind: 'segment_volume'; segment: string; leads: number; expected: number }
  | { kind: 'rep_rate'; rep: string; leads: number; won: number; expected: number };

export interface MonitorWeek {
  week: number;
  fromMs: number;
  leads: number;
  /** False while some of the week's leads are younger than the window: shown, not judged. */
  complete: boolean;
  won: number;
  expected: number;
  lo: number;
  hi: number;
  outside: 'above' | 'below' | null;
  moved: Moved | null;
  /** Leads first touched later than the SLA, or never, over the week's leads; NaN when the export has no first touch in the week. */
  slaBreachRate: number;
  slaOutside: 'above' | 'below' | null;
}

export interface MonitorRep {
  rep: string;
  leadsPerWeek: number;
  forecast: Interval | null;
  outside: 'above' | 'below' | null;
}

export interface MonitorReport {
  windowDays: number;
  weeks: MonitorWeek[];
  reps: MonitorRep[];
}

export function monitor(leads: readonly MonitorLead[], options: MonitorOptions): MonitorReport {
  const { asOfMs, windowDays, inWindowShare, estimates, volumeMultiplier, slaHours, slaBreach, repLoad } = options;
  if (leads.length === 0) return { windowDays, weeks: [], reps: [] };
  // Loops, not Math.min(...): a spread of a big export's leads overflows the call stack.
  let start = Infinity, last = -Infinity;
  for (const lead of leads) {
    start = Math.min(start, lead.createdMs);
    last = Math.max(last, lead.createdMs);
  }
  const cells = new Map(estimates.conversion.map((c) => [`${c.segment}\u0000${c.rep}`, c] as const));
  const segmentRate = new Map(estimates.segments.map((s) => [s.key, s.rate.mean] as const));
  const demand = new Map(estimates.segments.map((s) => [s.key, s.perWeek * volumeMultiplier] as const));
  const chance = (segment: string, owner: string | null) => {
    const cell = owner === null ? undefined : cells.get(`${segment}\u0000${owner}`);
    return cell ? { p: cell.mean * inWindowShare, v: betaVariance(cell) * inWindowShare ** 2, cell } : { p: (segmentRate.get(segment) ?? 0) * inWindowShare, v: 0, cell: undefined };
  };
  const byWeek = new Map<number, MonitorLead[]>();
  for (const lead of leads) {
    const w = Math.floor((lead.createdMs - start) / WEEK_MS);
    (byWeek.get(w) ?? byWeek.set(w, []).get(w)!).push(lead);
  }
  const weeks = [...byWeek.keys()].sort((a, b) => a - b).map((week): MonitorWeek => {
    const own = byWeek.get(week)!;
    const fromMs = start + week * WEEK_MS;
    const complete = asOfMs - (fromMs + WEEK_MS) >= windowDays * DAY_MS;
    let won = 0, expected = 0, binomial = 0, breaches = 0, touchKnown = 0;
    const cellUse = new Map<ConversionCell | string, { n: number; v: number }>();
    for (const lead of own) {
      const { p, v, cell } = chance(lead.segment, lead.owner);
      expected += p;
      binomial += p * (1 - p);
      const use = cellUse.get(cell ?? lead.segment) ?? { n: 0, v };
      use.n++;
      cellUse.set(cell ?? lead.segment, use);
      if (lead.outcome === 1 && !(lead.daysToWin > windowDays)) won++;
      if (!Number.isNaN(lead.touchHours)) touchKnown++;
      if (!(lead.touchHours <= slaHours)) breaches++;
    }
    // A cell's error moves all its leads together: n² × Var(p) per cell.
    const parameter = [...cellUse.values()].reduce((sum, { n, v }) => sum + n * n * v, 0);
    const sd = Math.sqrt(binomial + parameter);
    const [lo, hi] = [Math.max(0, expected - Z90 * sd), expected + Z90 * sd];
    const outside = !complete ? null : won > hi ? 'above' : won < lo ? 'below' : null;
    // No first touch known in the whole week: the export does not say, which is not a breach.
    const slaBreachRate = touchKnown ? breaches / own.length : NaN;
    const slaOutside = !complete || !slaBreach || Number.isNaN(slaBreachRate) ? null : slaBreachRate > slaBreach.hi ? 'above' : slaBreachRate < slaBreach.lo ? 'below' : null;
    return { week, fromMs, leads: own.length, complete, won, expected, lo, hi, outside, moved: outside ? whatMoved(own, demand, chance, windowDays) : null, slaBreachRate, slaOutside };
  });
  const span = Math.max(1, (Math.min(asOfMs, last) - start) / WEEK_MS);
  const counts = new Map<string, number>();
  for (const lead of leads) if (lead.owner !== null) counts.set(lead.owner, (counts.get(lead.owner) ?? 0) + 1);
  const reps = [...new Set([...counts.keys(), ...Object.keys(repLoad)])].sort().map((rep): MonitorRep => {
    const leadsPerWeek = (counts.get(rep) ?? 0) / span;
    const forecast = repLoad[rep] ?? null;
    return { rep, leadsPerWeek, forecast, outside: !forecast ? null : leadsPerWeek > forecast.hi ? 'above' : leadsPerWeek < forecast.lo ? 'below' : null };
  });
  return { windowDays, weeks, reps };
}

/** The biggest departure in the week: a segment's volume (relative to its demand) or a rep's wins (in standard deviations). */
function whatMoved(
  leads: readonly MonitorLead[],
  demand: Map<string, number>,
  chance: (segment: string, owner: string | null) => { p: number },
  windowDays: number,
): Moved | null {
  const volume = new Map<string, number>();
  for (const lead of leads) volume.set(lead.segment, (volume.get(lead.segment) ?? 0) + 1);
  let best: { score: number; moved: Moved } | null = null;
  for (const segment of new Set([...volume.keys(), ...demand.keys()])) {
    const n = volume.get(segment) ?? 0, expected = demand.get(segment) ?? 0;
    if (Math.max(n, expected) < MIN_VOLUME) continue;
    // Poisson: (n − E) / √E, so a large segment's small drift does not outrank a real jump.
    const score = Math.abs(n - expected) / Math.sqrt(Math.max(expected, 1));
    if (!best || score > best.score) best = { score, moved: { kind: 'segment_volume', segment, leads: n, expected } };
  }
  const reps = new Map<string, { n: number; won: number; expected: number; variance: number }>();
  for (const lead of leads) {
    if (lead.owner === null) continue;
    const r = reps.get(lead.owner) ?? { n: 0, won: 0, expected: 0, variance: 0 };
    const { p } = chance(lead.segment, lead.owner);
    r.n++;
    r.expected += p;
    r.variance += p * (1 - p);
    if (lead.outcome === 1 && !(lead.daysToWin > windowDays)) r.won++;
    reps.set(lead.owner, r);
  }
  for (const [rep, r] of reps) {
    const score = Math.abs(r.won - r.expected) / Math.sqrt(Math.max(r.variance, 0.25));
    if (!best || score > best.score) best = { score, moved: { kind: 'rep_rate', rep, leads: r.n, won: r.won, expected: r.expected } };
  }
  return best?.moved ?? null;
}

function betaVariance({ alpha, beta }: ConversionCell): number {
  const s = alpha + beta;
  return (alpha * beta) / (s * s * (s + 1));
}

/** Share of the history's won leads closed within `windowDays` of creation; 1 when none has a close date. */
export function wonWithinShare(cycleHours: ArrayLike<number>, outcome: ArrayLike<number>, windowDays: number): number {
  let won = 0, inside = 0;
  for (let i = 0; i < outcome.length; i++) {
    if (outcome[i] !== 1 || Number.isNaN(cycleHours[i]!)) continue;
    won++;
    if (cycleHours[i]! <= windowDays * 24) inside++;
  }
  return won ? inside / won : 1;
}
