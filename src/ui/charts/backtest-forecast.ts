import * as Plot from '@observablehq/plot';
import { rowChart, type Chart } from './plot-frame';
import type { Formats } from '../format';
import { SEGMENT_ROWS, segmentLabel } from './segment-label';
import type { ForecastLine } from '../../model/backtest';

export interface BacktestForecastOptions {
  width: number;
  fmt: Pick<Formats, 'number'>;
  labels: { title: string; forecast: string; actual: string; interval: string };
}

/** Per segment: the forecast wins (tick) with their 90% interval (bar), and the actual wins (dot; red when outside). */
export function backtestForecastChart(segments: ForecastLine[], options: BacktestForecastOptions): Chart {
  const { fmt, labels } = options;
  const rows = segments.map((s) => ({ ...s, label: segmentLabel(s.segment ?? '') }));
  type Row = (typeof rows)[number];
  const title = (r: Row) =>
    `${r.label}\n${labels.forecast}: ${fmt.number(r.expected)} (${labels.interval} ${fmt.number(r.lo)} – ${fmt.number(r.hi)})\n${labels.actual}: ${fmt.number(r.actual)}`;
  const outside = (r: Row) => (r.covered ? '#1c7c4a' : '#b3261e');
  return rowChart({
    title: labels.title,
    width: options.width,
    rows: rows.map((r) => r.label),
    ...SEGMENT_ROWS,
    x: { label: labels.forecast, tickFormat: (n: number) => fmt.number(n) },
    marks: [
      Plot.ruleY(rows, { y: 'label', x1: 'lo', x2: 'hi', stroke: '#c9d9ee', strokeWidth: 10 }),
      Plot.tickX(rows, { y: 'label', x: 'expected', stroke: '#174a85', strokeWidth: 2, inset: 4 }),
      Plot.dot(rows, { y: 'label', x: 'actual', r: 4, fill: outside, stroke: '#fff', title }),
    ],
  });
}
