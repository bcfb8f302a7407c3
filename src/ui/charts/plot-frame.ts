import * as Plot from '@observablehq/plot';

/** Every chart's look: the page's font, small text, and labels free to spill past the frame. */
const CHART_STYLE = { fontFamily: 'inherit', fontSize: '11px', overflow: 'visible' };

export type Chart = SVGSVGElement | HTMLElement;

/** A workbench chart: Plot with our look, named for screen readers by its title. */
export function plotChart(title: string, options: Plot.PlotOptions): Chart {
  return Plot.plot({ ...options, ariaLabel: title, style: CHART_STYLE });
}

export interface RowChartOptions extends Omit<Plot.PlotOptions, 'height' | 'y' | 'ariaLabel' | 'style'> {
  title: string;
  /** One labelled row per entry, top to bottom. */
  rows: string[];
  rowHeight: number;
  /** The height beyond the rows: the x axis, a legend. */
  chrome: number;
}

/** A chart of one horizontal row per label (per segment, rep or policy) against a gridded x axis. */
export function rowChart({ title, rows, rowHeight, chrome, x, ...options }: RowChartOptions): Chart {
  return plotChart(title, {
    ...options,
    height: rows.length * rowHeight + chrome,
    x: { grid: true, ...x },
    y: { domain: rows, label: null, tickSize: 0 },
  });
}
