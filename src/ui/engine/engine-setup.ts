import rosterUrl from '../../../data/sample/roster.csv?url';
import { createBrowserDatabase } from '../../data/adapters/wasm-browser';
import type { SourceFile } from '../../data/read-table';
import type { LoadedData } from '../../pipeline/data-session';
import { createEngineHandlers } from './handlers';
import type { EngineHandlers } from './protocol';
import { webWorkerPool } from './simulate-pool';

const SAMPLE_ROSTER = 'roster.csv';

/** The only file a scenario can name that a browser can read: the sample's roster, with the sample loaded. */
async function readFile(path: string, data: LoadedData): Promise<SourceFile | null> {
  if (path !== SAMPLE_ROSTER || !data.isSample) return null;
  const response = await fetch(rosterUrl);
  if (!response.ok) throw new Error(`${SAMPLE_ROSTER}: ${response.status} ${response.statusText}`);
  return { name: SAMPLE_ROSTER, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The engine worker's handlers: its database (started already by the worker's entry), the pipeline, the simulation pool. */
export function engineHandlers(): EngineHandlers {
  return createEngineHandlers({ openDatabase: createBrowserDatabase, runner: webWorkerPool(), readFile });
}
