/**
 * The measured work, written once for every runtime: Node runs it against the native and the
 * WASM adapters, the bench page runs it in Chromium. Times are performance.now() milliseconds.
 */
import type { Database } from '../../src/data/database';
import { mapLeads, readSources } from '../../src/data/import-leads';
import { REFERENCE_AGGREGATE, SEGMENT_OWNER_AGGREGATE, referenceLoad } from './sql';
import { timeStatements, type StatementTime } from './timed-database';

export interface LoadRun {
  startup: number;
  read: number;
  map: number;
  aggregate: number;
  /** Rows DuckDB read, rows the mapping accepted, and the sum of the aggregate's counts (= accepted). */
  rowsRead: number;
  accepted: number;
  aggregated: number;
  statements: StatementTime[];
}

export interface ReferenceRun {
  startup: number;
  read: number;
  aggregate: number;
  rowsRead: number;
  aggregated: number;
}

export interface RuntimeRuns {
  loads: LoadRun[];
  references: ReferenceRun[];
}

export type OpenDatabase = () => Promise<Database>;
export type Log = (line: string) => void;

/**
 * `repetitions` × (a load on a fresh database, then the reference on another fresh one).
 * `bytes` is copied for each use: the WASM adapters take the buffer they are given.
 */
export async function measureRuntime(open: OpenDatabase, name: string, bytes: Uint8Array, repetitions: number, log: Log): Promise<RuntimeRuns> {
  const runs: RuntimeRuns = { loads: [], references: [] };
  for (let rep = 1; rep <= repetitions; rep++) {
    const load = await measureLoad(open, name, bytes.slice());
    log(`rep ${rep}: start-up ${ms(load.startup)}, read ${ms(load.read)}, map ${ms(load.map)}, aggregate ${ms(load.aggregate)}`);
    runs.loads.push(load);
    const reference = await measureReference(open, name, bytes.slice());
    log(`rep ${rep}: reference read_csv ${ms(reference.read)} + aggregate ${ms(reference.aggregate)}`);
    runs.references.push(reference);
  }
  return runs;
}

async function measureLoad(open: OpenDatabase, name: string, bytes: Uint8Array): Promise<LoadRun> {
  let t = performance.now();
  const timed = timeStatements(await open());
  const startup = performance.now() - t;
  try {
    timed.setPhase('read');
    t = performance.now();
    const raws = await readSources(timed.db, [{ name, bytes }]);
    const read = performance.now() - t;
    timed.setPhase('map');
    t = performance.now();
    const imported = await mapLeads(timed.db, raws);
    const map = performance.now() - t;
    timed.setPhase('aggregate');
    t = performance.now();
    const groups = await timed.db.query<{ leads: number }>(SEGMENT_OWNER_AGGREGATE);
    const aggregate = performance.now() - t;
    return {
      startup, read, map, aggregate,
      rowsRead: raws[0]!.rows,
      accepted: imported.report.accepted,
      aggregated: groups.reduce((s, g) => s + g.leads, 0),
      statements: timed.statements,
    };
  } finally {
    await timed.db.close();
  }
}

async function measureReference(open: OpenDatabase, name: string, bytes: Uint8Array): Promise<ReferenceRun> {
  let t = performance.now();
  const db = await open();
  const startup = performance.now() - t;
  try {
    t = performance.now();
    const file = await db.registerFile(`reference-${name}`, bytes);
    await db.exec(referenceLoad(file));
    await db.dropFile(file);
    const read = performance.now() - t;
    t = performance.now();
    const groups = await db.query<{ leads: number }>(REFERENCE_AGGREGATE);
    const aggregate = performance.now() - t;
    const [count] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM reference_leads');
    return { startup, read, aggregate, rowsRead: count!.n, aggregated: groups.reduce((s, g) => s + g.leads, 0) };
  } finally {
    await db.close();
  }
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
