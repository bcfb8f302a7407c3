import * as Plot from '@observablehq/plot';
import type { Comparison, PreparedComparison } from '../../src/simulate';
import type { Display } from '../lib/cell';
import { table } from '../lib/table';
import type { Loaded } from '../model/load';

// What `allot simulate --scenario data/sample/scenario.json` runs: every policy the scenario
// names (the optimized one built by the LP), replayed on the same random draws, with the
// scenario's replications and seed; here on Web Workers instead of Node worker threads.
export default async function simulate({ pipeline, scenario }: Loaded, display: Display): Promise<{ prepared: PreparedComparison; result: Comparison }> {
  const prepared = await pipeline.prepared(scenario);
  const result = await pipeline.comparison(scenario);
  display(`${result.replications} replications of ${scenario.simulation.weeks} weeks, seed ${result.seed}, scoring ${result.scoring}; baseline ${result.baseline}.`);
  const rows = result.policies.map((p) => ({ policy: p.name, ...p.metrics.conversions, diff: p.vsBaseline.conversions }));
  display(Plot.plot({
    width: 900,
    height: 60 + 34 * rows.length,
    marginLeft: 110,
    x: { label: 'conversions over the horizon: mean and 90% interval', grid: true },
    y: { label: null, domain: rows.map((r) => r.policy) },
    marks: [
      Plot.ruleY(rows, { y: 'policy', x1: 'lo', x2: 'hi', stroke: '#9aa3b5', strokeWidth: 6, strokeOpacity: 0.6 }),
      Plot.dot(rows, { y: 'policy', x: 'mean', fill: '#2b5fab', r: 4, tip: true }),
    ],
  }));
  // Paired: the same replication's draws for every policy, so these intervals are far tighter
  // than the gap between the policies' own intervals suggests.
  const diffs = rows.filter((r) => r.policy !== result.baseline).map((r) => ({ policy: r.policy, ...r.diff }));
  display(Plot.plot({
    width: 900,
    height: 60 + 34 * diffs.length,
    marginLeft: 110,
    x: { label: `conversions against ${result.baseline}, same draws: mean and 90% interval`, grid: true },
    y: { label: null, domain: diffs.map((r) => r.policy) },
    color: { type: 'diverging', scheme: 'RdBu', pivot: 0 },
    marks: [
      Plot.ruleX([0]),
      Plot.ruleY(diffs, { y: 'policy', x1: 'lo', x2: 'hi', stroke: '#1d2330' }),
      Plot.dot(diffs, { y: 'policy', x: 'mean', fill: 'mean', stroke: '#1d2330', r: 5, tip: true }),
    ],
  }));
  const f = (d: number) => (i: { mean: number; lo: number; hi: number }) => `${i.mean.toFixed(d)} (${i.lo.toFixed(d)}–${i.hi.toFixed(d)})`;
  const pct = (i: { mean: number; lo: number; hi: number }) => `${(100 * i.mean).toFixed(1)}% (${(100 * i.lo).toFixed(1)}–${(100 * i.hi).toFixed(1)})`;
  display(table(result.policies.map((p) => ({
    policy: p.name,
    conversions: f(1)(p.metrics.conversions),
    'conv. rate': pct(p.metrics.conversionRate),
    '1st touch h (p50)': f(1)(p.metrics.firstTouchHoursP50),
    'SLA breach': pct(p.metrics.slaBreachRate),
    'Gini leads': f(3)(p.metrics.giniLeads),
    'max util.': pct(p.metrics.maxUtilization),
  }))));
  for (const note of result.notes) display(`Note: ${note}`);
  return { prepared, result };
}
