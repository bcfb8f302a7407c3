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
    // One element per row and mark: a large team's 300 segments had drawn 1,830 (a <title> per bar,
    // a rule and two ticks per whisker) in one task of about 100 ms. The title shows as a tip on
    // hover, and each whisker is one line with its end ticks as markers.
    marks: [
      Plot.barX(rows, { y: 'label', x: 'perWeek', fill: '#9fbfe3', inset: 3, title, tip: true }),
      Plot.link(rows, { y1: 'label', y2: 'label', x1: 'lo', x2: 'hi', stroke: '#174a85', strokeWidth: 1.5, markerStart: 'tick', markerEnd: 'tick' }),
      Plot.ruleX([0]),
    ],
  });
}
