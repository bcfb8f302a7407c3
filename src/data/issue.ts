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
  /** What a face needs to word the issue in its own language, beyond file, column and count. */
  params?: Record<string, string | number>;
  describe: (count: number, rows: number[]) => string;
}

/**
 * Counts the rows each check marks and keeps the first few as examples, all checks in one query
 * (each is a round trip to DuckDB-WASM's worker otherwise). One issue per check that marks rows,
 * in the order of `checks`.
 */
export async function runRowChecks(db: Database, table: string, file: string, checks: RowCheck[]): Promise<QualityIssue[]> {
  if (checks.length === 0) return [];
  const rows = await db.query<{ k: number; row: number; value: string | null; n: number }>(
    checks
      .map((check, k) => `(SELECT ${k}::DOUBLE AS k, __row::DOUBLE AS row, CAST(${check.value} AS VARCHAR) AS value, count(*) OVER ()::DOUBLE AS n
         FROM ${sqlName(table)} WHERE ${check.where} ORDER BY __row LIMIT ${MAX_EXAMPLES})`)
      .join(' UNION ALL ') + ' ORDER BY k, row',
  );
  return checks.flatMap((check, k): QualityIssue[] => {
    const mine = rows.filter((r) => r.k === k);
    const count = mine[0]?.n ?? 0;
    if (count === 0) return [];
    const examples: IssueExample[] = mine.map((r) => ({ row: r.row, value: r.value }));
    return [{
      severity: check.severity,
      code: check.code,
      file,
      ...(check.column ? { column: check.column } : {}),
      ...(check.params ? { params: check.params } : {}),
      count,
      message: check.describe(count, mine.map((r) => r.row)),
      examples,
    }];
  });
}

export function rowList(rows: number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`;
}
