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
