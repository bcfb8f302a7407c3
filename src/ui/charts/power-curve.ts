import * as Plot from '@observablehq/plot';
import type { PowerPoint } from '../../experiment/design';
import type { Formats } from '../format';
import { plotChart, type Chart } from './plot-frame';

export interface PowerCurveOptions {
  width: number;
  fmt: Pick<Formats, 'number' | 'percent'>;
  /** The 80% the design aims at (DesignResult's POWER_TARGET). */
  target: number;
  /** The first week at the target, marked; null when not within the simulated weeks. */
  weeksToPower: number | null;
  labels: { title: string; weeks: string; power: string; target: string };
}

/**
 * A design's power curve: the share of simulated rollouts whose readout detects the forecast gain
 * after each week of enrolment, against the 80% line, the week it is reached marked. A pure
 * function: points in, chart out.
 */
export function powerCurveChart(points: readonly PowerPoint[], options: PowerCurveOptions): Chart {
  const { fmt, labels, target, weeksToPower } = options;
  const maxWeeks = points.at(-1)?.weeks ?? 1;
  const title = (p: PowerPoint) => `${labels.weeks}: ${fmt.number(p.weeks)}\n${labels.power}: ${fmt.percent(p.power)}`;
  const reached = weeksToPower === null ? [] : points.filter((p) => p.weeks === weeksToPower);
  return plotChart(labels.title, {
    width: options.width,
    height: 240,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 40,
    x: { domain: [0, maxWeeks], label: labels.weeks, labelAnchor: 'center', labelArrow: 'none', tickFormat: (w: number) => fmt.number(w), ticks: Math.min(maxWeeks, Math.max(2, Math.floor((options.width - 80) / 50))), grid: true },
    y: { domain: [0, 1], label: labels.power, labelArrow: 'none', tickFormat: (p: number) => fmt.percent(p), grid: true },
    marks: [
      Plot.ruleY([target], { stroke: '#8a5a00', strokeDasharray: '5,4' }),
      Plot.text([target], { y: (d: number) => d, x: 0, text: () => labels.target, dy: -7, dx: 4, textAnchor: 'start', fill: '#8a5a00' }),
      Plot.ruleX(reached, { x: 'weeks', y1: 0, y2: 'power', stroke: '#1c7c4a', strokeDasharray: '3,3' }),
      Plot.line(points, { x: 'weeks', y: 'power', stroke: '#1f5fa8', strokeWidth: 2.5 }),
      Plot.dot(points, { x: 'weeks', y: 'power', r: 3, fill: '#1f5fa8', stroke: '#fff', title }),
      Plot.dot(reached, { x: 'weeks', y: 'power', r: 6, fill: '#1c7c4a', stroke: '#fff' }),
    ],
  });
}
