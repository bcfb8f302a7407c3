import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/data/database';
import { createdRange, readEstimationInputs, valueBandLabels } from '../../src/data/estimation-inputs';
import { loadLeads } from './support';

/** Six leads: an open one, one closed late, one never touched, one without owner, one with a blank region. */
const CSV = [
  'lead_id,created_at,owner,region,product,value,first_touch_at,outcome,closed_at',
  'L1,2026-01-05 09:00:00,r1,East,Pro,8000,2026-01-05 09:30:00,Won,2026-01-20 10:00:00',
  'L2,2026-01-06 10:00:00,r1,East,Pro,60000,2026-01-06 13:00:00,Lost,2026-01-25 10:00:00',
  'L3,2026-01-07 11:00:00,r2,East,Pro,20000,,Open,',
  'L4,2026-01-13 12:00:00,r2,North,Pro,20000,,Lost,2026-02-13 12:00:00',
  'L5,2026-01-14 12:00:00,,North,Pro,,2026-01-16 12:00:00,Won,2026-03-01 12:00:00',
  'L6,2026-01-28 08:00:00,r2,,Pro,500,2026-01-28 08:10:00,Won,2026-02-02 12:00:00',
].join('\n') + '\n';

let db: Database;
beforeAll(async () => {
  db = await loadLeads([{ name: 'leads.csv', text: CSV }]);
});
afterAll(() => db.close());

describe('estimation inputs from the canonical leads (SQL run on DuckDB)', () => {
  it('counts open leads as demand and never as conversion evidence', async () => {
    const inputs = await readEstimationInputs(db, { fields: ['region'], valueBands: [] });
    const east = inputs.outcomes.filter((o) => o.segment === 'East');
    expect(east.reduce((s, o) => s + o.decided, 0)).toBe(2);
    expect(inputs.segments.find((s) => s.key === 'East')).toMatchObject({ leads: 3, open: 1 });
    expect(inputs.leads).toBe(6);
  });

  it('buckets first touch by hours, and keeps leads never touched apart', async () => {
    const inputs = await readEstimationInputs(db, { fields: ['region'], valueBands: [] });
    const touchOf = (segment: string, rep: string | null) => inputs.outcomes.filter((o) => o.segment === segment && o.rep === rep).map((o) => o.touch);
    expect(touchOf('East', 'r1').sort()).toEqual([0, 2]);
    expect(touchOf('North', 'r2')).toEqual([null]);
    expect(touchOf('North', null)).toEqual([7]);
    expect(inputs.withFirstTouch).toBe(4);
    expect(inputs.withoutOwner).toBe(1);
  });

  it('names blank segment values and cuts value bands', async () => {
    expect(valueBandLabels([10000, 50000])).toEqual(['<10000', '10000-50000', '>=50000']);
    const inputs = await readEstimationInputs(db, { fields: ['region', 'product'], valueBands: [10000, 50000] });
    expect(inputs.segments.map((s) => s.key)).toEqual([
      '(blank)|Pro|<10000', 'East|Pro|10000-50000', 'East|Pro|<10000', 'East|Pro|>=50000', 'North|Pro|(no value)', 'North|Pro|10000-50000',
    ]);
    expect(inputs.segments[0]).toMatchObject({ fields: { region: '(blank)', product: 'Pro' }, valueBand: '<10000' });
  });

  it('sums won value per cell and counts the weeks between, empty ones included', async () => {
    const inputs = await readEstimationInputs(db, { fields: ['product'], valueBands: [] });
    const won = inputs.outcomes.filter((o) => o.won > 0);
    expect(won.reduce((s, o) => s + o.wonValueSum, 0)).toBe(8500);
    expect(won.reduce((s, o) => s + o.wonWithValue, 0)).toBe(2);
    expect(inputs.weeks).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    expect(inputs.weekly.map((w) => w.week)).not.toContain('2026-01-19');
  });

  it('reads a backtest window: created in range, and decided only if closed before the cutoff', async () => {
    const early = await readEstimationInputs(db, { fields: ['product'], valueBands: [] }, { createdBefore: '2026-01-20 00:00:00', decidedBefore: '2026-01-22 00:00:00' });
    expect(early.leads).toBe(5);
    expect(early.outcomes.reduce((s, o) => s + o.decided, 0)).toBe(1);
    expect(early.segments[0]).toMatchObject({ leads: 5, open: 4 });
    const late = await readEstimationInputs(db, { fields: ['product'], valueBands: [] }, { createdFrom: '2026-01-20 00:00:00' });
    expect(late.leads).toBe(1);
    expect(await createdRange(db)).toMatchObject({ from: '2026-01-05 09:00:00', to: '2026-01-28 08:00:00' });
  });

  it('refuses a segment field that is not a column, naming the JSON path and the columns there are', async () => {
    await expect(readEstimationInputs(db, { fields: ['region', 'segment'], valueBands: [] })).rejects.toThrow(
      /^segments\.fields\[1\]: "segment" is not a column of the leads \(columns: lead_id, created_at, .*region, product\)/,
    );
    await expect(readEstimationInputs(db, { fields: ['region'], valueBands: [50000, 10000] })).rejects.toThrow(/^segments\.valueBands\[1\]: 10000 must be a number above/);
  });
});
