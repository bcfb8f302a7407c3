import * as Plot from '@observablehq/plot';
import { plotChart, type Chart } from './plot-frame';

interface Interval {
  mean: number;
  lo: number;
  hi: number;
}

export interface FirstTouchRow {
  label: string;
  p50: Interval;
  p90: Interval;
}

export interface FirstTouchOptions {
  width: number;
  format: (hours: number) => string;
  /** The SLA deadline in hours, drawn as a line. */
  slaHours: number;
  labels: { title: string; hours: string; p50: string; p90: string; sla: string; interval: string };
}

/** Hours to first touch per policy: the median and the 90th percentile, each with its 90% interval, against the SLA. */
export function firstTouchChart(rows: FirstTouchRow[], options: FirstTouchOptions): Chart {
  const { labels, format } = options;
  const points = rows.flatMap((r) => [
    { label: r.label, quantile: labels.p50, ...r.p50 },
    { label: r.label, quantile: labels.p90, ...r.p90 },
  ]).filter((p) => Number.isFinite(p.mean));
  const title = (p: (typeof points)[number]) => `${p.label} · ${p.quantile}: ${format(p.mean)}\n${labels.interval}: ${format(p.lo)} … ${format(p.hi)}`;
  // One facet row per policy; inside it the median above the 90th percentile.
  return plotChart(labels.title, {
    width: options.width,
    height: rows.length * 30 + 70,
    marginLeft: 110,
    marginRight: 20,
    x: { label: labels.hours, grid: true, tickFormat: format, nice: true },
    y: { domain: [labels.p50, labels.p90], axis: null },
    fy: { domain: rows.map((r) => r.label), label: null, axis: 'left', tickSize: 0, padding: 0.15 },
    color: { domain: [labels.p50, labels.p90], range: ['#1f5fa8', '#c77c0e'], legend: true },
    symbol: { domain: [labels.p50, labels.p90], range: ['circle', 'diamond'] },
    marks: [
      Plot.ruleX([options.slaHours], { stroke: '#b3261e', strokeDasharray: '4 3' }),
      Plot.text([options.slaHours], { x: (d: number) => d, fy: () => rows[0]?.label, frameAnchor: 'top', dy: -8, text: () => labels.sla, fill: '#b3261e' }),
      Plot.ruleY(points, { y: 'quantile', fy: 'label', x1: 'lo', x2: 'hi', stroke: 'quantile', strokeOpacity: 0.5, strokeWidth: 2 }),
      Plot.dot(points, { y: 'quantile', fy: 'label', x: 'mean', fill: 'quantile', symbol: 'quantile', r: 4, stroke: '#fff', title }),
    ],
  });
}
