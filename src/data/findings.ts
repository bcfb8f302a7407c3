import type { QualityIssue } from '../model/quality';
import { cellsOf } from './cells';
import { sqlName, type Database } from './database';
import { MAX_EXAMPLES } from './issue';
import { LEADS_TABLE } from './canonical-leads';

/** Categorical columns only: a free-text column has many values and its near-twins mean nothing. */
export const NEAR_DUPLICATE_MAX_VALUES = 500;

/**
 * Spelling variants of one category (`GTXPro` / `GTX Pro`, `East` / `east `) split a segment in
 * two. Give it the categorical attributes (at most NEAR_DUPLICATE_MAX_VALUES distinct values).
 */
export async function findNearDuplicateValues(db: Database, attributes: string[], file: string): Promise<QualityIssue[]> {
  if (attributes.length === 0) return [];
  // All columns in one query over (column, cell) rows: one regular expression to compile, not one per column.
  const groups = await db.query<{ i: number; variants: string; n: number; first_row: number }>(
    `WITH v AS (SELECT i, cell AS value, lower(regexp_replace(cell, '[\\s\\-_./·]', '', 'g')) AS norm, count(*) AS n, min(__row) AS first_row
                FROM (${cellsOf(LEADS_TABLE, attributes, { keep: ['__row'] })}) GROUP BY i, cell)
     SELECT i::DOUBLE AS i, string_agg('"' || value || '" (' || n || ')', ' / ' ORDER BY n DESC, first_row) AS variants,
       sum(n)::DOUBLE AS n, min(first_row)::DOUBLE AS first_row
     FROM v GROUP BY i, norm HAVING count(*) > 1 ORDER BY i, n DESC, first_row`,
  );
  return attributes.flatMap((column, i): QualityIssue[] => {
    const mine = groups.filter((g) => g.i === i);
    if (mine.length === 0) return [];
    return [{
      severity: 'warning', code: 'near_duplicate_values', file, column, count: mine.reduce((s, g) => s + g.n, 0),
      message: `${file}: column "${column}" spells one value in several ways: ${mine.slice(0, MAX_EXAMPLES).map((g) => g.variants).join('; ')}. They count as different segments until the export or the mapping is fixed.`,
      params: { variants: mine.map((g) => g.variants).join('; ') },
      examples: mine.slice(0, MAX_EXAMPLES).map((g) => ({ row: g.first_row, value: g.variants })),
    }];
  });
}

/** Leads that share an email or phone (查重) are often one customer entered twice. */
export async function findDuplicateContacts(db: Database, contactColumns: string[], file: string): Promise<QualityIssue[]> {
  const issues: QualityIssue[] = [];
  for (const column of contactColumns) {
    // Email addresses compare without case; lower() on a million phone numbers would be wasted.
    const cell = /mail|邮箱/i.test(column) ? `lower(${sqlName(column)})` : sqlName(column);
    const rows = await db.query<{ value: string; n: number; first_row: number; total: number }>(
      `SELECT ${cell} AS value, count(*)::DOUBLE AS n, min(__row)::DOUBLE AS first_row, (sum(count(*) - 1) OVER ())::DOUBLE AS total
       FROM ${LEADS_TABLE} WHERE ${cell} IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY n DESC, first_row LIMIT ${MAX_EXAMPLES}`,
    );
    const total = rows[0]?.total ?? 0;
    if (total === 0) continue;
    issues.push({
      severity: 'warning', code: 'duplicate_contact', file, column, count: total,
      message: `${file}: ${total} lead(s) repeat the ${column} of an earlier lead (e.g. ${rows.map((r) => `"${r.value}" ×${r.n}`).join(', ')}). They are kept; check them before routing.`,
      examples: rows.map((r) => ({ row: r.first_row, value: r.value })),
    });
  }
  return issues;
}
