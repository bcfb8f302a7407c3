import * as Plot from '@observablehq/plot';
import type { Database } from '../../src/data/database';
import type { Display } from '../lib/cell';

const sql = `
SELECT strftime(date_trunc('week', created_at), '%Y-%m-%d') AS week,
       region, product, count(*)::DOUBLE AS leads
FROM leads
WHERE created_at IS NOT NULL
GROUP BY ALL
ORDER BY ALL`;

export default async function volume(db: Database, display: Display): Promise<void> {
  const rows = await db.query<{ week: string; region: string; product: string; leads: number }>(sql);
  const data = rows.map((r) => ({ ...r, week: new Date(`${r.week}T00:00:00Z`) }));
  display(Plot.plot({
    width: 900,
    height: 420,
    marginLeft: 48,
    x: { type: 'utc', label: 'week' },
    y: { label: 'new leads per week', grid: true },
    fy: { label: 'region' },
    color: { legend: true, label: 'product' },
    marks: [
      Plot.areaY(data, { x: 'week', y: 'leads', fy: 'region', fill: 'product', order: ['Starter', 'Pro', 'Enterprise'], curve: 'step', tip: true }),
      Plot.ruleY([0]),
    ],
  }));
}
