/**
 * `node --import tsx bench/large-team/measured-read-csv.ts <file.csv>`: the Node yardstick, native
 * DuckDB's bare `CREATE TABLE … AS SELECT * FROM read_csv(…)` of the file (every type detected,
 * no checks, no mapping) in a fresh process, then its time and peak memory on stderr.
 */
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import { reportAndExit } from './measured';

const started = performance.now();
const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: measured-read-csv.ts <file.csv>');
const db = await createNativeDatabase();
await db.exec(`CREATE TABLE reference_leads AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
const [count] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM reference_leads');
await db.close();
reportAndExit(started, 0, { rows: count!.n });
