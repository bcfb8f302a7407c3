import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRollout, rolloutCsv } from '../../data/generator/rollout';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import { LEADS_TABLE } from '../../src/data/canonical-leads';
import { DataSession } from '../../src/pipeline/data-session';

describe('reading a rollout aside', () => {
  it('maps the other file for the task, then maps the loaded history back as it was', async () => {
    const db = await createNativeDatabase();
    try {
      const session = new DataSession(() => Promise.resolve(db));
      const sample = await session.load([{ name: 'leads.csv', bytes: new Uint8Array(readFileSync('data/sample/leads.csv')) }], () => undefined, { isSample: true });
      const count = async () => (await db.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${LEADS_TABLE}`))[0]!.n;
      const before = await count();
      const csv = rolloutCsv(generateRollout({ seed: 1, weeks: 2, leadsPerWeek: 50, candidateShare: 0.5, gain: 0 }), '2026-01-05', ['r01']);
      const phases: string[] = [];
      const seen = await session.readAside([{ name: 'since.csv', bytes: new TextEncoder().encode(csv) }], {}, async (_, leads) => ({ rows: await count(), arm: leads.attributes.includes('arm') }), (p) => phases.push(p.kind));
      expect(seen).toEqual({ rows: 100, arm: true });
      expect(await count()).toBe(before);
      expect(session.current).toBe(sample);
      expect(phases).toEqual(['reading', 'mapping', 'restoring']);
      // A failing task still leaves the history in place.
      await expect(session.readAside([{ name: 'bad.csv', bytes: new TextEncoder().encode(csv) }], {}, async () => { throw new Error('boom'); }, () => undefined)).rejects.toThrow('boom');
      expect(await count()).toBe(before);
    } finally {
      await db.close();
    }
  }, 60_000);
});
