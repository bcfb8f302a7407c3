import * as Plot from '@observablehq/plot';
import { plotChart, type Chart } from './plot-frame';
import type { Outcome, WeeklyLeads } from '../../data/lead-aggregates';

export interface LeadsPerWeekOptions {
  width: number;
  height?: number;
  locale: string;
  labels: { outcomes: Record<Outcome, string>; weekOf: string; leads: string; title: string };
}

const OUTCOMES: Outcome[] = ['won', 'lost', 'open'];
const COLORS: Record<Outcome, string> = { won: '#1c7c4a', lost: '#c9cfd8', open: '#5b8fd0' };
const DAY = 86_400_000;

/** New leads per week, stacked by outcome (成交 / 输单 / 跟进中). A pure function: rows in, chart out. */
export function leadsPerWeekChart(rows: WeeklyLeads[], options: LeadsPerWeekOptions): Chart {
  const { labels, locale } = options;
  const monthDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const count = new Intl.NumberFormat(locale);
  const bars = rows.map((row) => {
    const start = new Date(`${row.week}T00:00:00Z`);
    return { ...row, start, end: new Date(start.getTime() + 7 * DAY) };
  });
  return plotChart(labels.title, {
    width: options.width,
    height: options.height ?? 200,
    marginLeft: 44,
    marginBottom: 28,
    x: { type: 'utc', label: null, tickFormat: (d: Date) => month.format(d), ticks: 6 },
    y: { label: labels.leads, grid: true, tickFormat: (n: number) => count.format(n) },
    color: {
      domain: OUTCOMES,
      range: OUTCOMES.map((o) => COLORS[o]),
      legend: true,
      tickFormat: (o: Outcome) => labels.outcomes[o],
    },
    marks: [
      Plot.rectY(bars, {
        x1: 'start',
        x2: 'end',
        y: 'leads',
        fill: 'outcome',
        order: OUTCOMES,
        inset: 0.5,
        title: (d: (typeof bars)[number]) => `${labels.weekOf} ${monthDay.format(d.start)} · ${labels.outcomes[d.outcome]}: ${count.format(d.leads)}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}
