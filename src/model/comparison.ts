import { z } from 'zod';

/**
 * What a comparison of policies reports (DESIGN §3.3): each metric over the replications as a
 * mean and a 90% interval, per policy, against the baseline and per rep. The simulator's own
 * world and replication batches stay in src/simulate; this is what leaves it. The schemas are the
 * source; the types are inferred from them.
 */

/**
 * The metrics of DESIGN §2.5 and §3.3, in the order the replication vectors hold them.
 * `unassignedShare`: leads left in a queue (manual review, overflow) or with nobody available.
 * `fallbackShare`: leads a rep got from the policy's fallback rule because its rules could not
 * place them (no rule matched, or the rule's pool was full or away), or, for "as is", leads whose
 * historical owner is not available and were routed to another rep; 0 for a policy that is its
 * fallback alone (round robin, least loaded). The two never count the same lead.
 */
export const METRICS = [
  'conversions', 'revenue', 'conversionRate', 'firstTouchHoursP50', 'firstTouchHoursP90', 'slaBreachRate', 'reclaimedShare',
  'unassignedShare', 'fallbackShare', 'giniLeads', 'giniValue', 'jainLeads', 'maxUtilization', 'juniorHighValueShare', 'leads',
] as const;
export type MetricName = (typeof METRICS)[number];

/** Per rep, per replication: leads, expected value received, conversions, utilisation. */
export const REP_METRICS = ['leads', 'expectedValue', 'conversions', 'utilization'] as const;
export type RepMetricName = (typeof REP_METRICS)[number];

/** NaN stands for "no replication gave a finite value" (e.g. a quantile of no touched leads). */
const finiteOrNaN = z.union([z.number(), z.nan()]);

/** A metric over the replications: mean and the 90% interval (5th–95th percentile, DESIGN §3.3). */
export const IntervalSchema = z.strictObject({
  mean: finiteOrNaN,
  lo: finiteOrNaN,
  hi: finiteOrNaN,
});

const repMetricShape = Object.fromEntries(REP_METRICS.map((m) => [m, IntervalSchema])) as Record<RepMetricName, typeof IntervalSchema>;

export const RepSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  capacityPerWeek: z.number(),
  ...repMetricShape,
});

export const PolicySummarySchema = z.strictObject({
  name: z.string(),
  metrics: z.record(z.enum(METRICS), IntervalSchema),
  /** Paired differences against the baseline: same replication, same draws. */
  vsBaseline: z.record(z.enum(METRICS), IntervalSchema),
  reps: z.array(RepSummarySchema),
});

export const ComparisonSummarySchema = z.strictObject({
  baseline: z.string(),
  replications: z.number().int().nonnegative(),
  policies: z.array(PolicySummarySchema),
});

export type Interval = z.infer<typeof IntervalSchema>;
export type RepSummary = z.infer<typeof RepSummarySchema>;
export type PolicySummary = z.infer<typeof PolicySummarySchema>;
export type ComparisonSummary = z.infer<typeof ComparisonSummarySchema>;
