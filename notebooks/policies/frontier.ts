import * as Plot from '@observablehq/plot';
import type { Display } from '../lib/cell';
import { table } from '../lib/table';
import type { Loaded } from '../model/load';

// The optimized policy solved again at a growing fairness weight λ (max–min: the worst-off rep's
// expected conversions count λ times over), from the same estimates the simulation used.
export default async function frontier({ pipeline, scenario }: Loaded, display: Display): Promise<void> {
  const { points, notes } = await pipeline.frontier(scenario);
  const rows = points.map((p) => ({ λ: p.strength, 'conversions/week': p.conversionsPerWeek, 'worst-off rep conv./week': p.minRepConversions, 'Gini of leads': p.giniLeads }));
  display(Plot.plot({
    width: 900,
    height: 380,
    marginLeft: 56,
    marginTop: 36,
    marginRight: 40,
    x: { label: "worst-off rep's expected conversions per week (fairness)", grid: true },
    y: { label: 'expected conversions per week (team)', grid: true, nice: true },
    marks: [
      Plot.line(rows, { x: 'worst-off rep conv./week', y: 'conversions/week', stroke: '#2b5fab' }),
      Plot.dot(rows, { x: 'worst-off rep conv./week', y: 'conversions/week', fill: '#2b5fab', r: 4, tip: true }),
      Plot.text(rows, { x: 'worst-off rep conv./week', y: 'conversions/week', text: (r: (typeof rows)[number]) => `λ=${+r.λ.toPrecision(3)}`, dy: -10, fill: '#4a5466' }),
    ],
  }));
  display(table(rows, { format: { λ: (v) => `${+Number(v).toPrecision(4)}` } }));
  for (const note of notes) display(`Note: ${note}`);
}
