import { afterAll, describe, expect, it } from 'vitest';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { DataSession, type LoadPhase } from '../../src/pipeline/data-session';
import { utf8 } from '../contract/fixtures';

const CSV = 'lead_id,created_at,owner,outcome,region\n1,2026-01-05,r01,won,East\n2,2026-01-06,r02,lost,east\n3,2026-01-13,r01,open,West\n';

describe('the Data step session', () => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close();
  });
  const session = () => new DataSession(async () => {
    const db = await createNativeDatabase();
    opened.push(db);
    return db;
  });

  it('hands over the report so far (counts, chart, row checks) before the column profile and spelling variants', async () => {
    const phases: LoadPhase[] = [];
    const done = await session().load([{ name: 'leads.csv', bytes: utf8(CSV) }], (p) => phases.push(p));
    expect(phases.map((p) => p.kind)).toEqual(['starting', 'reading', 'mapping', 'checking']);
    const early = (phases[3] as Extract<LoadPhase, { kind: 'checking' }>).data;
    expect(early.checking).toBe(true);
    expect(early.result.report.columns).toEqual([]);
    expect(early.result.report.issues.map((i) => i.code)).not.toContain('near_duplicate_values');
    expect(early.weekly).toEqual(done.weekly);
    expect(early.weekly.length).toBeGreaterThan(0);
    expect({ ...early.result.report, issues: [], columns: [] }).toEqual({ ...done.result.report, issues: [], columns: [] });

    expect(done.checking).toBe(false);
    expect(done.result.report.columns.map((c) => c.column)).toEqual(['lead_id', 'created_at', 'owner', 'outcome', 'region']);
    expect(done.result.report.issues.map((i) => i.code)).toContain('near_duplicate_values');
  });
});
