import * as Plot from '@observablehq/plot';
import type { Database } from '../../src/data/database';
import type { Display } from '../lib/cell';
import { percent, table } from '../lib/table';

// Hours from creation to first touch, in doubling buckets (under 1 h, 1–2 h, 2–4 h, …), over the
// decided leads; leads never touched are a row of their own.
const sql = `
WITH decided AS (
  SELECT outcome = 'won' AS won,
         date_diff('minute', created_at, first_touch_at) / 60.0 AS hours
  FROM leads WHERE outcome IN ('won', 'lost') AND created_at IS NOT NULL
), bucketed AS (
  SELECT won, hours,
         CASE WHEN hours IS NULL THEN NULL WHEN hours < 1 THEN 0 ELSE floor(log2(hours))::INTEGER + 1 END AS bucket
  FROM decided
)
SELECT bucket,
       CASE WHEN bucket IS NULL THEN 'never touched' WHEN bucket = 0 THEN '< 1 h'
            ELSE format('{}–{} h', (2 ^ (bucket - 1))::INTEGER, (2 ^ bucket)::INTEGER) END AS "first touch",
       median(hours) AS "median hours",
       count(*)::DOUBLE AS decided,
       count(*) FILTER (WHERE won)::DOUBLE AS won,
       avg(won::INTEGER) AS rate
FROM bucketed GROUP BY bucket ORDER BY bucket NULLS LAST`;

export default async function responseTime(db: Database, display: Display): Promise<void> {
  const rows = await db.query<{ bucket: number | null; 'first touch': string; 'median hours': number | null; decided: number; won: number; rate: number }>(sql);
  const touched = rows.filter((r) => r.bucket !== null && r.decided >= 20).map((r) => ({ ...r, se: Math.sqrt((r.rate * (1 - r.rate)) / r.decided) }));
  display(Plot.plot({
    width: 900,
    height: 340,
    marginLeft: 48,
    x: { type: 'log', label: 'hours to first touch (bucket median, log scale)', grid: true },
    // Plot's percent option scales the values, not a given domain: the domain is in percent.
    y: { label: 'conversion (won / decided)', percent: true, grid: true, domain: [0, 100 * Math.max(...touched.map((r) => r.rate + 2 * r.se))] },
    marks: [
      Plot.ruleX(touched, { x: 'median hours', y1: (r) => Math.max(0, r.rate - 1.645 * r.se), y2: (r) => r.rate + 1.645 * r.se, stroke: '#6b7385' }),
      Plot.line(touched, { x: 'median hours', y: 'rate', stroke: '#2b5fab' }),
      Plot.dot(touched, { x: 'median hours', y: 'rate', r: (r) => Math.sqrt(r.decided), fill: '#2b5fab', tip: true }),
      Plot.ruleY([0]),
    ],
  }));
  display('Dot area is the number of decided leads; the bars are 90% normal intervals. Buckets with fewer than 20 decided leads are in the table only.');
  display(table(rows, { columns: ['first touch', 'median hours', 'decided', 'won', 'rate'], format: { rate: percent() } }));
}
