import { z } from 'zod';

/**
 * What `estimate` learns from a history (DESIGN §3.1): the engine's output that the optimizer,
 * the simulator, the CLI and the model step read, and that crosses the worker boundary. The
 * schemas are the source; the types are inferred from them.
 */

const count = z.number().int().nonnegative();

/** A posterior mean with its 90% interval. */
export const EstimateIntervalSchema = z.strictObject({
  mean: z.number(),
  lo: z.number(),
  hi: z.number(),
});

/** Conversion p(segment, rep) of one cell, after shrinkage toward its segment and rep. */
export const ConversionCellSchema = z.strictObject({
  segment: z.string(),
  rep: z.string(),
  /** Posterior mean and 90% interval of p. */
  mean: z.number(),
  lo: z.number(),
  hi: z.number(),
  /** Evidence: decided leads of this rep in this segment, and the wins among them. */
  n: count,
  won: count,
  /** won / n, the unpooled rate; null when n = 0. */
  raw: z.number().nullable(),
  /** logistic(segment + rep): what the cell is pulled toward. */
  prior: z.number(),
  /** The cell was never seen: the estimate is the prior alone. */
  priorOnly: z.boolean(),
  /** The posterior Beta(alpha, beta) of p, for draws in the simulator and forecasts. */
  alpha: z.number(),
  beta: z.number(),
});

export const RepEffectSchema = z.strictObject({
  rep: z.string(),
  n: count,
  won: count,
  /** Log-odds relative to the average rep on the same segments; 90% interval. */
  effect: z.number(),
  lo: z.number(),
  hi: z.number(),
  /** The 90% interval excludes 0. */
  significant: z.boolean(),
  seen: z.boolean(),
});

/** The conversion model's hyper-parameters: how much reps, segments and cells differ. */
export const ModelHyperSchema = z.strictObject({
  /** Spread of true rep effects and of segment logits (posterior mean of τ, 90% interval). */
  repSpread: EstimateIntervalSchema,
  segmentSpread: EstimateIntervalSchema,
  /** κ: a cell's prior is worth this many decided leads. */
  cellStrength: z.number(),
});

/** Stated in every decay estimate, so a reader of the JSON can recompute the curve. */
export const DECAY_FORMULA = 'floor + (1 - floor) * exp(-hours / tauHours)';

/** multiplier(h) = floor + (1 − floor)·exp(−h / τ): the share of a lead's chance left after h hours. */
export const DecayCurveParamsSchema = z.strictObject({
  floor: z.number(),
  tauHours: z.number(),
});

/** One bucket of first-touch hours the curve was fitted to, for plotting against it. */
export const DecayPointSchema = z.strictObject({
  fromHours: z.number(),
  /** Null for the last, open-ended bucket. */
  toHours: z.number().nullable(),
  meanHours: z.number(),
  decided: count,
  won: count,
  expectedWon: z.number(),
  /** Conversion relative to an instant touch, on the same scale as the curve (for plotting). */
  relative: z.number(),
});

export const DecayEstimateSchema = DecayCurveParamsSchema.extend({
  /** `scenario`: the user's own curve from the scenario file, kept over any fit. */
  source: z.enum(['fitted', 'preset', 'scenario']),
  formula: z.literal(DECAY_FORMULA),
  points: z.array(DecayPointSchema),
  /** Decided leads never touched, and the wins among them. */
  untouched: z.strictObject({ decided: count, won: count }),
  note: z.string(),
});

/** When leads arrive in the week and the day. */
export const ArrivalShapeSchema = z.strictObject({
  /** Share of leads by weekday, Monday first; sums to 1 (all zero without creation times). */
  weekday: z.array(z.number()).length(7),
  /** Share of leads by hour of the day, 0–23; sums to 1. */
  hour: z.array(z.number()).length(24),
  /** Weeks the history spans, the first and last included even when partly covered. */
  weeks: count,
});

/** Revenue per won lead of a segment; `overall` when the segment has too few valued wins of its own. */
export const SegmentRevenueSchema = z.strictObject({
  segment: z.string(),
  /** Won leads with a value. */
  wins: count,
  /** Mean value of a won lead; null when no won lead anywhere has a value. */
  perWin: z.number().nullable(),
  source: z.enum(['segment', 'overall', 'none']),
});

export const RevenuePerWinSchema = SegmentRevenueSchema.omit({ segment: true });

export const SegmentEstimateSchema = z.strictObject({
  key: z.string(),
  fields: z.record(z.string(), z.string()),
  valueBand: z.string().nullable(),
  /** All leads, open ones included. */
  leads: count,
  perWeek: z.number(),
  sdPerWeek: z.number(),
  /** Decided leads and wins. */
  decided: count,
  won: count,
  /** The average rep's conversion in the segment, with its 90% interval. */
  rate: EstimateIntervalSchema,
  revenuePerWin: RevenuePerWinSchema,
});

/** Everything `estimate` learns from a history (DESIGN §3.1), ready for the optimizer and the CLI. */
export const EstimatesSchema = z.strictObject({
  segments: z.array(SegmentEstimateSchema),
  reps: z.array(RepEffectSchema),
  conversion: z.array(ConversionCellSchema),
  decay: DecayEstimateSchema,
  arrivals: ArrivalShapeSchema,
  model: ModelHyperSchema,
  /** What was left out and why, for the user to read. */
  notes: z.array(z.string()),
});

export type EstimateInterval = z.infer<typeof EstimateIntervalSchema>;
export type ConversionCell = z.infer<typeof ConversionCellSchema>;
export type RepEffect = z.infer<typeof RepEffectSchema>;
export type ModelHyper = z.infer<typeof ModelHyperSchema>;
export type DecayCurveParams = z.infer<typeof DecayCurveParamsSchema>;
export type DecayPoint = z.infer<typeof DecayPointSchema>;
export type DecayEstimate = z.infer<typeof DecayEstimateSchema>;
export type ArrivalShape = z.infer<typeof ArrivalShapeSchema>;
export type SegmentRevenue = z.infer<typeof SegmentRevenueSchema>;
export type RevenuePerWin = z.infer<typeof RevenuePerWinSchema>;
export type SegmentEstimate = z.infer<typeof SegmentEstimateSchema>;
export type Estimates = z.infer<typeof EstimatesSchema>;
