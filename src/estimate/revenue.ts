import type { SegmentRevenue } from '../model/estimates';

/**
 * Revenue per won lead per segment: the mean `value` of the segment's won leads. Below
 * MIN_WINS wins with a value the segment's own mean is mostly noise (deal values are skewed, one
 * large deal moves it), so the overall mean of won leads stands in, flagged as such.
 */

export const MIN_WINS_FOR_SEGMENT_VALUE = 10;

export interface SegmentValueCount {
  segment: string;
  wonWithValue: number;
  wonValueSum: number;
}

export function revenuePerWin(rows: SegmentValueCount[], segments: string[]): SegmentRevenue[] {
  const bySegment = new Map<string, { wins: number; sum: number }>();
  let wins = 0;
  let sum = 0;
  for (const row of rows) {
    const s = bySegment.get(row.segment) ?? { wins: 0, sum: 0 };
    s.wins += row.wonWithValue;
    s.sum += row.wonValueSum;
    bySegment.set(row.segment, s);
    wins += row.wonWithValue;
    sum += row.wonValueSum;
  }
  const overall = wins > 0 ? sum / wins : null;
  return segments.map((segment) => {
    const s = bySegment.get(segment) ?? { wins: 0, sum: 0 };
    if (s.wins >= MIN_WINS_FOR_SEGMENT_VALUE) return { segment, wins: s.wins, perWin: s.sum / s.wins, source: 'segment' };
    return { segment, wins: s.wins, perWin: overall, source: overall === null ? 'none' : 'overall' };
  });
}
