import type { ColumnProfile } from '../model/quality';
import { cellsOf } from './cells';
import { sqlName, type Database } from './database';
import { cleanText, parseNumber, parseTimestamp } from './parse-expressions';

const TOP_VALUES = 5;
/** A column is called numeric or a date when this share of its filled cells reads as one. */
const TYPE_SHARE = 0.95;
/** Types are judged on the first rows: parsing every cell of every column costs seconds on a million. */
const TYPE_SAMPLE_ROWS = 5_000;
/** Top values are shown for text and for numbers with few values (codes, flags). */
const FEW_VALUES = 20;
/**
 * Above this many rows distinct values are first estimated (HyperLogLog): exact counts of
 * near-unique columns cost seconds. Columns the estimate puts below SMALL_DISTINCT (owners,
 * regions, products) are then counted exactly, which is cheap and what people compare.
 */
const EXACT_DISTINCT_ROWS = 100_000;
const SMALL_DISTINCT = 10_000;
/** A column where most values differ (ids, emails) has no meaningful top values. */
const MOSTLY_UNIQUE = 0.5;

type Stats = Record<string, number | string | null>;

/** Type, blanks, distinct values, range and most common values of each column of the export. */
export interface KnownRange {
  min: string | null;
  max: string | null;
}

/**
 * `known` holds ranges already read off typed columns (the mapped dates and amounts), so they are
 * not parsed a second time; `textColumns` are identifiers such as phone numbers, text even where
 * their characters are digits.
 */
