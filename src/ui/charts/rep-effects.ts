import * as Plot from '@observablehq/plot';
import { rowChart, type Chart } from './plot-frame';
import type { Formats } from '../format';
import type { RepEffect } from '../../model/estimates';

export interface RepEffectsOptions {
  width: number;
  fmt: Pick<Formats, 'number'>;
  repNames: Map<string, string>;
  labels: { title: string; effect: string; significant: string; interval: string; evidence: (decided: string, won: string) => string; neverSeen: string };
}

/** Each rep's effect (log-odds against the average rep) with its 90% interval; filled dots: the interval excludes 0. */
export function repEffectsChart(reps: RepEffect[], options: RepEffectsOptions): Chart {
  const { fmt, labels } = options;
  const rows = [...reps].sort((a, b) => b.effect - a.effect).map((r) => ({ ...r, name: options.repNames.get(r.rep) ?? r.rep }));
  type Row = (typeof rows)[number];
  const fixed = (x: number) => x.toFixed(2);
  const title = (r: Row) =>
    [
      `${r.name} (${r.rep}): ${fixed(r.effect)}`,
      `${labels.interval}: ${fixed(r.lo)} … ${fixed(r.hi)}${r.significant ? ` (${labels.significant})` : ''}`,
      r.seen ? labels.evidence(fmt.number(r.n), fmt.number(r.won)) : labels.neverSeen,
    ].join('\n');
  const color = (r: Row) => (r.significant ? (r.effect > 0 ? '#1c7c4a' : '#b3261e') : '#5a6677');
  return rowChart({
    title: labels.title,
    width: options.width,
    rows: rows.map((r) => r.name),
    rowHeight: 20,
    chrome: 50,
    marginLeft: 110,
    marginRight: 16,
    x: { label: labels.effect, tickFormat: fixed },
    // The title as a tip on hover, not a <title> per dot: a large team has 200 reps to draw.
    marks: [
      Plot.ruleX([0], { stroke: '#8792a2' }),
      Plot.ruleY(rows, { y: 'name', x1: 'lo', x2: 'hi', stroke: color, strokeWidth: 2 }),
      Plot.dot(rows, { y: 'name', x: 'effect', r: 4.5, stroke: color, strokeWidth: 1.5, fill: (r: Row) => (r.significant ? color(r) : '#fff'), title, tip: true }),
    ],
  });
}
