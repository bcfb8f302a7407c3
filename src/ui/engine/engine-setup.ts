import rosterUrl from '../../../data/sample/roster.csv?url';
import { createBrowserDatabase } from '../../data/adapters/wasm-browser';
import type { SourceFile } from '../../data/read-table';
import type { LoadedData } from '../../pipeline/data-session';
import { loadHighs } from '../../optimize/solvers';
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
  const handlers = createEngineHandlers({ openDatabase: createBrowserDatabase, runner: webWorkerPool(), readFile });
  return { ...handlers, backtest: thenLoadSolver(handlers.backtest) };
}

/**
 * Once the Model step's backtest is in, the solver's WASM (3.5 MB to fetch and compile) loads while
 * the user reads the Model step, not when the Policies step first asks for a plan. Not earlier:
 * right after a load it held up the roster the Team step waits for, and right after the estimates
 * its compiling threads slowed the main thread drawing them (a 239 ms task on the large team). A
 * plan asked for before then loads it itself; a failure here is the first plan's to report.
 */
function thenLoadSolver<A extends unknown[], R>(handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const result = await handler(...args);
    setTimeout(() => void loadHighs().catch(() => undefined), 0);
    return result;
  };
}
