import type { ColumnProfile } from '../model/quality';
import { sqlName, type Database } from './database';
import { cleanText, parseNumber, parseTimestamp } from './parse-expressions';

const TOP_VALUES = 5;
/** A column is called numeric or a date when this share of its filled cells reads as one. */
const TYPE_SHARE = 0.95;

/** Type, blanks, distinct values, range and most common values of each column of the export. */
export async function profileColumns(db: Database, table: string, columns: string[], mappedTo: Map<string, string>): Promise<ColumnProfile[]> {
  const profiles: ColumnProfile[] = [];
  for (const column of columns) {
    const cell = sqlName(column);
    const [stats] = await db.query<{ filled: number; total: number; distinct: number; numbers: number; dates: number;
      nmin: number | null; nmax: number | null; dmin: string | null; dmax: string | null }>(
      `WITH c AS (SELECT ${cleanText(cell)} AS v, ${parseNumber(cell)} AS num, ${parseTimestamp(cell, 'ymd')} AS ts FROM ${sqlName(table)})
       SELECT count(v)::DOUBLE AS filled, count(*)::DOUBLE AS total, count(DISTINCT v)::DOUBLE AS distinct,
         count(num)::DOUBLE AS numbers, count(ts)::DOUBLE AS dates, min(num) AS nmin, max(num) AS nmax,
         min(ts)::VARCHAR AS dmin, max(ts)::VARCHAR AS dmax FROM c`,
    );
    if (!stats) continue;
    const type: ColumnProfile['type'] = stats.filled === 0 ? 'empty'
      : stats.dates >= TYPE_SHARE * stats.filled && stats.dates > stats.numbers * 0.5 ? 'date'
      : stats.numbers >= TYPE_SHARE * stats.filled ? 'number' : 'text';
    const top = await db.query<{ value: string; count: number }>(
      `SELECT ${cleanText(cell)} AS value, count(*)::DOUBLE AS count FROM ${sqlName(table)} WHERE ${cleanText(cell)} IS NOT NULL
       GROUP BY 1 ORDER BY count DESC, value LIMIT ${TOP_VALUES}`,
    );
    profiles.push({
      column,
      mappedTo: mappedTo.get(column) ?? null,
      type,
      nulls: stats.total - stats.filled,
      distinct: stats.distinct,
      min: type === 'number' ? String(stats.nmin) : type === 'date' ? stats.dmin : null,
      max: type === 'number' ? String(stats.nmax) : type === 'date' ? stats.dmax : null,
      top,
    });
  }
  return profiles;
}
