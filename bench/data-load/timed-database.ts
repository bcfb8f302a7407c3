import type { Database } from '../../src/data/database';

export interface StatementTime {
  phase: string;
  ms: number;
  sql: string;
}

export interface TimedDatabase {
  db: Database;
  /** Labels the statements that follow (read, map, aggregate…). */
  setPhase(phase: string): void;
  statements: StatementTime[];
}

/** Long enough to tell the big generated statements apart, short enough to keep the JSON readable. */
const SQL_SHOWN = 3000;

/** Wraps a Database so that every statement (and file registration) is timed and kept. */
export function timeStatements(inner: Database): TimedDatabase {
  const statements: StatementTime[] = [];
  let phase = '';
  const timed = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      statements.push({ phase, ms: performance.now() - started, sql: sql.replace(/\s+/g, ' ').trim().slice(0, SQL_SHOWN) });
    }
  };
  const db: Database = {
    kind: inner.kind,
    query: (sql) => timed(sql, () => inner.query(sql)),
    exec: (sql) => timed(sql, () => inner.exec(sql)),
    registerFile: (name, bytes) => timed(`-- registerFile ${name} (${bytes.byteLength} bytes)`, () => inner.registerFile(name, bytes)),
    dropFile: (name) => timed(`-- dropFile ${name}`, () => inner.dropFile(name)),
    close: () => inner.close(),
  };
  return { db, statements, setPhase: (p) => (phase = p) };
}
