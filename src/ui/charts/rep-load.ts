import * as Plot from '@observablehq/plot';
import { rowChart, type Chart } from './plot-frame';

export interface RepLoadRow {
  name: string;
  /** Leads per week. */
  load: number;
  capacity: number;
  /** The 90% interval of a simulated load, when there is one. */
  lo?: number;
  hi?: number;
  /** Away for the whole horizon (the what-if's toggle). */
  absent?: boolean;
}

export interface RepLoadOptions {
  width: number;
  format: (x: number) => string;
  labels: { title: string; load: string; capacity: string; interval: string; absent: string };
}

/** Leads per week per rep as bars, each rep's capacity as a tick; a bar past its tick is over capacity. */
export function repLoadChart(rows: RepLoadRow[], options: RepLoadOptions): Chart {
  const { format, labels } = options;
  const fill = (r: RepLoadRow) => (r.absent ? '#c9cfd8' : r.load > r.capacity * 1.0001 ? '#b3261e' : '#5b8fd0');
  const title = (r: RepLoadRow) =>
    [
      `${r.name}${r.absent ? ` (${labels.absent})` : ''}: ${format(r.load)} ${labels.load}`,
      ...(r.lo !== undefined && r.hi !== undefined ? [`${labels.interval}: ${format(r.lo)} … ${format(r.hi)}`] : []),
      `${labels.capacity}: ${format(r.capacity)}`,
    ].join('\n');
  const intervals = rows.filter((r) => r.lo !== undefined && r.hi !== undefined);
  return rowChart({
    title: labels.title,
    width: options.width,
    rows: rows.map((r) => r.name),
    rowHeight: 20,
    chrome: 56,
    marginLeft: 80,
    marginRight: 16,
    x: { label: labels.load, tickFormat: format, nice: true },
    color: { domain: [labels.load, labels.capacity], range: ['#5b8fd0', '#1c2430'], legend: true },
    marks: [
      Plot.barX(rows, { y: 'name', x: 'load', fill, inset: 2, title }),
      Plot.ruleY(intervals, { y: 'name', x1: 'lo', x2: 'hi', stroke: '#26313f', strokeOpacity: 0.6 }),
      Plot.tickX(rows, { y: 'name', x: 'capacity', stroke: '#1c2430', strokeWidth: 2, title }),
      Plot.ruleX([0]),
    ],
  });
}
