import { summarize, type Comparison } from '../../simulate';

/** Replications of a what-if run: enough to see a change, few enough to redraw in seconds. */
export const WHAT_IF_REPLICATIONS = 40;

export type RunKind = 'whatif' | 'full';

/** Each comparison's summaries against other baselines, so a render does not summarise again and the charts see the same object. */
const rebased = new WeakMap<Comparison, Map<string, Comparison>>();

/** The same replications summarised against another baseline: paired differences need no new run. */
export function againstBaseline(comparison: Comparison, baseline: string): Comparison {
  if (baseline === comparison.baseline || !comparison.names.includes(baseline)) return comparison;
  const known = rebased.get(comparison) ?? new Map<string, Comparison>();
  rebased.set(comparison, known);
  const shown = known.get(baseline) ?? { ...comparison, ...summarize(comparison.world, comparison.names, comparison.batch, baseline) };
  known.set(baseline, shown);
  return shown;
}
