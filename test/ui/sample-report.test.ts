import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createWasmNodeDatabase } from '../../src/data/adapters/wasm-node';
import { DataSession } from '../../src/pipeline/data-session';
import { buildSampleReport } from '../../src/ui/build/sample-report';

const SAMPLE = fileURLToPath(new URL('../../data/sample/leads.csv', import.meta.url));

/**
 * The first visit shows the sample's report as the build computed it (native DuckDB), before
 * DuckDB-WASM has read the sample; the engine's own report then replaces it. They must be the
 * same report, down to every count and example, or the screen would change under the user.
 */
describe('the sample report made at build time', () => {
  it('is the report DuckDB-WASM makes of the same bytes, and survives the trip through JSON', async () => {
    const built = await buildSampleReport(SAMPLE);
    const asShipped = JSON.parse(JSON.stringify(built)) as unknown;
    expect(asShipped).toEqual(built);
    const db = await createWasmNodeDatabase();
    try {
      const live = await new DataSession(() => Promise.resolve(db)).load([{ name: 'leads.csv', bytes: new Uint8Array(readFileSync(SAMPLE)) }], () => undefined, { isSample: true });
      expect(asShipped).toEqual(JSON.parse(JSON.stringify(live)));
      expect(built.result.report.rowsRead).toBeGreaterThan(6000);
    } finally {
      await db.close();
    }
  }, 60_000);
});
