import * as Plot from '@observablehq/plot';
import type { Database } from '../../src/data/database';
import type { Display } from '../lib/cell';
import { percent, table } from '../lib/table';

// Open leads have no outcome yet: the rate is won / decided. The interval is Wilson's (90%).
const sql = `
WITH by_source AS (
  SELECT coalesce(source, '(blank)') AS source,
         count(*) FILTER (WHERE outcome IN ('won', 'lost'))::DOUBLE AS decided,
         count(*) FILTER (WHERE outcome = 'won')::DOUBLE AS won
  FROM leads GROUP BY ALL
), rated AS (SELECT *, won / decided AS rate, 1.6449 AS z FROM by_source WHERE decided > 0)
SELECT source, decided, won, rate,
       (rate + z*z/(2*decided) - z*sqrt(rate*(1-rate)/decided + z*z/(4*decided*decided))) / (1 + z*z/decided) AS lo,
       (rate + z*z/(2*decided) + z*sqrt(rate*(1-rate)/decided + z*z/(4*decided*decided))) / (1 + z*z/decided) AS hi
FROM rated ORDER BY rate DESC`;

export default async function conversionBySource(db: Database, display: Display): Promise<void> {
  const rows = await db.query<{ source: string; decided: number; won: number; rate: number; lo: number; hi: number }>(sql);
  display(Plot.plot({
    width: 900,
    marginLeft: 110,
    marginRight: 70,
    // Plot's percent option scales the values, not a given domain: the domain is in percent.
    x: { label: 'conversion, % (won / decided), 90% interval', percent: true, grid: true, domain: [0, 100 * Math.max(...rows.map((r) => r.hi))] },
    y: { label: null, domain: rows.map((r) => r.source) },
    marks: [
      Plot.barX(rows, { x: 'rate', y: 'source', fill: '#9fb7d9' }),
      Plot.ruleY(rows, { x1: 'lo', x2: 'hi', y: 'source', stroke: '#1d2330' }),
      Plot.text(rows, { x: 'hi', y: 'source', text: (r) => `n=${r.decided}`, dx: 6, textAnchor: 'start', fill: '#6b7385' }),
    ],
  }));
  display(table(rows, { format: { rate: percent(), lo: percent(), hi: percent() } }));
}
