import * as Plot from '@observablehq/plot';
import { plotChart, type Chart } from './plot-frame';
import type { Formats } from '../format';
import { segmentLabel } from './segment-label';
import type { ConversionCell, RepEffect, SegmentEstimate } from '../../model/estimates';

export interface ConversionHeatmapOptions {
  width: number;
  fmt: Pick<Formats, 'number' | 'percent'>;
  /** Rep ids in column order (cells of other reps are left out), and the name shown for each. */
  reps: string[];
  repNames: Map<string, string>;
  /** Segment keys in row order; cells of other segments are left out. */
  segments: string[];
  labels: { title: string; rep: string; segment: string; conversion: string; interval: string; evidence: (decided: string, won: string) => string; neverSeen: string };
}

/** An interval this wide (or wider) draws its cell at the faintest opacity. */
const WIDEST = 0.4;
const FAINTEST = 0.25;
/**
 * The most segments (rows) and reps (columns) the heatmap draws. Past this a cell is too small to
 * read, and a team of hundreds would make the page build hundreds of thousands of elements.
 */
export const HEATMAP_LIMIT = 40;
/** Past this many reps a column is too narrow for the figures: they stay in each cell's tooltip. */
const FIGURES_UP_TO = 20;

/** The segments with the most leads and the reps with the most decided leads, at most `limit` of each, in their given order. */
export function heatmapAxes(segments: readonly SegmentEstimate[], reps: readonly RepEffect[], limit = HEATMAP_LIMIT): { segments: string[]; reps: string[] } {
  return { segments: largest(segments, (s) => s.leads, limit).map((s) => s.key), reps: largest(reps, (r) => r.n, limit).map((r) => r.rep) };
}

function largest<T>(items: readonly T[], size: (item: T) => number, limit: number): T[] {
  if (items.length <= limit) return [...items];
  const kept = new Set([...items].sort((a, b) => size(b) - size(a)).slice(0, limit));
  return items.filter((item) => kept.has(item));
}

/**
 * Conversion by rep × segment: colour is the posterior mean; how sure we are shows as opacity (a
 * wide 90% interval fades the cell) and as the evidence n printed in it. Cells a rep never worked
 * hold the prior alone: faint, with a dash instead of a figure.
 */
export function conversionHeatmap(cells: readonly ConversionCell[], options: ConversionHeatmapOptions): Chart {
  const { fmt, labels, repNames } = options;
  const shownReps = new Set(options.reps);
  const shownSegments = new Set(options.segments);
  const shown = cells.filter((c) => shownReps.has(c.rep) && shownSegments.has(c.segment));
  const top = shown.reduce((max, c) => Math.max(max, c.mean), 0.01);
  const opacity = (c: ConversionCell) => (c.priorOnly ? FAINTEST : Math.max(FAINTEST, 1 - (c.hi - c.lo) / WIDEST));
  // White text only where the drawn cell is dark enough to carry it.
  const ink = (c: ConversionCell) => ((c.mean / top) * opacity(c) > 0.55 ? '#fff' : '#1c2430');
  const name = (rep: string) => repNames.get(rep) ?? rep;
  const rows = shown.map((c) => ({ ...c, repName: name(c.rep), label: segmentLabel(c.segment) }));
  type Row = (typeof rows)[number];
  const title = (c: Row) =>
    [
      `${labels.rep}: ${c.repName} (${c.rep})`,
      `${labels.segment}: ${c.label}`,
      `${labels.conversion}: ${fmt.percent(c.mean)}`,
      `${labels.interval}: ${fmt.percent(c.lo)} – ${fmt.percent(c.hi)}`,
      c.priorOnly ? labels.neverSeen : labels.evidence(fmt.number(c.n), fmt.number(c.won)),
    ].join('\n');
  const figures = options.reps.length <= FIGURES_UP_TO;
  const rowHeight = figures ? 36 : 24;
  const marginTop = figures ? 34 : 100;
  return plotChart(labels.title, {
    width: options.width,
    height: options.segments.length * rowHeight + marginTop + 36,
    marginLeft: 150,
    marginTop,
    marginBottom: 8,
    x: { domain: options.reps.map(name), axis: 'top', label: null, tickSize: 0, ...(figures ? {} : { tickRotate: -45 }) },
    y: { domain: options.segments.map(segmentLabel), label: null, tickSize: 0 },
    color: { type: 'linear', scheme: 'blues', domain: [0, top], legend: true, label: labels.conversion, tickFormat: (p: number) => fmt.percent(p) },
    opacity: { type: 'identity' },
    marks: [
      // A tip on pointing (one element) rather than a <title> and a label in every cell: 40 × 40 cells
      // were 3,200 elements more for the page to lay out when the large team's estimates came in.
      Plot.cell(rows, { x: 'repName', y: 'label', fill: 'mean', fillOpacity: opacity, inset: 1, title, tip: true }),
      Plot.cell(rows.filter((c) => c.priorOnly), { x: 'repName', y: 'label', fill: 'none', stroke: '#8792a2', strokeDasharray: '3,2', inset: 2 }),
      ...(figures
        ? [
            Plot.text(rows, { x: 'repName', y: 'label', text: (c: Row) => (c.priorOnly ? '–' : fmt.percent(c.mean)), fill: ink, dy: -5, fontSize: 11, pointerEvents: 'none' }),
            Plot.text(rows.filter((c) => !c.priorOnly), { x: 'repName', y: 'label', text: (c: Row) => `n ${fmt.number(c.n)}`, fill: ink, dy: 8, fontSize: 9, fillOpacity: 0.8, pointerEvents: 'none' }),
          ]
        : []),
    ],
  });
}
