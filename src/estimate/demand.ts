import type { ArrivalShape } from '../model/estimates';
import type { ShapeRow, WeeklyRow } from '../model/estimation-inputs';

/**
 * Arrivals (DESIGN §3.1): new leads per segment per week, and when in the week and the day they
 * come. Open leads count: demand is every lead that arrives, whatever became of it.
 */

export interface SegmentDemand {
  segment: string;
  /** Leads with a creation time over the weeks of the history. */
  leads: number;
  /** Mean new leads per week, and the standard deviation of the weekly counts. */
  perWeek: number;
  sdPerWeek: number;
}

/**
 * Weeks without a lead of a segment count as 0: the mean and sd are over every week from the
 * first lead's to the last one's. A first or last week only partly covered pulls the mean down
 * slightly; with a year of history that is under 2%.
 */
export function estimateDemand(weekly: WeeklyRow[], weeks: string[], segments: string[]): SegmentDemand[] {
  const counts = new Map<string, Map<string, number>>();
  for (const row of weekly) {
    const bySegment = counts.get(row.segment) ?? new Map<string, number>();
    bySegment.set(row.week, (bySegment.get(row.week) ?? 0) + row.leads);
    counts.set(row.segment, bySegment);
  }
  return segments.map((segment) => {
    const series = weeks.map((week) => counts.get(segment)?.get(week) ?? 0);
    const leads = series.reduce((a, b) => a + b, 0);
    const perWeek = series.length ? leads / series.length : 0;
    const variance = series.length > 1 ? series.reduce((s, x) => s + (x - perWeek) ** 2, 0) / (series.length - 1) : 0;
    return { segment, leads, perWeek, sdPerWeek: Math.sqrt(variance) };
  });
}

export function arrivalShape(rows: ShapeRow[], weeks: number): ArrivalShape {
  const weekday = new Array<number>(7).fill(0);
  const hour = new Array<number>(24).fill(0);
  let total = 0;
  for (const row of rows) {
    weekday[row.weekday - 1]! += row.leads;
    hour[row.hour]! += row.leads;
    total += row.leads;
  }
  const share = (xs: number[]) => xs.map((x) => (total > 0 ? x / total : 0));
  return { weekday: share(weekday), hour: share(hour), weeks };
}
