import { importError } from '../model/scenario-errors';
import type { QualityIssue } from '../model/quality';
import type { TableSource } from '../model/mapping';
import { sqlName, type Database } from './database';
import type { RawTable } from './read-table';

export interface JoinedTable {
  table: string;
  columns: string[];
  /** Which joined table and key each added column came through, for the report. */
  joins: Array<{ file: string; left: string; right: string }>;
  issues: QualityIssue[];
}

const MAX_EXAMPLES = 5;

/**
 * Left-joins the further tables of a split export (pipeline + teams + accounts) onto the lead
 * table, one after another. A key is taken from the mapping or else detected: a column name both
 * sides share whose values are unique on the right. Lead rows whose key finds no partner are kept
 * and reported, since a misspelt key (`GTXPro` for `GTX Pro`) silently empties joined columns.
 */
export async function joinTables(
  db: Database,
  leads: RawTable,
  others: Array<{ raw: RawTable; source: TableSource | undefined }>,
  into: string,
): Promise<JoinedTable> {
  let columns = [...leads.columns];
  // __row is the row of the file, as the user counts it: rows after a skipped line keep theirs.
  let current = leads.skipped
    ? `SELECT read.r + coalesce(s.k, 0) AS __row, read.* EXCLUDE (r) FROM (SELECT rowid + 1 AS r, * FROM ${sqlName(leads.table)}) read
       ASOF LEFT JOIN ${sqlName(leads.skipped)} s ON read.r > s.e`
    : `SELECT rowid + 1 AS __row, * FROM ${sqlName(leads.table)}`;
  const joins: JoinedTable['joins'] = [];
  const issues: QualityIssue[] = [];
  for (const [index, { raw, source }] of others.entries()) {
    const step = `${into}__step${index}`;
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${sqlName(step)} AS ${current}`);
    const key = source?.joinOn ?? (await detectKey(db, columns, raw));
    if (!columns.includes(key.left)) {
      throw importError('join_column_not_before', { column: key.left }, `${raw.file}: join column "${key.left}" is not a column of the tables before it.`, { file: raw.file, column: key.left });
    }
    if (!raw.columns.includes(key.right)) {
      throw importError('join_column_missing', { column: key.right }, `${raw.file}: join column "${key.right}" is not in this file.`, { file: raw.file, column: key.right });
    }
    const added = raw.columns.filter((c) => c !== key.right);
    const renamed = added.map((c) => (columns.includes(c) ? `${c}_${tableLabel(raw.file)}` : c));
    const select = added.map((c, i) => `r.${sqlName(c)} AS ${sqlName(renamed[i]!)}`);
    // The right side is deduplicated on its key so a join can never multiply lead rows.
    current = `SELECT l.*${select.length ? ', ' + select.join(', ') : ''} FROM ${sqlName(step)} l
      LEFT JOIN (SELECT DISTINCT ON (${sqlName(key.right)}) * FROM ${sqlName(raw.table)}) r
      ON trim(l.${sqlName(key.left)}) = trim(r.${sqlName(key.right)})`;
    issues.push(...(await unmatchedKeys(db, step, raw, key)), ...(await unusedRows(db, step, raw, key)));
    joins.push({ file: raw.file, ...key });
    columns = [...columns, ...renamed];
  }
  // Without joins the lead table is read in place; a join may reorder rows, so it is sorted back.
  // `into` is always a view, so that either kind can replace the other.
  if (others.length === 0) {
    await db.exec(`CREATE OR REPLACE VIEW ${sqlName(into)} AS ${current}`);
  } else {
    await db.exec(`CREATE OR REPLACE TABLE ${sqlName(`${into}__table`)} AS ${current} ORDER BY __row`);
    await db.exec(`CREATE OR REPLACE VIEW ${sqlName(into)} AS SELECT * FROM ${sqlName(`${into}__table`)}`);
  }
  return { table: into, columns, joins, issues };
}

async function detectKey(db: Database, leftColumns: string[], right: RawTable) {
  const shared = right.columns.filter((c) => leftColumns.includes(c));
  for (const column of shared) {
    const [stats] = await db.query<{ n: number; d: number }>(
      `SELECT count(${sqlName(column)})::DOUBLE AS n, count(DISTINCT ${sqlName(column)})::DOUBLE AS d FROM ${sqlName(right.table)}`,
    );
    if (stats && stats.n > 0 && stats.n === stats.d) return { left: column, right: column };
  }
  throw importError(
    'no_join_key',
    { shared: shared.join(', ') },
    `${right.file}: no column to join it on. It shares ${shared.length ? shared.map((c) => `"${c}"`).join(', ') + ' with the lead table, but none is unique here' : 'no column name with the lead table'}; name one in the mapping (tables[].joinOn).`,
    { file: right.file },
  );
}

async function unmatchedKeys(db: Database, left: string, right: RawTable, key: { left: string; right: string }): Promise<QualityIssue[]> {
  const rows = await db.query<{ value: string; n: number; first_row: number }>(
    `SELECT trim(l.${sqlName(key.left)}) AS value, count(*)::DOUBLE AS n, min(l.__row)::DOUBLE AS first_row
     FROM ${sqlName(left)} l
     WHERE NULLIF(trim(l.${sqlName(key.left)}), '') IS NOT NULL
       AND trim(l.${sqlName(key.left)}) NOT IN (SELECT trim(${sqlName(key.right)}) FROM ${sqlName(right.table)} WHERE ${sqlName(key.right)} IS NOT NULL)
     GROUP BY 1 ORDER BY n DESC, value`,
  );
  if (rows.length === 0) return [];
  const count = rows.reduce((s, r) => s + r.n, 0);
  const likely = await likelyMeant(db, right, key.right, rows.map((r) => r.value));
  const values = rows
    .slice(0, MAX_EXAMPLES)
    .map((r) => `"${r.value}" (${r.n}${likely.has(r.value) ? `; probably "${likely.get(r.value)}"` : ''})`)
    .join(', ');
  return [{
    severity: 'warning',
    code: 'unmatched_join_key',
    file: right.file,
    column: key.left,
    count,
    message: `${count} lead row(s) have a ${key.left} that ${right.file} does not list: ${values}. Their columns from ${right.file} are empty.`,
    params: { table: right.file, values: rows.map((r) => r.value).join(', '), likely: [...likely].map(([a, b]) => `${a} → ${b}`).join(', ') },
    examples: rows.slice(0, MAX_EXAMPLES).map((r) => ({ row: r.first_row, value: r.value })),
  }];
}

/** Rows of a joined table that no lead refers to, such as agents with no deals. */
async function unusedRows(db: Database, left: string, right: RawTable, key: { left: string; right: string }): Promise<QualityIssue[]> {
  const rows = await db.query<{ value: string; n: number }>(
    `SELECT trim(${sqlName(key.right)}) AS value, count(*) OVER ()::DOUBLE AS n FROM ${sqlName(right.table)}
     WHERE ${sqlName(key.right)} IS NOT NULL AND trim(${sqlName(key.right)}) NOT IN
       (SELECT trim(${sqlName(key.left)}) FROM ${sqlName(left)} WHERE ${sqlName(key.left)} IS NOT NULL)
     ORDER BY value`,
  );
  const count = rows[0]?.n ?? 0;
  if (count === 0) return [];
  return [{
    severity: 'warning',
    code: 'unused_join_row',
    file: right.file,
    column: key.right,
    count,
    message: `${count} of ${right.rows} row(s) of ${right.file} match no lead: ${rows.slice(0, MAX_EXAMPLES * 2).map((r) => `"${r.value}"`).join(', ')}.`,
    params: { table: right.file, total: right.rows, values: rows.map((r) => r.value).join(', ') },
    examples: rows.slice(0, MAX_EXAMPLES).map((r) => ({ row: null, value: r.value })),
  }];
}

/** Spelling variants: the same key once spaces, case and punctuation are set aside. */
async function likelyMeant(db: Database, right: RawTable, column: string, values: string[]): Promise<Map<string, string>> {
  const norm = (cell: string) => `lower(regexp_replace(${cell}, '[\\s\\-_./]', '', 'g'))`;
  const candidates = await db.query<{ value: string; norm: string }>(
    `SELECT DISTINCT trim(${sqlName(column)}) AS value, ${norm(`trim(${sqlName(column)})`)} AS norm FROM ${sqlName(right.table)} WHERE ${sqlName(column)} IS NOT NULL`,
  );
  const byNorm = new Map(candidates.map((c) => [c.norm, c.value] as const));
  const normalize = (v: string) => v.toLowerCase().replace(/[\s\-_./]/g, '');
  return new Map(values.filter((v) => byNorm.has(normalize(v))).map((v) => [v, byNorm.get(normalize(v))!] as const));
}

function tableLabel(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}
