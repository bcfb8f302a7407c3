/**
 * The bundled sample's Data report, computed when the workbench is built (sample-report-plugin.ts) by the
 * very pipeline the engine runs (DataSession on native DuckDB, equal to DuckDB-WASM's report:
 * test/ui/sample-report.test.ts), so that a first visit shows it at once. DuckDB-WASM takes 2–3 s
 * to start on a cold browser and as long again to read the sample; the engine still loads the
 * sample behind the report, and every step that needs the data waits for it.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createNativeDatabase } from '../../data/adapters/native-node';
import { DataSession, type LoadedData } from '../../pipeline/data-session';

/** What the engine's `loadSample` gives for the file at `path`, read under its own name. */
export async function buildSampleReport(path: string): Promise<LoadedData> {
  const bytes = new Uint8Array(await readFile(path));
  const db = await createNativeDatabase();
  try {
    return await new DataSession(() => Promise.resolve(db)).load([{ name: basename(path), bytes }], () => undefined, { isSample: true });
  } finally {
    await db.close();
  }
}
