/**
 * The readout of a rollout experiment (DESIGN §3.4): on the leads created since the rollout, the
 * candidate's effect over the control in conversions per lead, adjusted for the segment mix, with
 * a 90% interval.
 *
 * A lead converts when it is won within `windowDays` of its creation. A lead younger than the
 * window has not had its chance yet: it is left out and counted, never read as lost. A won lead
 * with no close date is counted as won in the window (the export cannot say when), and counted so.
 *
 * The adjustment is post-stratification: each segment's difference between the arms, weighted by
 * the segment's share of the leads read out. Randomisation makes the arms' mixes equal on
 * average; weighting by segment removes what chance left, and the interval narrows by what the
 * segments explain. Segments that only one arm reached cannot be compared and are left out, counted.
 */
export const READOUT_LEVEL = 0.9;
/** Two-sided 90%: the 95th percentile of the standard normal. */
const Z90 = 1.6448536269514722;

export type Arm = 'control' | 'candidate';

export interface ReadoutLead {
  arm: Arm;
  /** Index of the lead's segment (any labelling; only equality matters). */
  segment: number;
  /** 1 won, 0 lost, −1 still open. */
  outcome: 1 | 0 | -1;
  /** Days from creation to the data's as-of moment. */
  ageDays: number;
  /** Days from creation to the win, NaN when not won or the export has no close date. */
  daysToWin: number;
}

export interface ArmCount {
  /** Leads old enough to read out. */
  leads: number;
  /** Of them, won within the window. */
  converted: number;
  /** The arm's conversion per lead, raw (not adjusted). */
  rate: number;
}

export interface Readout {
  windowDays: number;
  control: ArmCount;
  candidate: ArmCount;
  /** Candidate − control, conversions per lead, adjusted for the segment mix; NaN when nothing can be compared. */
  effect: number;
  low: number;
  high: number;
  standardError: number;
  level: number;
  /** Leads left out: created less than the window before the as-of moment (their outcome is not known yet). */
  tooYoung: number;
  /** Leads left out: in a segment only one arm reached. */
  unmatched: number;
  /** Won leads counted as won in the window for want of a close date. */
  wonWithoutDate: number;
  /** Segments compared. */
  segments: number;
}

export function readOut(leads: readonly ReadoutLead[], windowDays: number): Readout {
  if (!(windowDays > 0)) throw new RangeError(`the readout window must be positive, got ${windowDays}`);
  const cells = new Map<number, { n: [number, number]; x: [number, number] }>();
  const raw = { control: { leads: 0, converted: 0 }, candidate: { leads: 0, converted: 0 } };
  let tooYoung = 0, wonWithoutDate = 0;
  for (const lead of leads) {
    if (!(lead.ageDays >= windowDays)) {
      tooYoung++;
      continue;
    }
    const won = lead.outcome === 1 && (Number.isNaN(lead.daysToWin) || lead.daysToWin <= windowDays);
    if (lead.outcome === 1 && Number.isNaN(lead.daysToWin)) wonWithoutDate++;
    const k = lead.arm === 'candidate' ? 1 : 0;
    let cell = cells.get(lead.segment);
    if (!cell) cells.set(lead.segment, (cell = { n: [0, 0], x: [0, 0] }));
    cell.n[k]++;
    if (won) cell.x[k]++;
    raw[lead.arm].leads++;
    if (won) raw[lead.arm].converted++;
  }
  let matched = 0, unmatched = 0;
  for (const { n } of cells.values()) {
    if (n[0] > 0 && n[1] > 0) matched += n[0] + n[1];
    else unmatched += n[0] + n[1];
  }
  let effect = 0, variance = 0, segments = 0;
  const compared = [...cells.values()].filter(({ n }) => n[0] > 0 && n[1] > 0);
  for (const { n, x } of compared) {
    segments++;
    const w = (n[0] + n[1]) / matched;
    effect += w * (x[1] / n[1] - x[0] / n[0]);
    variance += w * w * (cellVariance(x[1], n[1]) + cellVariance(x[0], n[0]));
  }
  // The mix itself was drawn: the effect asked about is the one over the segments' shares of all
  // leads, not of these. What the shares' chance moves adds Σ w (δ − effect)² / N.
  for (const { n, x } of compared) {
    const w = (n[0] + n[1]) / matched;
    variance += (w * (x[1] / n[1] - x[0] / n[0] - effect) ** 2) / matched;
  }
  const standardError = Math.sqrt(variance);
  if (segments === 0) effect = NaN;
  const count = (arm: { leads: number; converted: number }): ArmCount => ({ ...arm, rate: arm.leads ? arm.converted / arm.leads : NaN });
  return {
    windowDays,
    control: count(raw.control),
    candidate: count(raw.candidate),
    effect,
    low: effect - Z90 * standardError,
    high: effect + Z90 * standardError,
    standardError,
    level: READOUT_LEVEL,
    tooYoung,
    unmatched,
    wonWithoutDate,
    segments,
  };
}

/**
 * The variance of a cell's rate, with the rate pulled half a lead toward ½ (Agresti–Caffo): a
 * small cell with no win, or only wins, would otherwise claim no uncertainty at all.
 */
function cellVariance(converted: number, leads: number): number {
  const p = (converted + 0.5) / (leads + 1);
  return (p * (1 - p)) / Math.max(1, leads - 1);
}
