import { jsonPath } from '../../model/errors';
import { z } from 'zod';
import { ScenarioSchema, type Scenario } from '../../model/scenario';
import type { Comparison } from '../../simulate';

/** The numbers a kept scenario is compared by: the headline metrics a sales leader reads first. */
export const KEPT_METRICS = ['conversions', 'revenue', 'conversionRate'] as const;
export type KeptMetric = (typeof KEPT_METRICS)[number];

const IntervalSchema = z.object({ mean: z.number(), lo: z.number(), hi: z.number() });
const MetricsSchema = z.object({ conversions: IntervalSchema, revenue: IntervalSchema, conversionRate: IntervalSchema });

const KeptPolicySchema = z.object({
  name: z.string().min(1),
  metrics: MetricsSchema,
  /** Paired differences against the kept run's own baseline (same draws). */
  vsBaseline: MetricsSchema,
});

const KeptScenarioSchema = z.object({
  id: z.string().min(1),
  /** The user's name for it; starts as the scenario's name. */
  name: z.string(),
  keptAt: z.string(),
  scenario: ScenarioSchema,
  baseline: z.string(),
  replications: z.number().int().positive(),
  policies: z.array(KeptPolicySchema).min(1),
});

export type KeptPolicy = z.infer<typeof KeptPolicySchema>;
export type KeptScenario = z.infer<typeof KeptScenarioSchema>;

/** What "Keep for comparison" stores: the scenario as run and, per policy, its headline intervals. */
export function keepSnapshot(scenario: Scenario, comparison: Comparison, keptAt = new Date()): KeptScenario {
  const pick = (record: Comparison['policies'][number]['metrics']) => Object.fromEntries(KEPT_METRICS.map((m) => [m, { ...record[m] }])) as KeptPolicy['metrics'];
  return {
    id: `${keptAt.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: scenario.name,
    keptAt: keptAt.toISOString(),
    scenario: structuredClone(scenario),
    baseline: comparison.baseline,
    replications: comparison.replications,
    policies: comparison.policies.map((p) => ({ name: p.name, metrics: pick(p.metrics), vsBaseline: pick(p.vsBaseline) })),
  };
}

/**
 * The autosaved list, read back: entries that no longer parse (an older build's, a damaged store)
 * are dropped one by one with a warning naming their position, so one bad entry loses only itself.
 */
export function parseKept(saved: unknown): KeptScenario[] {
  if (!Array.isArray(saved)) return [];
  return saved.flatMap((entry, i) => {
    const parsed = KeptScenarioSchema.safeParse(entry);
    if (parsed.success) return [parsed.data];
    console.warn(`Allot: kept[${i}] could not be restored: ${jsonPath(parsed.error.issues[0]?.path ?? [])}: ${parsed.error.issues[0]?.message}`);
    return [];
  });
}
