import * as Plot from '@observablehq/plot';
import { rowChart, type Chart } from './plot-frame';

export interface EffectRow {
  /** The row's label as shown (measured, forecast). */
  label: string;
  mean: number;
  lo: number;
  hi: number;
  /** The measured effect: drawn in the accent colour, its interval shaded behind every row. */
  measured: boolean;
}

export interface EffectIntervalsOptions {
  width: number;
  format: (x: number) => string;
  labels: { title: string; axis: string; interval: string };
}

/**
 * A rollout's effect beside its forecast on one axis: each as a dot with its 90% interval, zero
 * marked, and the measured interval shaded across both rows, so whether the forecast's dot falls
 * inside it (the verdict) shows at a glance. A pure function: rows in, chart out.
 */
export function effectIntervalsChart(rows: EffectRow[], options: EffectIntervalsOptions): Chart {
  const { format, labels } = options;
  const finite = rows.filter((r) => [r.mean, r.lo, r.hi].every(Number.isFinite));
  const color = (r: EffectRow) => (r.measured ? '#1f5fa8' : '#8a5a00');
  const title = (r: EffectRow) => `${r.label}: ${format(r.mean)}\n${labels.interval}: ${format(r.lo)} … ${format(r.hi)}`;
  const band = finite.filter((r) => r.measured);
  return rowChart({
    title: labels.title,
    width: options.width,
    rows: rows.map((r) => r.label),
    rowHeight: 34,
    chrome: 58,
    marginLeft: 90,
    marginRight: 24,
    marginBottom: 44,
    // The axis's name under its ticks, not beside the last one (a long Chinese label ran over them).
    x: { label: labels.axis, labelAnchor: 'center', labelArrow: 'none', labelOffset: 38, tickFormat: format, ticks: Math.max(2, Math.floor((options.width - 120) / 70)), nice: true },
    marks: [
      Plot.rectX(band, { x1: 'lo', x2: 'hi', fill: '#1f5fa8', fillOpacity: 0.08 }),
      Plot.ruleX([0], { stroke: '#26313f', strokeWidth: 1.5 }),
      Plot.ruleY(finite, { y: 'label', x1: 'lo', x2: 'hi', stroke: color, strokeWidth: 3, strokeOpacity: 0.6 }),
      Plot.tickX(finite, { y: 'label', x: 'lo', stroke: color, inset: 8 }),
      Plot.tickX(finite, { y: 'label', x: 'hi', stroke: color, inset: 8 }),
      Plot.dot(finite, { y: 'label', x: 'mean', r: 5, fill: color, stroke: '#fff', title }),
    ],
  });
}
