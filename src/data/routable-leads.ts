import { sqlName, type Database } from './database';
import { decodeToUtf8, sniffContainer } from './decode-text';
import type { LeadRow } from './lead-aggregates';
import type { RawTable, SourceFile } from './read-table';

/**
 * The table buildCanonicalLeads (canonical-leads.ts) writes every mapped row to, the rows its
 * checks reject included; the `leads` view is the accepted part of it. The CSV reader keeps the
 * lines it could not split in `<raw table>__rejects` (read-table.ts).
 */
const PARSED_TABLE = 'leads__parsed';
const rejectsOf = (raw: RawTable) => `${raw.table}__rejects`;

/** A line of the lead file the CSV reader could not split into the header's columns. */
export interface UnreadableLine {
  /** The line in the file, counted from 1 with the header as line 1. */
  line: number;
  /** DuckDB's reason, e.g. `missing columns: Expected Number of Columns: 7 Found: 5`. */
  reason: string;
  /** The line as it stands in the file, when the reader kept it. */
  text: string | null;
}

export interface RoutableLeads {
  /** Every row that could be read, in file order, with the canonical fields and the attributes. */
  rows: LeadRow[];
  /** Each of `rows`' row number as the import reports it (its `__row`), to name a lead without an id. */
  rowNumbers: number[];
  unreadable: UnreadableLine[];
}

/**
 * What a router needs of a lead file after `mapLeads`: every row it could read, not only those
 * the import accepts. A lead with an unreadable date, an outcome nobody declared, no id or a
 * repeated id is still a lead to route (routing reads only the fields the rules name); the
 * canonical fields hold what did read (a date that did not is null, an unknown outcome is null).
 * Only lines the CSV reader could not split are left out, and listed with their line and why.
 */
export async function readRoutableLeads(db: Database, source: SourceFile, raw: RawTable, attributes: readonly string[]): Promise<RoutableLeads> {
  const columns: Array<[string, string]> = [
    ['lead_id', 'lead_id'],
    ['created_at', 'created_at::VARCHAR'],
    ['owner', 'owner'],
    // As the `leads` view: no outcome is open; one nobody declared stays unknown here.
    ['outcome', `COALESCE(outcome, CASE WHEN raw_outcome IS NULL THEN 'open' END)`],
    ['value', 'CASE WHEN value >= 0 THEN value END'],
    ['first_touch_at', 'first_touch_at::VARCHAR'],
    ['closed_at', 'closed_at::VARCHAR'],
    ...attributes.map((a): [string, string] => [a, sqlName(a)]),
  ];
  // Positional aliases: a column may be called `__proto__`, which a row object cannot take as a key.
  const selected = await db.query<Record<string, string | number | boolean | null>>(
    `SELECT __row::DOUBLE AS "row", ${columns.map(([, expression], i) => `${expression} AS c${i}`).join(', ')} FROM ${PARSED_TABLE} ORDER BY __row`,
  );
  const rows = selected.map((row) => Object.fromEntries(columns.map(([name], i) => [name, cellOf(row[`c${i}`])])) as LeadRow);
  const rejected = await db.query<{ line: number; error_type: string; error_message: string; csv_line: string | null }>(
    `SELECT line::DOUBLE AS line, error_type, error_message, csv_line FROM ${sqlName(rejectsOf(raw))} ORDER BY line`,
  );
  // DuckDB records a line once per error on it: the first says why.
  const first = new Map<number, (typeof rejected)[number]>();
  for (const r of rejected) if (!first.has(r.line)) first.set(r.line, r);
  const rejects = [...first.values()];
  const lines = fileLines(source, rejects.map((r) => r.line));
  return {
    rows,
    rowNumbers: selected.map((row) => row['row'] as number),
    // After a blank line DuckDB's text of the line starts with that line's break.
    unreadable: rejects.map((r, i) => ({ line: lines?.[i] ?? r.line, reason: `${r.error_type.toLowerCase()}: ${r.error_message}`, text: r.csv_line?.replace(/^[\r\n]+/, '') ?? null })),
  };
}

/**
 * The file's line each rejected record starts on. DuckDB's `line` counts records, blank lines
 * included and a row whose quoted value spans lines as one, so after such a row it falls behind
 * the file's lines; walking the text it read, quote-aware, gives the file's. Null (DuckDB's
 * numbers stand) for a spreadsheet or Parquet file, which has no lines of its own, or when the
 * walk does not find every record DuckDB names.
 */
function fileLines(source: SourceFile, records: readonly number[]): number[] | null {
  if (records.length === 0) return [];
  // An adapter may have taken the buffer (DuckDB-WASM empties what it registers).
  if (source.bytes.length === 0 || sniffContainer(source.bytes) !== 'text') return null;
  const wanted = new Map(records.map((record, i) => [record, i]));
  const lines: number[] = [];
  for (const record of csvRecords(decodeToUtf8(source.bytes).utf8)) {
    const i = wanted.get(record.number);
    if (i !== undefined) lines[i] = record.line;
  }
  return lines.filter((l) => l !== undefined).length === records.length ? lines : null;
}

/** Each record of a CSV text: DuckDB's number for it and the line it starts on. */
function* csvRecords(utf8: Uint8Array): Generator<{ number: number; line: number }> {
  const [QUOTE, LF] = [0x22, 0x0a];
  let quoted = false;
  let start = 0;
  let number = 1;
  let startLine = 1;
  let line = 1;
  for (let i = 0; i < utf8.length; i++) {
    const byte = utf8[i]!;
    if (byte === QUOTE) quoted = !quoted;
    if (byte !== LF) continue;
    line += 1;
    if (quoted) continue;
    yield { number, line: startLine };
    [start, number, startLine] = [i + 1, number + 1, line];
  }
  if (start < utf8.length) yield { number, line: startLine };
}

function cellOf(value: string | number | boolean | null | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'boolean' ? String(value) : value;
}
