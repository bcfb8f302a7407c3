import * as Plot from '@observablehq/plot';
import { plotChart, type Chart } from './plot-frame';

export interface LorenzSeries {
  label: string;
  /** What each rep received (leads or expected value); the curve sorts them. */
  amounts: number[];
  gini: number;
}

export interface LorenzOptions {
  width: number;
  percent: (share: number) => string;
  labels: { title: string; reps: string; amount: string; equality: string };
}

/** Points of the Lorenz curve: the poorest k reps' share of the total, for k = 0 … n. */
export function lorenzPoints(amounts: readonly number[]): Array<[number, number]> {
  const sorted = [...amounts].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  const n = sorted.length;
  const points: Array<[number, number]> = [[0, 0]];
  let acc = 0;
  sorted.forEach((x, i) => {
    acc += x;
    points.push([(i + 1) / n, total > 0 ? acc / total : (i + 1) / n]);
  });
  return points;
}

/** One Lorenz curve per policy over the reps, the diagonal as perfect equality; the legend carries each Gini. */
export function lorenzCurveChart(series: LorenzSeries[], options: LorenzOptions): Chart {
  const { labels, percent } = options;
  const key = (s: LorenzSeries) => `${s.label} (Gini ${s.gini.toFixed(3)})`;
  const rows = series.flatMap((s) => lorenzPoints(s.amounts).map(([x, y]) => ({ policy: key(s), x, y })));
  return plotChart(labels.title, {
    width: options.width,
    height: Math.min(300, options.width * 0.8),
    marginLeft: 44,
    x: { label: labels.reps, domain: [0, 1], tickFormat: percent, ticks: 5 },
    y: { label: labels.amount, domain: [0, 1], tickFormat: percent, ticks: 5, grid: true },
    color: { legend: true, domain: series.map(key), scheme: 'tableau10' },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: '#b7c0cc', strokeDasharray: '4 3' }),
      Plot.text([[0.72, 0.78]], { text: () => labels.equality, fill: '#8792a2', rotate: -38 }),
      Plot.line(rows, { x: 'x', y: 'y', stroke: 'policy', strokeWidth: 1.6, curve: 'linear' }),
    ],
  });
}
