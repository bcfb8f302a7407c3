import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { importLeads } from '../../src/data/import-leads';
import { inferRoster, readRoster } from '../../src/data/roster';

const sample = (name: string) => {
  const file = path.resolve(import.meta.dirname, '../../data/sample', name);
  return { name, bytes: new Uint8Array(readFileSync(file)) };
};

describe('the roster of the sample team', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createNativeDatabase();
  });
  afterAll(() => db.close());

  it('is read from roster.csv with skills, tiers, capacities and who is active', async () => {
    const roster = await readRoster(db, sample('roster.csv'));
    expect(roster.origin).toBe('file');
    expect(roster.reps).toHaveLength(15);
    expect(roster.reps[0]).toMatchObject({ rep_id: 'r01', name: '王芳', tier: 'senior', skills: ['region:East', 'product:Enterprise', 'lang:zh'], capacity_per_week: 16 });
    expect(roster.reps.filter((r) => !r.active).map((r) => r.rep_id).sort()).toEqual(['r10', 'r14']);
  });

  it('reads working hours and absences in Chinese headers, and names the row and column of one it cannot read', async () => {
    const text = (body: string) => ({ name: 'team.csv', bytes: new TextEncoder().encode(`销售编号,姓名,每周容量,工作时间,请假\n${body}\n`) });
    const roster = await readRoster(db, text('r1,王芳,16,周一至周五 9-18,2026-02-02..2026-02-06；2026-03-09'));
    expect(roster.reps[0]).toMatchObject({ working_hours: '周一至周五 9-18', absences: ['2026-02-02..2026-02-06', '2026-03-09'] });
    await expect(readRoster(db, text('r1,王芳,16,whenever,'))).rejects.toThrow(/team\.csv: row 1, column "工作时间": "whenever" is not working hours/);
    await expect(readRoster(db, text('r1,王芳,16,9-18,next week'))).rejects.toThrow(/team\.csv: row 1, column "请假": "next week" is not a date/);
  });

  it('refuses a roster with a header and no reps', async () => {
    await expect(readRoster(db, { name: 'team.csv', bytes: new TextEncoder().encode('rep_id,name,capacity_per_week\n') })).rejects.toThrow(/^team\.csv: the roster has a header but no reps\.$/);
  });

  it('refuses a line it cannot split, naming the line, instead of dropping a rep', async () => {
    const file = { name: 'team.csv', bytes: new TextEncoder().encode('rep_id,name,capacity_per_week\nr1,Ann,10\nr2,Bob\nr3,Cy,12\n') };
    await expect(readRoster(db, file)).rejects.toThrow(/^team\.csv, line 3: the line could not be read .*a rep would be missing/);
  });

  it('refuses a column it does not read, naming the field meant when it is a misspelling', async () => {
    const csv = (header: string) => ({ name: 'team.csv', bytes: new TextEncoder().encode(`${header}\nr1,Ann,10,East\n`) });
    await expect(readRoster(db, csv('rep_id,name,capacity_per_week,skils'))).rejects.toThrow(/^team\.csv, column "skils": not a roster column; did you mean skills\?/);
    await expect(readRoster(db, csv('rep_id,name,capacity_per_week,office phone'))).rejects.toThrow(/^team\.csv, column "office phone": not a roster column \(roster columns: rep_id, name, team/);
  });

  it('is inferred from the owners when no roster is given, each guess explained', async () => {
    const { attributes } = await importLeads(db, [sample('leads.csv')]);
    const roster = await inferRoster(db, attributes);
    expect(roster.origin).toBe('inferred');
    expect(roster.reps.map((r) => r.rep_id)).toEqual(Array.from({ length: 15 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`));
    const r01 = roster.reps.find((r) => r.rep_id === 'r01')!;
    expect(r01.skills).toContain('region:East');
    expect(r01.capacity_per_week).toBeGreaterThan(0);
    // The two reps who left before the end of the year received no lead in its last weeks.
    expect(roster.reps.filter((r) => !r.active).map((r) => r.rep_id).sort()).toEqual(['r10', 'r14']);
    expect(roster.notes.join(' ')).toMatch(/region:<value> for each "region"/);
  });
});
