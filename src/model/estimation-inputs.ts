import { z } from 'zod';

/**
 * What the estimator takes (DESIGN §3.1): a few aggregates of the canonical leads, read by
 * src/data (`readEstimationInputs`) and posted as they are to the engine's worker. The schemas are
 * the source; the types are inferred from them.
 */

const count = z.number().int().nonnegative();
/** `YYYY-MM-DD HH:MM:SS` (minutes or the time may be left out), local like the data. */
export const LOCAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date as YYYY-MM-DD' });

/** How leads are cut into segments: the scenario's `segments` (DESIGN §2.3). */
export const SegmentSpecSchema = z.strictObject({
  fields: z.array(z.string().min(1)),
  /** Ascending thresholds on `value`; each segment is split into value bands. */
  valueBands: z.array(z.number()),
});

/**
 * A fold by row number rather than by a hash of the lead id: DuckDB's hash() may differ between
 * the native and the WASM builds, and the same scenario must give the same numbers in both.
 */
export const LeadFoldSchema = z.strictObject({
  index: count,
  of: z.number().int().min(2),
});

/**
 * Which leads an aggregate reads, for a backtest. With `decidedBefore`, a lead closed at or after
 * that moment counts as open: the outcome was not known yet.
 */
export const InputWindowSchema = z.strictObject({
  createdFrom: z.string().regex(LOCAL_TIMESTAMP).optional(),
  createdBefore: z.string().regex(LOCAL_TIMESTAMP).optional(),
  decidedBefore: z.string().regex(LOCAL_TIMESTAMP).optional(),
  /** Only the leads of one fold (for cross-fitting): the leads whose row number in the file is `index` modulo `of`. */
  fold: LeadFoldSchema.optional(),
});

/** Decided (won or lost) leads of one segment × owner × first-touch bucket. */
export const OutcomeRowSchema = z.strictObject({
  segment: z.string(),
  /** Null when the lead has no owner. */
  rep: z.string().nullable(),
  /** Index into `touchBuckets`; null when there is no first touch (or no creation time). */
  touch: count.nullable(),
  decided: count,
  won: count,
  /** Sum and count of `value` over the won leads that have one. */
  wonValueSum: z.number(),
  wonWithValue: count,
  /** Sum of hours to first touch over these leads (0 when `touch` is null). */
  touchHoursSum: z.number().nonnegative(),
});

export const SegmentRowSchema = z.strictObject({
  key: z.string(),
  /** The segment's value of each segment field, `(blank)` where empty. */
  fields: z.record(z.string(), z.string()),
  /** The value band label, when the scenario has value bands. */
  valueBand: z.string().nullable(),
  /** All leads, open ones included. */
  leads: count,
  open: count,
});

export const WeeklyRowSchema = z.strictObject({
  segment: z.string(),
  /** Monday of the ISO week, `YYYY-MM-DD`. */
  week: isoDate,
  leads: count,
});

export const ShapeRowSchema = z.strictObject({
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  leads: count,
});

export const EstimationInputsSchema = z.strictObject({
  spec: SegmentSpecSchema,
  /** Lower bounds, in hours, of the first-touch buckets; the last is open. */
  touchBuckets: z.array(z.number().nonnegative()),
  segments: z.array(SegmentRowSchema),
  outcomes: z.array(OutcomeRowSchema),
  weekly: z.array(WeeklyRowSchema),
  /** Every Monday from the first lead's week to the last one's, so empty weeks count as zero. */
  weeks: z.array(isoDate),
  shape: z.array(ShapeRowSchema),
  leads: count,
  withoutCreatedAt: count,
  withoutOwner: count,
  /** Leads with a first-touch time; 0 when `first_touch_at` is not mapped. */
  withFirstTouch: count,
  owners: z.array(z.string()),
});

export type SegmentSpec = z.infer<typeof SegmentSpecSchema>;
export type LeadFold = z.infer<typeof LeadFoldSchema>;
export type InputWindow = z.infer<typeof InputWindowSchema>;
export type OutcomeRow = z.infer<typeof OutcomeRowSchema>;
export type SegmentRow = z.infer<typeof SegmentRowSchema>;
export type WeeklyRow = z.infer<typeof WeeklyRowSchema>;
export type ShapeRow = z.infer<typeof ShapeRowSchema>;
export type EstimationInputs = z.infer<typeof EstimationInputsSchema>;

/** The backtest's two periods: what was known at the cutoff, and the leads created from it. */
export const BacktestSplitSchema = z.strictObject({
  cutoff: z.string().regex(LOCAL_TIMESTAMP),
  /** The share of the created_at range held out for testing. */
  holdOut: z.number().gt(0).lt(1),
  /** Leads created before the cutoff, with only the outcomes decided before it. */
  fit: EstimationInputsSchema,
  /** Leads created from the cutoff on. */
  test: EstimationInputsSchema,
});

export type BacktestSplit = z.infer<typeof BacktestSplitSchema>;
