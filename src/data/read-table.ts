import { importError } from '../model/scenario-errors';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { readSheet } from 'read-excel-file/universal';
import type { QualityIssue, SourceSummary } from '../model/quality';
import { detectDelimiter, toCsv } from './csv-dialect';
import { sqlName, sqlString, type Database } from './database';
import { decodeToUtf8, looksBinary, sniffContainer } from './decode-text';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** One source read into DuckDB as text columns; typing happens later, in the mapping step. */
export interface RawTable {
  table: string;
  file: string;
  columns: string[];
  rows: number;
  summary: SourceSummary;
  /** Lines the CSV reader could not take (too many or too few fields…), counted and kept as examples. */
  parseIssues: QualityIssue[];
}

const MAX_EXAMPLES = 5;

/**
 * Reads a CSV, Excel or Parquet export into table `table`, every column as VARCHAR. Text is
 * decoded here (DuckDB reads UTF-8 only); spreadsheets and Parquet are turned into CSV so that
 * every source passes the same reader and the same checks.
 */
export async function readRawTable(db: Database, source: SourceFile, table: string): Promise<RawTable> {
  const { name, bytes } = source;
  if (bytes.length === 0) throw importError('file_empty', {}, `${name}: the file is empty.`, { file: name });
  const container = sniffContainer(bytes);
  if (container === 'xlsx') return readCsvText(db, name, table, await xlsxToCsv(name, bytes), 'xlsx');
  if (container === 'parquet') return readCsvText(db, name, table, await parquetToCsv(name, bytes), 'parquet');
  if (looksBinary(bytes)) {
    throw importError('binary_file', {}, `${name}: this is not a CSV, Excel (.xlsx) or Parquet file (it holds binary data).`, { file: name });
  }
  const decoded = decodeToUtf8(bytes);
  return readCsvBytes(db, name, table, decoded.utf8, decoded.encoding);
}

async function readCsvText(db: Database, file: string, table: string, csv: string, encoding: SourceSummary['encoding']) {
  return readCsvBytes(db, file, table, new TextEncoder().encode(csv), encoding);
}

async function readCsvBytes(
  db: Database,
  file: string,
  table: string,
  utf8: Uint8Array,
  encoding: SourceSummary['encoding'],
): Promise<RawTable> {
  const head = new TextDecoder().decode(utf8.subarray(0, 64 * 1024));
  if (head.trim() === '') throw importError('no_text', {}, `${file}: the file holds no text, not even a header line.`, { file });
  const delimiter = detectDelimiter(head);
  const registered = await db.registerFile(`${table}.csv`, utf8);
  const rejects = `${table}__rejects`;
  await db.exec(
    `CREATE OR REPLACE TABLE ${sqlName(table)} AS SELECT * FROM read_csv(${sqlString(registered)}, ` +
      `all_varchar=true, header=true, store_rejects=true, rejects_table=${sqlString(rejects)}, ` +
      `rejects_scan=${sqlString(`${rejects}_scan`)}` +
      (delimiter ? `, delim=${sqlString(delimiter)}, quote='"', escape='"'` : '') +
      `)`,
  );
  await db.dropFile(registered);
  const columns = (await db.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${sqlName(table)})`)).map(
    (c) => c.column_name,
  );
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${sqlName(table)}`)) as [{ n: number }];
  const parseIssues = await collectRejects(db, rejects, file);
  return {
    table,
    file,
    columns,
    rows: n,
    summary: { file, encoding, delimiter: delimiter ?? null, rows: n + parseIssues.reduce((s, i) => s + i.count, 0), columns },
    parseIssues,
  };
}

interface RejectRow {
  line: number;
  error_type: string;
  csv_line: string | null;
  error_message: string;
  count: number;
}

/** DuckDB keeps the lines it could not parse; each kind becomes one counted issue. */
async function collectRejects(db: Database, rejects: string, file: string): Promise<QualityIssue[]> {
  const rows = await db.query<RejectRow>(
    `SELECT line::DOUBLE AS line, error_type, csv_line, error_message, count(*) OVER (PARTITION BY error_type)::DOUBLE AS count
     FROM ${sqlName(rejects)} ORDER BY line`,
  );
  const byType = new Map<string, RejectRow[]>();
  for (const row of rows) byType.set(row.error_type, [...(byType.get(row.error_type) ?? []), row]);
  return [...byType.values()].map((group) => {
    const first = group[0]!;
    const lines = group.slice(0, MAX_EXAMPLES).map((r) => r.line);
    return {
      severity: 'rejected',
      code: 'csv_parse_error',
      file,
      count: group.length,
      message: `${file}: ${group.length} line(s) could not be read (${first.error_type.toLowerCase()}: ${first.error_message}); first at line ${lines.join(', ')}.`,
      params: { error: first.error_type, detail: first.error_message },
      examples: group.slice(0, MAX_EXAMPLES).map((r) => ({ row: null, line: r.line, value: r.csv_line })),
    } satisfies QualityIssue;
  });
}

async function xlsxToCsv(file: string, bytes: Uint8Array): Promise<string> {
  let data: unknown[][];
  try {
    data = (await readSheet(toArrayBuffer(bytes))) as unknown[][];
  } catch (error) {
    throw importError('excel_unreadable', { detail: (error as Error).message }, `${file}: the Excel workbook could not be read (${(error as Error).message}).`, { file });
  }
  const [header, ...rows] = data;
  if (!header) throw importError('excel_empty', {}, `${file}: the first sheet is empty.`, { file });
  return toCsv(header.map((h, i) => cellText(h) ?? `column${i}`), rows.map((r) => header.map((_, i) => cellText(r[i]))));
}

async function parquetToCsv(file: string, bytes: Uint8Array): Promise<string> {
  const buffer = toArrayBuffer(bytes);
  let rows: Record<string, unknown>[];
  let columns: string[];
  try {
    columns = parquetSchema(parquetMetadata(buffer)).children.map((c) => c.element.name);
    rows = await parquetReadObjects({ file: buffer });
  } catch (error) {
    throw importError('parquet_unreadable', { detail: (error as Error).message }, `${file}: the Parquet file could not be read (${(error as Error).message}).`, { file });
  }
  return toCsv(columns, rows.map((row) => columns.map((c) => cellText(row[c]))));
}

/** Dates become `YYYY-MM-DD HH:MM:SS` (the zone-less form DuckDB and our mapping read); the rest as text. */
function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  return String(value);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function dropRawTable(db: Database, raw: RawTable): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${sqlName(raw.table)}`);
  await db.exec(`DROP TABLE IF EXISTS ${sqlName(`${raw.table}__rejects`)}`);
  await db.exec(`DROP TABLE IF EXISTS ${sqlName(`${raw.table}__rejects_scan`)}`);
}
