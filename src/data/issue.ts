import type { IssueCode, IssueExample, IssueSeverity, QualityIssue } from '../model/quality';
import { sqlName, type Database } from './database';

export const MAX_EXAMPLES = 5;

export interface RowCheck {
  severity: IssueSeverity;
  code: IssueCode;
  column?: string;
  /** SQL condition over `table` that marks the affected rows. */
  where: string;
  /** SQL expression shown as the example value. */
  value: string;
  describe: (count: number, rows: number[]) => string;
}

/** Counts the rows a check marks and keeps the first few as examples; null when none. */
export async function runRowCheck(db: Database, table: string, file: string, check: RowCheck): Promise<QualityIssue | null> {
  const rows = await db.query<{ row: number; value: string | null; n: number }>(
    `SELECT __row::DOUBLE AS row, CAST(${check.value} AS VARCHAR) AS value, count(*) OVER ()::DOUBLE AS n
     FROM ${sqlName(table)} WHERE ${check.where} ORDER BY __row LIMIT ${MAX_EXAMPLES}`,
  );
  const count = rows[0]?.n ?? 0;
  if (count === 0) return null;
  const examples: IssueExample[] = rows.map((r) => ({ row: r.row, value: r.value }));
  return {
    severity: check.severity,
    code: check.code,
    file,
    ...(check.column ? { column: check.column } : {}),
    count,
    message: check.describe(count, rows.map((r) => r.row)),
    examples,
  };
}

export function rowList(rows: number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`;
}
