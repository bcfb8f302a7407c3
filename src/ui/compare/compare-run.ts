import { summarize, type Comparison } from '../../simulate';

/** Replications of a what-if run: enough to see a change, few enough to redraw in seconds. */
export const WHAT_IF_REPLICATIONS = 40;

export type RunKind = 'whatif' | 'full';

/** The same replications summarised against another baseline: paired differences need no new run. */
export function againstBaseline(comparison: Comparison, baseline: string): Comparison {
  if (baseline === comparison.baseline || !comparison.names.includes(baseline)) return comparison;
  return { ...comparison, ...summarize(comparison.world, comparison.names, comparison.batch, baseline) };
}
