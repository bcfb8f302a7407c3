import * as Plot from '@observablehq/plot';
import { rowChart, type Chart } from './plot-frame';
import type { Formats } from '../format';
import { SEGMENT_ROWS, segmentLabel } from './segment-label';
import type { SegmentEstimate } from '../../model/estimates';

export interface SegmentDemandOptions {
  width: number;
  fmt: Pick<Formats, 'number'>;
  labels: { title: string; perWeek: string; sd: string };
}

/** New leads per week in each segment, with a whisker of ± one standard deviation of the weekly count. */
export function segmentDemandChart(segments: SegmentEstimate[], options: SegmentDemandOptions): Chart {
  const { fmt, labels } = options;
  const rows = segments.map((s) => ({ label: segmentLabel(s.key), perWeek: s.perWeek, sd: s.sdPerWeek, lo: Math.max(0, s.perWeek - s.sdPerWeek), hi: s.perWeek + s.sdPerWeek }));
  type Row = (typeof rows)[number];
  const title = (r: Row) => `${r.label}: ${fmt.number(r.perWeek)} ${labels.perWeek} (± ${fmt.number(r.sd)} ${labels.sd})`;
  return rowChart({
    title: labels.title,
    width: options.width,
    rows: rows.map((r) => r.label),
    ...SEGMENT_ROWS,
    x: { label: labels.perWeek, tickFormat: (n: number) => fmt.number(n) },
    marks: [
      Plot.barX(rows, { y: 'label', x: 'perWeek', fill: '#9fbfe3', inset: 3, title }),
      Plot.ruleY(rows, { y: 'label', x1: 'lo', x2: 'hi', stroke: '#174a85', strokeWidth: 1.5 }),
      Plot.tickX(rows, { y: 'label', x: 'lo', stroke: '#174a85', inset: 7 }),
      Plot.tickX(rows, { y: 'label', x: 'hi', stroke: '#174a85', inset: 7 }),
      Plot.ruleX([0]),
    ],
  });
}
