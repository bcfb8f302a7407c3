import type { Comparison } from '../simulate/compare';
import { interval, metricValues } from '../simulate/summarize';
import type { EffectForecast } from './readout-report';

/** Candidate − control conversion rate, paired over a comparison's replications (same draws for both). */
export function effectForecast(comparison: Comparison, control: string, candidate: string): EffectForecast {
  const P = comparison.names.length;
  const of = (name: string) => metricValues(comparison.batch, P, comparison.names.indexOf(name), 'conversionRate');
  const [a, b] = [of(control), of(candidate)];
  const { mean, lo, hi } = interval(b.map((x, i) => x - a[i]!));
  return { mean, lo, hi, replications: comparison.replications };
}
