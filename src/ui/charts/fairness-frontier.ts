import * as Plot from '@observablehq/plot';
import { plotChart, type Chart } from './plot-frame';

export interface FrontierDot {
  strength: number;
  conversionsPerWeek: number;
  minRepConversions: number;
}

export interface FairnessFrontierOptions {
  width: number;
  format: (x: number) => string;
  /** The plan at the scenario's own fairness strength, marked on the curve; null when there is none. */
  current: FrontierDot | null;
  labels: { title: string; worstRep: string; conversions: string; strength: string; current: string };
}

/**
 * The conversion-vs-fairness frontier: each plan of the λ sweep as (worst-off rep's expected
 * conversions, the team's), joined in λ order, with the current choice ringed.
 */
export function fairnessFrontierChart(points: FrontierDot[], options: FairnessFrontierOptions): Chart {
  const { format, labels, current } = options;
  const title = (p: FrontierDot) => `${labels.strength} ${format(p.strength)}\n${labels.conversions}: ${format(p.conversionsPerWeek)}\n${labels.worstRep}: ${format(p.minRepConversions)}`;
  // The label goes on the side of the ring with room for it.
  const xs = [...points, ...(current ? [current] : [])].map((p) => p.minRepConversions);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const onRight = current !== null && x1 > x0 && (current.minRepConversions - x0) / (x1 - x0) > 0.6;
  return plotChart(labels.title, {
    width: options.width,
    height: Math.min(300, Math.max(220, options.width * 0.55)),
    marginLeft: 50,
    marginTop: 28,
    marginRight: 20,
    x: { label: labels.worstRep, grid: true, tickFormat: format, nice: true },
    y: { label: labels.conversions, grid: true, tickFormat: format, nice: true },
    marks: [
      Plot.line(points, { x: 'minRepConversions', y: 'conversionsPerWeek', stroke: '#5a6677', curve: 'linear' }),
      Plot.dot(points, { x: 'minRepConversions', y: 'conversionsPerWeek', r: 3.5, fill: '#5a6677', title }),
      ...(current
        ? [
            Plot.dot([current], { x: 'minRepConversions', y: 'conversionsPerWeek', r: 8, stroke: '#1f5fa8', strokeWidth: 2.5, fill: 'none', ariaLabel: 'current', title }),
            Plot.text([current], { x: 'minRepConversions', y: 'conversionsPerWeek', text: () => labels.current, dx: onRight ? -12 : 12, dy: -12, textAnchor: onRight ? 'end' : 'start', fill: '#1f5fa8', fontWeight: 600 }),
          ]
        : []),
    ],
  });
}
