import type { Mapping, OutcomeValues } from '../model/mapping';
import { sqlString } from './database';
import { outcomeLists } from './outcome-values';

/**
 * SQL expressions that turn the text of an export into typed values. Each takes a SQL
 * expression for a VARCHAR cell and gives one that is NULL where the cell cannot be read, so the
 * caller can count what failed (raw not null, parsed null) instead of losing it.
 */

/**
 * Trims and turns blank cells into NULL. trim() is costly in DuckDB-WASM (a second per million
 * cells), so only cells that start or end with a space pay for it.
 */
export function cleanText(cell: string): string {
  return `(CASE WHEN ${cell} = '' THEN NULL WHEN starts_with(${cell}, ' ') OR ends_with(${cell}, ' ') THEN NULLIF(trim(${cell}), '') ELSE ${cell} END)`;
}

const YMD = ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d',
  '%Y.%m.%d %H:%M', '%Y.%m.%d', '%Y年%m月%d日 %H:%M', '%Y年%m月%d日'];
const DMY = ['%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M', '%d.%m.%Y', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y', '%d-%m-%Y'];
const MDY = ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y %I:%M %p', '%m/%d/%Y', '%m-%d-%Y'];

export type DateOrder = Exclude<Mapping['dateOrder'], 'auto'>;

/** Excel stores dates as days since 1899-12-30; exports sometimes leak that number. */
export function excelSerialTest(cell: string): string {
  const text = cleanText(cell);
  return `(CASE WHEN length(${text}) BETWEEN 5 AND 16 AND TRY_CAST(${text} AS TIMESTAMP) IS NULL AND regexp_full_match(${text}, '\\d{5}(\\.\\d+)?')
    THEN TRY_CAST(${text} AS DOUBLE) BETWEEN 20000 AND 80000 ELSE false END)`;
}

/**
 * Cheap shape tests route each cell to the few formats it can match, and ISO text goes through the
 * fast cast first: strptime is slow when a format fails.
 */
const YEAR_FIRST = `'^\\d{4}[-/.年]'`;
const DAY_OR_MONTH_FIRST = `'^\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}'`;
const formatList = (formats: string[]) => `[${formats.map(sqlString).join(', ')}]`;

export function parseTimestamp(cell: string, order: DateOrder): string {
  const text = cleanText(cell);
  const dayOrMonthFirst = order === 'dmy' ? [...DMY, ...MDY] : order === 'mdy' ? [...MDY, ...DMY] : [...DMY, ...MDY];
  // ISO text, most of any export, takes the fast cast; only what it cannot read goes on.
  return `COALESCE(TRY_CAST(${text} AS TIMESTAMP), CASE WHEN ${text} IS NULL THEN NULL
    WHEN ${excelSerialTest(cell)} THEN TIMESTAMP '1899-12-30' + to_milliseconds(CAST(round(TRY_CAST(${text} AS DOUBLE) * 86400000) AS BIGINT))
    WHEN regexp_matches(${text}, ${YEAR_FIRST}) THEN try_strptime(${text}, ${formatList(YMD)})
    WHEN regexp_matches(${text}, ${DAY_OR_MONTH_FIRST}) THEN try_strptime(${text}, ${formatList(dayOrMonthFirst)})
    WHEN regexp_full_match(${text}, '\\d{8}') THEN try_strptime(${text}, '%Y%m%d')
    END)`;
}

/** Cells that read as a date only day-first, or only month-first: the evidence for `auto`. */
export function onlyReadableAs(cell: string, order: 'dmy' | 'mdy'): string {
  const text = cleanText(cell);
  const [mine, other] = order === 'dmy' ? [DMY, MDY] : [MDY, DMY];
  // CASE, not AND: DuckDB evaluates only the rows a CASE branch selects.
  return `(CASE WHEN TRY_CAST(${text} AS TIMESTAMP) IS NOT NULL THEN false WHEN regexp_matches(${text}, ${DAY_OR_MONTH_FIRST})
    THEN try_strptime(${text}, ${formatList(mine)}) IS NOT NULL AND try_strptime(${text}, ${formatList(other)}) IS NULL ELSE false END)`;
}

/**
 * Numbers as exports write them: thousands separators, currency signs and codes, spaces, and the
 * Chinese unit 万 (ten thousand).
 */
export function parseNumber(cell: string): string {
  const text = cleanText(cell);
  const stripped = `regexp_replace(${text}, '[\\s,¥$€£￥]|元|RMB|CNY|USD|EUR', '', 'g')`;
  return `(CASE WHEN ${text} LIKE '%万' THEN TRY_CAST(rtrim(${stripped}, '万') AS DOUBLE) * 10000 ELSE TRY_CAST(${stripped} AS DOUBLE) END)`;
}

/** 'won' | 'lost' | 'open', or NULL for a spelling nobody declared. */
export function parseOutcome(cell: string, extra: Partial<OutcomeValues> | undefined): string {
  const text = `lower(${cleanText(cell)})`;
  const branches = outcomeLists(extra)
    .map(([outcome, values]) => `WHEN ${text} IN (${values.map(sqlString).join(', ')}) THEN '${outcome}'`)
    .join(' ');
  return `(CASE ${branches} ELSE NULL END)`;
}