export async function profileColumns(
  db: Database,
  table: string,
  columns: string[],
  mappedTo: Map<string, string>,
  known: Map<string, KnownRange> = new Map(),
  textColumns: Set<string> = new Set(),
): Promise<ColumnProfile[]> {
  if (columns.length === 0) return [];
  const from = sqlName(table);
  const alias = (i: number, what: string) => `"c${i}_${what}"`;
  const cell = (c: string) => cleanText(sqlName(c));
  const [size] = await db.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${from}`);
  const approximate = (size?.n ?? 0) > EXACT_DISTINCT_ROWS;
  // Large tables are counted on the untrimmed text: an estimate either way, and trimming a million
  // cells per column costs more than the count.
  const distinctOf = (c: string) => (approximate ? `approx_count_distinct(NULLIF(${sqlName(c)}, ''))` : `count(DISTINCT ${cell(c)})`);
  const filledOf = (c: string) => (approximate ? `count(NULLIF(${sqlName(c)}, ''))` : `count(${cell(c)})`);
  const [counts] = await db.query<Stats>(
    `SELECT count(*)::DOUBLE AS total, ${columns.map((c, i) => `${filledOf(c)}::DOUBLE AS ${alias(i, 'filled')}, ${distinctOf(c)}::DOUBLE AS ${alias(i, 'distinct')}`).join(', ')} FROM ${from}`,
  );
  // Every column's sample is parsed by one set of expressions over (column, cell) pairs: written
  // once per column instead, their regular expressions cost DuckDB-WASM ~7 ms each to compile,
  // most of a second on a wide export.
  const sampled = await db.query<{ i: number; filled: number; numbers: number; dates: number }>(
    `SELECT i::DOUBLE AS i, count(${cleanText('cell')})::DOUBLE AS filled, count(${parseNumber('cell')})::DOUBLE AS numbers,
       count(${parseTimestamp('cell', 'ymd')})::DOUBLE AS dates
     FROM (${cellsOf(from, columns, { limit: TYPE_SAMPLE_ROWS })}) GROUP BY i`,
  );
  const sample = new Map(sampled.map((r) => [r.i, r] as const));
  const types = columns.map((column, i): ColumnProfile['type'] => {
    const { filled = 0, numbers = 0, dates = 0 } = sample.get(i) ?? {};
    if (Number(counts![alias(i, 'filled').slice(1, -1)]) === 0) return 'empty';
    if (textColumns.has(column)) return 'text';
    if (filled > 0 && dates >= TYPE_SHARE * filled && dates > numbers * 0.5) return 'date';
    if (filled > 0 && numbers >= TYPE_SHARE * filled) return 'number';
    return 'text';
  });
  const ranged = columns.map((c, i) => ({ c, i, type: types[i] })).filter((x) => (x.type === 'number' || x.type === 'date') && !known.has(x.c));
  const [ranges] = ranged.length
    ? await db.query<Stats>(
        `SELECT ${ranged
          .map(({ c, i, type }) => {
            const value = type === 'number' ? parseNumber(sqlName(c)) : parseTimestamp(sqlName(c), 'ymd');
            const cast = type === 'number' ? 'DOUBLE' : 'VARCHAR';
            return `min(${value})::${cast} AS ${alias(i, 'min')}, max(${value})::${cast} AS ${alias(i, 'max')}`;
          })
          .join(', ')} FROM ${from}`,
      )
    : [{}];
  const plans = columns.map((column, i) => {
    const get = (what: string) => (counts ?? {})[`c${i}_${what}`] as number;
    const filled = get('filled');
    const estimate = Math.min(get('distinct'), get('filled'));
    const type = types[i]!;
    const categorical = estimate <= Math.max(FEW_VALUES, MOSTLY_UNIQUE * filled);
    const wantsTop = categorical && (type === 'text' || (type === 'number' && estimate <= FEW_VALUES));
    // Grouping for the top values counts the groups too, so an estimate becomes exact for free.
    const countsExactly = approximate && estimate <= SMALL_DISTINCT;
    return { column, filled, estimate, type, wantsTop, countsExactly };
  });
  const groups = await topValues(db, from, plans.filter((p) => p.wantsTop || p.countsExactly).map((p) => p.column));
  return plans.map(({ column, filled, estimate, type, wantsTop, countsExactly }, i): ColumnProfile => {
    const top = groups.get(column);
    return {
      column,
      mappedTo: mappedTo.get(column) ?? null,
      type,
      nulls: Number(counts!.total) - filled,
      distinct: countsExactly ? (top?.groups ?? 0) : estimate,
      ...(approximate && !countsExactly ? { distinctApprox: true } : {}),
      min: type === 'number' || type === 'date' ? (known.get(column)?.min ?? rangeText((ranges ?? {}) as Stats, `c${i}_min`)) : null,
      max: type === 'number' || type === 'date' ? (known.get(column)?.max ?? rangeText((ranges ?? {}) as Stats, `c${i}_max`)) : null,
      top: wantsTop ? (top?.values ?? []) : [],
    };
  });
}

/** The TOP_VALUES most common values of each column and its number of distinct values, in one query. */
async function topValues(db: Database, from: string, columns: string[]): Promise<Map<string, { values: Array<{ value: string; count: number }>; groups: number }>> {
  const found = new Map<string, { values: Array<{ value: string; count: number }>; groups: number }>();
  if (columns.length === 0) return found;
  const rows = await db.query<{ i: number; value: string; count: number; groups: number }>(
    `SELECT i::DOUBLE AS i, value, count, groups FROM (
       SELECT i, cell AS value, count(*)::DOUBLE AS count, (count(*) OVER (PARTITION BY i))::DOUBLE AS groups,
         row_number() OVER (PARTITION BY i ORDER BY count(*) DESC, cell) AS rank
       FROM (${cellsOf(from, columns, { cell: (c) => cleanText(sqlName(c)) })}) GROUP BY i, cell)
     WHERE rank <= ${TOP_VALUES} ORDER BY i, rank`,
  );
  for (const { i, value, count, groups } of rows) {
    const column = columns[i]!;
    const entry = found.get(column) ?? { values: [], groups };
    entry.values.push({ value, count });
    found.set(column, entry);
  }
  return found;
}

function rangeText(ranges: Stats, key: string): string | null {
  const value = ranges[key];
  return value === null || value === undefined ? null : String(value);
}
