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
  /**
   * When lines were skipped: a table of (e, k), k skipped lines with e rows read before the k-th,
   * so the data row of read row r is r + the k of the last e below r (see joinTables).
   */
  skipped: string | null;
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
  if (delimiter) refuseRepeatedHeader(file, splitHeader(head.split(/\r?\n/)[0] ?? '', delimiter));
  // Taken before the bytes go to DuckDB (DuckDB-WASM transfers them): what a failed read is explained with.
  const longLine = utf8.length > MAX_LINE_BYTES ? firstLongLine(utf8) : null;
  const registered = await db.registerFile(`${table}.csv`, utf8);
  const rejects = `${table}__rejects`;
  const read = async (options: string) => {
    // Rejects tables outlive a failed read; an old one would name another file's line.
    await db.exec(`DROP TABLE IF EXISTS ${sqlName(rejects)}`);
    await db.exec(`DROP TABLE IF EXISTS ${sqlName(`${rejects}_scan`)}`);
    await db.exec(
    `CREATE OR REPLACE TABLE ${sqlName(table)} AS SELECT * FROM read_csv(${sqlString(registered)}, ` +
      `all_varchar=true, header=true, max_line_size=${MAX_LINE_BYTES}, store_rejects=true, rejects_table=${sqlString(rejects)}, ` +
      `rejects_scan=${sqlString(`${rejects}_scan`)}` +
      (delimiter ? `, delim=${sqlString(delimiter)}, quote='"', escape='"'` : '') + options +
      `)`,
    );
  };
  try {
    await read('');
  } catch (error) {
    // DuckDB's own message names its temp file and its options; the user needs the line and why.
    const line = await diagnoseUnreadable(error, { head, longLine }, delimiter, read, db, rejects);
    await db.dropFile(registered);
    throw unreadableCsv(file, line);
  }
  await db.dropFile(registered);
  const columns = (await db.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${sqlName(table)})`)).map(
    (c) => c.column_name,
  );
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${sqlName(table)}`)) as [{ n: number }];
  const parseIssues = await collectRejects(db, rejects, file);
  const unclosed = parseIssues.find((i) => i.params?.error === UNCLOSED_QUOTE);
  if (unclosed) {
    // Every line after an unclosed quote is swallowed into one value: reading on would lose them unseen.
    await dropRawTable(db, { table } as RawTable);
    throw unreadableCsv(file, { line: unclosed.examples[0]?.line ?? null, error: UNCLOSED_QUOTE });
  }
  const skipped = parseIssues.length ? await skippedRows(db, rejects, `${table}__skipped`) : null;
  return {
    table,
    file,
    columns,
    skipped,
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
}

/** DuckDB keeps the lines it could not parse, a line once per error on it: each line counts once, under its first error. */
async function collectRejects(db: Database, rejects: string, file: string): Promise<QualityIssue[]> {
  const rows = await db.query<RejectRow>(
    `SELECT line::DOUBLE AS line, error_type, csv_line, error_message FROM ${sqlName(rejects)} ORDER BY line`,
  );
  const firstPerLine = new Map<number, RejectRow>();
  for (const row of rows) if (!firstPerLine.has(row.line)) firstPerLine.set(row.line, row);
  const byType = new Map<string, RejectRow[]>();
  for (const row of firstPerLine.values()) byType.set(row.error_type, [...(byType.get(row.error_type) ?? []), row]);
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

/** DuckDB renames a repeated header (owner, owner_1): the mapping would then pick a column the file does not name. */
function refuseRepeatedHeader(file: string, header: string[]): void {
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.toLowerCase();
    if (key === '') return;
    if (seen.has(key)) {
      throw importError('duplicate_column', { column: name, first: seen.get(key)! + 1, second: i + 1 },
        `${file}: the header names column "${name}" twice (columns ${seen.get(key)! + 1} and ${i + 1}); rename one so each column has its own name.`, { file, column: name });
    }
    seen.set(key, i);
  });
}

