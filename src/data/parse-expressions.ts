import type { Mapping, OutcomeValues } from '../model/mapping';
import { sqlString } from './database';
import { outcomeLists } from './outcome-values';

/**
 * SQL expressions that turn the text of an export into typed values. Each takes a SQL
 * expression for a VARCHAR cell and gives one that is NULL where the cell cannot be read, so the
 * caller can count what failed (raw not null, parsed null) instead of losing it.
 */

/** Trims and turns blank cells into NULL. */
export function cleanText(cell: string): string {
  return `NULLIF(trim(${cell}), '')`;
}

const YMD = ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d',
  '%Y.%m.%d %H:%M', '%Y.%m.%d', '%Y年%m月%d日 %H:%M', '%Y年%m月%d日', '%Y%m%d'];
const DMY = ['%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M', '%d.%m.%Y', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y', '%d-%m-%Y'];
const MDY = ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y %I:%M %p', '%m/%d/%Y', '%m-%d-%Y'];

export type DateOrder = Exclude<Mapping['dateOrder'], 'auto'>;

/** Formats tried in order. Day-first and month-first differ only where both could read a value. */
export function dateFormats(order: DateOrder): string[] {
  if (order === 'ymd') return [...YMD, ...DMY];
  return order === 'dmy' ? [...YMD, ...DMY, ...MDY] : [...YMD, ...MDY, ...DMY];
}

/** Excel stores dates as days since 1899-12-30; exports sometimes leak that number. */
export function excelSerialTest(cell: string): string {
  return `(regexp_full_match(${cleanText(cell)}, '\\d{5}(\\.\\d+)?') AND TRY_CAST(${cleanText(cell)} AS DOUBLE) BETWEEN 20000 AND 80000)`;
}

export function parseTimestamp(cell: string, order: DateOrder): string {
  const text = cleanText(cell);
  const formats = `[${dateFormats(order).map(sqlString).join(', ')}]`;
  return `(CASE WHEN ${excelSerialTest(cell)} THEN TIMESTAMP '1899-12-30' + to_milliseconds(CAST(round(TRY_CAST(${text} AS DOUBLE) * 86400000) AS BIGINT))
    ELSE COALESCE(try_strptime(${text}, ${formats}), TRY_CAST(${text} AS TIMESTAMP)) END)`;
}

/** Cells that read as a date only day-first, or only month-first: the evidence for `auto`. */
export function onlyReadableAs(cell: string, order: 'dmy' | 'mdy'): string {
  const text = cleanText(cell);
  const list = (fs: string[]) => `[${fs.map(sqlString).join(', ')}]`;
  const [mine, other] = order === 'dmy' ? [DMY, MDY] : [MDY, DMY];
  return `(try_strptime(${text}, ${list(mine)}) IS NOT NULL AND try_strptime(${text}, ${list(other)}) IS NULL)`;
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
