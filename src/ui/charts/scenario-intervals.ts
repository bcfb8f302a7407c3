import * as Plot from '@observablehq/plot';
import { plotChart, type Chart } from './plot-frame';

export interface ScenarioRow {
  /** The policy's label as shown: the group the row sits in. */
  policy: string;
  /** The scenario's label as shown (unique among the rows' scenarios): the colour. */
  scenario: string;
  mean: number;
  lo: number;
  hi: number;
}

export interface ScenarioIntervalsOptions {
  width: number;
  format: (x: number) => string;
  /** The scenarios in legend order (the current one first). */
  scenarios: string[];
  labels: { title: string; axis: string; interval: string };
}

const ROW = 14;
const GROUP_GAP = 10;

/**
 * One metric across scenarios: per policy a group of rows, one per scenario, the mean as a dot and
 * the 90% interval as a bar, the scenario told by colour. A pure function: rows in, chart out.
 */
export function scenarioIntervalsChart(rows: ScenarioRow[], options: ScenarioIntervalsOptions): Chart {
  const { format, labels, scenarios } = options;
  const policies = [...new Set(rows.map((r) => r.policy))];
  const finite = rows.filter((r) => Number.isFinite(r.mean));
  const title = (r: ScenarioRow) => `${r.policy} · ${r.scenario}: ${format(r.mean)}\n${labels.interval}: ${format(r.lo)} … ${format(r.hi)}`;
  return plotChart(labels.title, {
    width: options.width,
    height: policies.length * (scenarios.length * ROW + GROUP_GAP) + 70,
    marginLeft: 140,
    marginRight: 20,
    x: { label: labels.axis, tickFormat: format, ticks: Math.max(2, Math.floor((options.width - 160) / 70)), nice: true, grid: true },
    fy: { domain: policies, label: null, axis: 'left', padding: 0.15 },
    y: { domain: scenarios, axis: null },
    color: { domain: scenarios, scheme: 'tableau10', legend: true },
    marks: [
      Plot.frame({ anchor: 'bottom', stroke: '#e3e7ed' }),
      Plot.ruleY(finite, { fy: 'policy', y: 'scenario', x1: 'lo', x2: 'hi', stroke: 'scenario', strokeWidth: 2.5, strokeOpacity: 0.6 }),
      Plot.dot(finite, { fy: 'policy', y: 'scenario', x: 'mean', r: 4, fill: 'scenario', stroke: '#fff', title }),
    ],
  });
}
