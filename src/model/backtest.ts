import { z } from 'zod';

/**
 * What a backtest reports (DESIGN §3.1): the model fitted on an earlier period forecasts the wins
 * among the later period's decided leads, and each forecast's 90% interval is checked against
 * what happened. The schemas are the source; the types are inferred from them.
 */

const count = z.number().int().nonnegative();

/** One forecast: a rep × segment cell, a segment, a rep (the other label left out) or the total (neither). */
export const ForecastLineSchema = z.strictObject({
  segment: z.string().optional(),
  rep: z.string().optional(),
  /** Held-out decided leads. */
  decided: count,
  actual: count,
  expected: z.number(),
  lo: z.number(),
  hi: z.number(),
  covered: z.boolean(),
});

export const BacktestResultSchema = z.strictObject({
  cells: z.array(ForecastLineSchema),
  segments: z.array(ForecastLineSchema),
  reps: z.array(ForecastLineSchema),
  total: ForecastLineSchema,
  /** Share of lines whose actual wins fall in the 90% interval; cells only with MIN_CELL_LEADS+ leads. */
  coverage: z.strictObject({
    cells: z.number().nullable(),
    cellsCounted: count,
    segments: z.number().nullable(),
    reps: z.number().nullable(),
  }),
});

const periodSize = z.strictObject({ leads: count, decided: count });

export const BacktestReportSchema = BacktestResultSchema.extend({
  /** Fit on leads created (and decided) before this moment; test on the leads created from it. */
  cutoff: z.string(),
  holdOut: z.number(),
  fit: periodSize,
  heldOut: periodSize,
});

export type ForecastLine = z.infer<typeof ForecastLineSchema>;
export type BacktestResult = z.infer<typeof BacktestResultSchema>;
export type BacktestReport = z.infer<typeof BacktestReportSchema>;
