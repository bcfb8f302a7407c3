import { createRng } from './random';
import type { TeamMember, Tier } from './team';
import { PRODUCTS, REGIONS, SEGMENTS, segmentKey, type Product, type Region, type SegmentKey } from './vocabulary';

/**
 * The planted conversion model:
 *
 *   p(won) = logistic(segmentBase[s] + repSkill[r] + repSegmentEffect[r][s]) × decay(hoursToFirstTouch)
 *
 * and a lead never touched is never won. Everything here is written to truth.json so tests can
 * check that Allot's estimates recover it.
 */

/** Response-time decay: multiplier = floor + (1 - floor) · exp(-hours / tauHours). */
export interface DecayCurve {
  formula: 'floor + (1 - floor) * exp(-hours / tauHours)';
  floor: number;
  tauHours: number;
}

export const DECAY: DecayCurve = {
  formula: 'floor + (1 - floor) * exp(-hours / tauHours)',
  floor: 0.35,
  tauHours: 8,
};

export function decayMultiplier(curve: DecayCurve, hours: number): number {
  return curve.floor + (1 - curve.floor) * Math.exp(-hours / curve.tauHours);
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Product drives most of the base rate: small deals close more often. */
const PRODUCT_BASE: Record<Product, number> = { Starter: -0.85, Pro: -1.3, Enterprise: -1.7 };
const REGION_SHIFT: Record<Region, number> = { East: 0.1, North: 0, South: -0.1 };

/** One planted rep × segment effect, with the story a sales manager would tell about it. */
export interface PlantedEffect {
  rep_id: string;
  segment: SegmentKey;
  effect: number;
  story: string;
}

const PLANTED: readonly PlantedEffect[] = [
  { rep_id: 'r03', segment: 'East|Enterprise', effect: 0.9, story: 'junior who came from an enterprise vendor: the hidden gem for big East deals' },
  { rep_id: 'r01', segment: 'East|Starter', effect: -0.6, story: 'senior who neglects small deals' },
  { rep_id: 'r02', segment: 'East|Pro', effect: -0.5, story: 'mid rep weak on the Pro pitch' },
  { rep_id: 'r12', segment: 'East|Pro', effect: 0.8, story: 'South rep who is a Pro specialist; sees East Pro leads only by overflow, so few of them' },
  { rep_id: 'r07', segment: 'North|Pro', effect: 0.8, story: 'Pro specialist in the North' },
  { rep_id: 'r06', segment: 'North|Enterprise', effect: 0.6, story: 'senior with strong enterprise relationships' },
  { rep_id: 'r09', segment: 'North|Enterprise', effect: -0.7, story: 'good overall, but loses large accounts' },
  { rep_id: 'r11', segment: 'South|Enterprise', effect: 1.0, story: 'the South enterprise closer' },
  { rep_id: 'r13', segment: 'South|Starter', effect: 0.6, story: 'junior with a fast, high-volume small-deal style' },
  { rep_id: 'r15', segment: 'South|Pro', effect: -0.6, story: 'junior out of depth on Pro' },
];

/** Cells without a planted effect get small noise: real teams are never exactly equal. */
const CELL_NOISE_SD = 0.08;

export interface TruthRep {
  rep_id: string;
  name: string;
  region: Region;
  tier: Tier;
  joined: string | null;
  left: string | null;
  skill: number;
}

export interface ConversionTruth {
  formula: string;
  segmentBase: Record<SegmentKey, number>;
  /** logistic(segmentBase): the rate for an average rep touching the lead at once. */
  segmentBaseRate: Record<SegmentKey, number>;
  reps: TruthRep[];
  /** Every rep × segment cell, planted or noise; log-odds. */
  repSegmentEffects: Record<string, Record<SegmentKey, number>>;
  /** The substantial effects an optimizer should find, largest first. */
  planted: PlantedEffect[];
  decay: DecayCurve;
  untouched: string;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * Builds the conversion truth. `effectScale` 1 plants the effects above; 0 gives the control world
 * where reps do not differ at all (no skill, no cell effects), where no policy should show a gain.
 */
export function buildConversionTruth(seed: number, team: readonly TeamMember[], effectScale: number): ConversionTruth {
  const rng = createRng(seed, 1);
  const segmentBase = {} as Record<SegmentKey, number>;
  const segmentBaseRate = {} as Record<SegmentKey, number>;
  for (const region of REGIONS) {
    for (const product of PRODUCTS) {
      const key = segmentKey(region, product);
      segmentBase[key] = round(PRODUCT_BASE[product] + REGION_SHIFT[region], 3);
      segmentBaseRate[key] = round(logistic(segmentBase[key]), 4);
    }
  }
  const repSegmentEffects: Record<string, Record<SegmentKey, number>> = {};
  for (const member of team) {
    const cells = {} as Record<SegmentKey, number>;
    for (const seg of SEGMENTS) {
      // Draw the noise for every cell, planted or not, so the sequence does not depend on which
      // cells are planted.
      const noise = rng.normal(0, CELL_NOISE_SD);
      const planted = PLANTED.find((p) => p.rep_id === member.row.rep_id && p.segment === seg);
      cells[seg] = round((planted ? planted.effect : noise) * effectScale, 2) + 0;
    }
    repSegmentEffects[member.row.rep_id] = cells;
  }
  return {
    formula: 'p(won) = logistic(segmentBase[segment] + reps[rep].skill + repSegmentEffects[rep][segment]) * decay(hoursToFirstTouch)',
    segmentBase,
    segmentBaseRate,
    reps: team.map((m) => ({
      rep_id: m.row.rep_id,
      name: m.row.name,
      region: m.region,
      tier: m.row.tier,
      joined: m.joined,
      left: m.left,
      skill: round(m.skill, 3) + 0,
    })),
    repSegmentEffects,
    planted: effectScale === 0 ? [] : PLANTED.map((p) => ({ ...p, effect: round(p.effect * effectScale, 2) })).sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)),
    decay: DECAY,
    untouched: 'a lead never touched is never won; it is closed Lost 30 days after creation, or still Open if younger',
  };
}

/** Log-odds of winning for rep × segment before response-time decay. */
export function conversionLogit(truth: ConversionTruth, repIndex: number, seg: SegmentKey): number {
  const rep = truth.reps[repIndex];
  if (!rep) throw new Error(`no rep at index ${repIndex}`);
  return truth.segmentBase[seg] + rep.skill + (truth.repSegmentEffects[rep.rep_id]?.[seg] ?? 0);
}
