import * as Plot from '@observablehq/plot';
import { rowChart, type Chart } from './plot-frame';

export interface MetricRow {
  /** The policy's label as shown. */
  label: string;
  mean: number;
  lo: number;
  hi: number;
  /** Drawn in the accent colour (the chosen baseline, the optimized policy …). */
  emphasis?: boolean;
}

export interface MetricIntervalsOptions {
  width: number;
  format: (x: number) => string;
  /** Axis ticks, when `format` is too long for them (revenue in millions). */
  tickFormat?: (x: number) => string;
  labels: { title: string; axis: string; interval: string };
  /** A reference line (0 for paired differences). */
  zero?: boolean;
}

/** One metric per policy: the mean as a dot, the 90% interval as a bar through it. A pure function: rows in, chart out. */
export function metricIntervalsChart(rows: MetricRow[], options: MetricIntervalsOptions): Chart {
  const { format, labels } = options;
  const finite = rows.filter((r) => Number.isFinite(r.mean));
  const color = (r: MetricRow) => (r.emphasis ? '#1f5fa8' : '#5a6677');
  const title = (r: MetricRow) => `${r.label}: ${format(r.mean)}\n${labels.interval}: ${format(r.lo)} … ${format(r.hi)}`;
  return rowChart({
    title: labels.title,
    width: options.width,
    rows: rows.map((r) => r.label),
    rowHeight: 24,
    chrome: 44,
    marginLeft: 110,
    marginRight: 20,
    x: { label: labels.axis, tickFormat: options.tickFormat ?? format, ticks: Math.max(2, Math.floor((options.width - 130) / 70)), nice: true },
    marks: [
      ...(options.zero ? [Plot.ruleX([0], { stroke: '#8792a2' })] : []),
      Plot.ruleY(finite, { y: 'label', x1: 'lo', x2: 'hi', stroke: color, strokeWidth: 2.5, strokeOpacity: 0.55 }),
      Plot.dot(finite, { y: 'label', x: 'mean', r: 4.5, fill: color, stroke: '#fff', title }),
    ],
  });
}