async function skippedRows(db: Database, rejects: string, into: string): Promise<string> {
  // Line L is data row L − 1 (the header is line 1); e: the rows read before the k-th skipped one.
  await db.exec(`CREATE OR REPLACE TABLE ${sqlName(into)} AS
    SELECT max(d - k)::BIGINT AS e, max(k)::BIGINT AS k FROM (
      SELECT d, row_number() OVER (ORDER BY d) AS k FROM (SELECT DISTINCT line - 1 AS d FROM ${sqlName(rejects)}))
    GROUP BY d - k`);
  return into;
}

interface Unreadable {
  line: number | null;
  error: string;
}

/**
 * Finds the line a failed read stopped at. The sniffer fails before reading a single row (an
 * unclosed quote in its sample, say); reading again without it, the columns taken from the header,
 * sends the bad line to the rejects table, which names it.
 */
async function diagnoseUnreadable(error: unknown, file: { head: string; longLine: number | null }, delimiter: string | null, read: (options: string) => Promise<void>, db: Database, rejects: string): Promise<Unreadable> {
  const text = error instanceof Error ? error.message : String(error);
  const lineOf = (message: string) => Number(/Line: (\d+)/.exec(message)?.[1] ?? NaN);
  if (/Maximum line size of \d+ bytes exceeded/.test(text)) return { line: file.longLine, error: LINE_TOO_LONG };
  const header = delimiter ? splitHeader(file.head.split(/\r?\n/)[0] ?? '', delimiter) : [];
  if (header.length > 1 && new Set(header).size === header.length) {
    try {
      await read(`, auto_detect=false, columns={${header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ')}}`);
      const [first] = await db.query<{ line: number; error_type: string }>(`SELECT line::DOUBLE AS line, error_type FROM ${sqlName(rejects)} ORDER BY line LIMIT 1`);
      if (first) return { line: first.line, error: first.error_type };
    } catch (again) {
      const line = lineOf(again instanceof Error ? again.message : String(again));
      if (Number.isFinite(line)) return { line, error: 'UNREADABLE' };
    }
  }
  const line = lineOf(text);
  return { line: Number.isFinite(line) ? line : null, error: 'UNREADABLE' };
}

/** DuckDB's line number for an over-long line is not the file's; counting newlines is. */
function firstLongLine(utf8: Uint8Array): number | null {
  let start = 0;
  for (let line = 1; start <= utf8.length; line++) {
    let end = utf8.indexOf(0x0a, start);
    if (end < 0) end = utf8.length;
    if (end - start > MAX_LINE_BYTES) return line;
    start = end + 1;
  }
  return null;
}

/** The header's names, split as DuckDB would: quotes hold delimiters, "" is a quote. */
function splitHeader(line: string, delimiter: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') { current += '"'; i++; } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) { names.push(current); current = ''; } else current += ch;
  }
  names.push(current);
  return names.map((n) => n.trim());
}

const UNCLOSED_QUOTE = 'UNQUOTED VALUE';
const LINE_TOO_LONG = 'LINE TOO LONG';
/** A line may hold a long notes field; beyond this it is not a lead export we can show. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;

function unreadableCsv(file: string, { line, error }: Unreadable) {
  const at = line === null ? '' : `, line ${line}`;
  if (error === UNCLOSED_QUOTE) {
    return importError('csv_unclosed_quote', { line: line ?? '?' },
      `${file}${at}: a quote (") opens a value that is never closed, so every line after it would be read as part of that one value. Close or remove the quote and load the file again.`, { file });
  }
  if (error === LINE_TOO_LONG) {
    return importError('csv_line_too_long', { line: line ?? '?', limit: '8 MB' },
      `${file}${at}: the line is longer than 8 MB, more than any lead export needs. Shorten the long field (a notes or description column) or leave that column out of the export.`, { file });
  }
  return importError('csv_unreadable', { line: line ?? '?' },
    `${file}${at}: the file could not be read as CSV there. Check that line for a stray quote or a broken delimiter, or save the export again as CSV (UTF-8).`, { file });
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
  await db.exec(`DROP TABLE IF EXISTS ${sqlName(`${raw.table}__skipped`)}`);
}
