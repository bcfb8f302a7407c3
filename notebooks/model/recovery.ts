import * as Plot from '@observablehq/plot';
import type { Database } from '../../src/data/database';
import { decayMultiplier } from '../../src/estimate/decay';
import { logistic } from '../../src/estimate/beta';
import truthJson from '../../data/sample/truth.json';
import type { Display } from '../lib/cell';
import { table } from '../lib/table';
import type { Estimates } from '../../src/model/estimates';

// The sample was generated with known parameters (data/sample/truth.json): each lead's chance was
// logistic(segmentBase + skill + cell effect) × decay(hours to first touch), 0 if never touched.
// A cell's true rate is the mean of that over its decided leads, at their actual response times.
const sql = `
SELECT concat_ws('|', region, product) AS segment, owner AS rep,
       date_diff('minute', created_at, first_touch_at) / 60.0 AS hours
FROM leads WHERE outcome IN ('won', 'lost') AND owner IS NOT NULL`;

export default async function recovery(db: Database, e: Estimates, display: Display): Promise<void> {
  const truth = truthJson.conversion;
  const skill = new Map(truth.reps.map((r) => [r.rep_id, r.skill]));
  const base = truth.segmentBase as Record<string, number>;
  const effects = truth.repSegmentEffects as Record<string, Record<string, number>>;
  const sums = new Map<string, { p: number; n: number }>();
  for (const lead of await db.query<{ segment: string; rep: string; hours: number | null }>(sql)) {
    const p = lead.hours === null ? 0 : logistic(base[lead.segment]! + skill.get(lead.rep)! + effects[lead.rep]![lead.segment]!) * decayMultiplier(truth.decay, lead.hours);
    const key = `${lead.segment}|${lead.rep}`;
    const s = sums.get(key) ?? { p: 0, n: 0 };
    sums.set(key, { p: s.p + p, n: s.n + 1 });
  }
  const cells = e.conversion.filter((c) => c.n > 0).map((c) => {
    const t = sums.get(`${c.segment}|${c.rep}`);
    if (!t) throw new Error(`truth.json has no planted rate for ${c.rep} × ${c.segment}`);
    return { ...c, raw: c.raw!, truth: t.p / t.n, region: c.segment.split('|')[0]!, product: c.segment.split('|')[1]! };
  });
  // Error weighted by decided leads, so a 2-lead cell counts as little as it tells.
  const rmse = (pick: (c: (typeof cells)[number]) => number) =>
    Math.sqrt(cells.reduce((s, c) => s + c.n * (pick(c) - c.truth) ** 2, 0) / cells.reduce((s, c) => s + c.n, 0));
  const errors = { raw: rmse((c) => c.raw), shrunk: rmse((c) => c.mean), prior: rmse((c) => c.prior) };
  const pp = (x: number) => `${(100 * x).toFixed(2)} pp`;
  display(errors.shrunk < errors.raw
    ? `Recovered: the shrunk estimates are closer to the planted rates than the raw rates — n-weighted RMSE ${pp(errors.shrunk)} against ${pp(errors.raw)} (${(100 * (1 - errors.shrunk / errors.raw)).toFixed(0)}% less error), over ${cells.length} cells.`
    : `NOT recovered: the shrunk estimates (RMSE ${pp(errors.shrunk)}) are no closer to the planted rates than the raw rates (${pp(errors.raw)}).`);
  display(table([
    { estimate: 'raw rate won / decided', 'n-weighted RMSE': pp(errors.raw) },
    { estimate: 'segment + rep prior alone', 'n-weighted RMSE': pp(errors.prior) },
    { estimate: 'shrunk (the estimate)', 'n-weighted RMSE': pp(errors.shrunk) },
  ]));
  const reps = [...new Set(cells.map((c) => c.rep))].sort();
  display(Plot.plot({
    width: 900,
    height: 3 * (reps.length * 11 + 30),
    marginLeft: 40,
    marginRight: 80,
    x: { label: 'conversion: raw (grey) → shrunk (blue); planted truth (red tick)', percent: true, grid: true },
    y: { label: null, domain: reps },
    fx: { label: 'region' },
    fy: { label: 'product', domain: ['Starter', 'Pro', 'Enterprise'] },
    marks: [
      Plot.frame({ stroke: '#e3e6ec' }),
      Plot.arrow(cells, { y: 'rep', x1: 'raw', x2: 'mean', fx: 'region', fy: 'product', stroke: '#2b5fab', headLength: 4, bend: false }),
      Plot.dot(cells, { y: 'rep', x: 'raw', fx: 'region', fy: 'product', r: 2, fill: '#9aa3b5' }),
      Plot.tickX(cells, { y: 'rep', x: 'truth', fx: 'region', fy: 'product', stroke: '#c2410c', strokeWidth: 2 }),
    ],
  }));
  display(`The ${truth.planted.length} planted effects, by story: ${truth.planted.map((p) => `${p.rep_id} × ${p.segment} (${p.effect > 0 ? '+' : ''}${p.effect}: ${p.story})`).join('; ')}.`);
}
