import * as Plot from '@observablehq/plot';
import { plotChart, type Chart } from './plot-frame';
import { decayMultiplier } from '../../estimate/decay';
import type { Formats } from '../format';
import type { DecayEstimate } from '../../model/estimates';

export interface DecayCurveOptions {
  width: number;
  fmt: Pick<Formats, 'number' | 'percent'>;
  labels: { title: string; hours: string; multiplier: string };
}

/** A week: the curve is drawn to here, on a scale that gives the steep first hours their room. */
const MAX_HOURS = 168;
const TICKS = [0, 1, 2, 4, 8, 24, 48, 96, 168];

/** The response-time decay curve, with the observed first-touch buckets as dots (sized by their leads) when there are any. */
export function decayCurveChart(decay: DecayEstimate, options: DecayCurveOptions): Chart {
  const { fmt, labels } = options;
  const line = Array.from({ length: 337 }, (_, i) => {
    const hours = (i / 336) ** 2 * MAX_HOURS;
    return { hours, multiplier: decayMultiplier(decay, hours) };
  });
  const points = decay.points.filter((p) => p.decided > 0).map((p) => ({ ...p, hours: Math.min(p.meanHours, MAX_HOURS) }));
  type Point = (typeof points)[number];
  const span = (p: Point) => `${fmt.number(p.fromHours)}${p.toHours === null ? '+' : `–${fmt.number(p.toHours)}`} h`;
  return plotChart(labels.title, {
    width: options.width,
    height: 240,
    marginLeft: 44,
    marginRight: 16,
    x: { type: 'symlog', domain: [0, MAX_HOURS], ticks: TICKS, tickFormat: (h: number) => fmt.number(h), label: labels.hours, grid: true },
    y: { domain: [0, Math.max(1.05, ...points.map((p) => p.relative))], label: labels.multiplier, tickFormat: (p: number) => fmt.percent(p), grid: true },
    r: { range: [2, 8] },
    marks: [
      Plot.ruleY([decay.floor], { stroke: '#8792a2', strokeDasharray: '4,3' }),
      Plot.dot(points, { x: 'hours', y: 'relative', r: 'decided', fill: '#5b8fd0', fillOpacity: 0.45, stroke: '#174a85', title: (p: Point) => `${span(p)}: ${fmt.percent(p.relative)} (n ${fmt.number(p.decided)})` }),
      Plot.line(line, { x: 'hours', y: 'multiplier', stroke: '#1f5fa8', strokeWidth: 2.5 }),
    ],
  });
}
