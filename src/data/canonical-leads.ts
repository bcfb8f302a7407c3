import { DATE_FIELDS, type CanonicalField, type Mapping } from '../model/mapping';
import type { QualityIssue } from '../model/quality';
import { cellsOf } from './cells';
import { sqlName, sqlString, type Database } from './database';
import { rowList, runRowChecks, type RowCheck } from './issue';
import type { KnownRange } from './column-profile';
import type { JoinedTable } from './joins';
import { cleanText, excelSerialTest, onlyReadableAs, parseNumber, parseOutcome, parseTimestamp, type DateOrder } from './parse-expressions';

export const LEADS_TABLE = 'leads';
/** Column names of the canonical lead and of the parsed table, which attributes must not take. */
const RESERVED_NAMES = new Set<string>(['__row', 'lead_id', 'owner', 'outcome', 'value', 'created_at', 'first_touch_at', 'closed_at',
  'id_first_row', 'rejected_for', 'raw_outcome', 'raw_value', 'raw_created_at', 'raw_first_touch_at', 'raw_closed_at']);
export const ATTRIBUTE_SUFFIX = ' (column)';
/** The day-first / month-first vote reads this many rows: enough to decide, cheap on a million. */
const DATE_VOTE_ROWS = 20_000;
const PARSED = 'leads__parsed';
const DEFAULT_DATES_FROM = '1990-01-01';
/** A trillion: more than any one lead is worth, in any currency a CRM exports. */
const MAX_AMOUNT = 1e12;
const MAX_AMOUNT_TEXT = '1,000,000,000,000';

export interface CanonicalResult {
  /** Ranges of the mapped dates and amounts, by source column, read off the typed columns. */
  ranges: Map<string, KnownRange>;
  attributes: string[];
  dateOrder: DateOrder;
  issues: QualityIssue[];
  accepted: number;
  repaired: number;
  rejected: number;
}

/**
 * Builds the canonical `leads` table (DESIGN §2.1) from the joined export. Every cell that cannot
 * be read is counted: rows without a usable id, duplicates and unknown outcomes are rejected;
 * unreadable dates and amounts are repaired to empty, and the row is kept.
 */
export async function buildCanonicalLeads(db: Database, joined: JoinedTable, mapping: Mapping, file: string): Promise<CanonicalResult> {
  const fields = mapping.fields;
  const col = (f: CanonicalField) => (fields[f] ? `src.${sqlName(fields[f]!)}` : 'NULL::VARCHAR');
  const issues: QualityIssue[] = [];
  const dateOrder = await resolveDateOrder(db, joined, mapping, file, issues);
  const window = dateWindow(mapping);
  const mapped = new Set(Object.values(fields));
  const sourceAttributes = (mapping.attributes ?? joined.columns).filter((c) => !mapped.has(c) && c !== '__row');
  // An unmapped column may carry a canonical name (a file's own `outcome` while outcome is mapped
  // elsewhere): as an attribute it is renamed, so it can never stand in for the canonical field.
  const attributes = sourceAttributes.map((c) => (RESERVED_NAMES.has(c) ? `${c}${ATTRIBUTE_SUFFIX}` : c));
  const attributeSources = sourceAttributes.map((c, i) => ({ source: c, name: attributes[i]!, slot: `attr_${i}` }));

  const idExpr = fields.lead_id ? cleanText(col('lead_id')) : `'row-' || src.__row`;
  const textFields = ['owner', 'outcome', 'value', ...DATE_FIELDS] as const;
  // The raw text of a typed field is kept only where it did not read: it is what the report shows,
  // and storing a million readable dates twice costs seconds in DuckDB-WASM.
  const keepUnread = (f: (typeof textFields)[number], unread: string) => `CASE WHEN ${unread} THEN text_${f} END AS raw_${f}`;
  // Duplicates are found with a grouped hash join on the few repeated ids: a window over every
  // id would sort the whole table.
  await db.exec(`CREATE OR REPLACE TABLE ${PARSED} AS
    WITH repeated AS (SELECT ${idExpr} AS lead_id, min(src.__row) AS first_row FROM ${sqlName(joined.table)} src
                      WHERE ${idExpr} IS NOT NULL GROUP BY 1 HAVING count(*) > 1),
    base AS (SELECT src.__row, ${idExpr} AS lead_id,
      ${textFields.map((f) => `${cleanText(col(f))} AS text_${f}`).join(', ')}
      ${attributeSources.map((a) => `, ${cleanText(`src.${sqlName(a.source)}`)} AS ${a.slot}`).join('')}
      FROM ${sqlName(joined.table)} src),
    typed AS (SELECT *, text_owner AS owner,
      ${parseOutcome('text_outcome', mapping.outcomeValues)} AS outcome,
      ${parseNumber('text_value')} AS value,
      ${DATE_FIELDS.map((f) => `${parseTimestamp(`text_${f}`, dateOrder)} AS read_${f}`).join(',\n      ')}
      FROM base),
    bounded AS (SELECT * EXCLUDE (value), ${boundedNumber('value')},
      ${DATE_FIELDS.map((f) => boundedDate(f, window)).join(',\n      ')}
      FROM typed)
    SELECT bounded.__row, bounded.lead_id, repeated.first_row AS id_first_row, owner, outcome, value, ${DATE_FIELDS.join(', ')},
      ${keepUnread('outcome', 'outcome IS NULL')}, ${keepUnread('value', 'value IS NULL OR value < 0')},
      ${DATE_FIELDS.map((f) => keepUnread(f, `${f} IS NULL`)).join(', ')},
      ${['value', ...DATE_FIELDS].map((f) => `outside_${f}`).join(', ')},
      CASE WHEN bounded.lead_id IS NULL THEN 'missing_lead_id'
           WHEN bounded.__row > repeated.first_row THEN 'duplicate_lead_id'
           WHEN text_outcome IS NOT NULL AND outcome IS NULL THEN 'unknown_outcome' END AS rejected_for
      ${attributeSources.map((a) => `, ${a.slot} AS ${sqlName(a.name)}`).join('')}
    FROM bounded LEFT JOIN repeated USING (lead_id)`);

  const rejectWhen = {
    missing_lead_id: `rejected_for = 'missing_lead_id'`,
    duplicate_lead_id: `rejected_for = 'duplicate_lead_id'`,
    unknown_outcome: `rejected_for = 'unknown_outcome'`,
  };
  const rejected = 'rejected_for IS NOT NULL';
  const repairs: RowCheck[] = [
    ...DATE_FIELDS.filter((f) => fields[f]).map((f): RowCheck => ({
      severity: 'repaired', code: 'unparseable_date', column: fields[f]!, where: `NOT (${rejected}) AND raw_${f} IS NOT NULL AND ${f} IS NULL AND NOT outside_${f}`,
      value: `raw_${f}`,
      describe: (n, rows) => `${file}: ${n} value(s) in column "${fields[f]}" are not dates Allot can read (e.g. ${rowList(rows)}); ${f} left empty for them.`,
    })),
    ...DATE_FIELDS.filter((f) => fields[f]).map((f): RowCheck => ({
      severity: 'repaired', code: 'date_out_of_range', column: fields[f]!, where: `NOT (${rejected}) AND outside_${f}`, value: `raw_${f}`,
      params: { from: window.from, to: window.to },
      describe: (n, rows) => `${file}: ${n} date(s) in column "${fields[f]}" are before ${window.from} or after ${window.to}, too far off to be a lead's (e.g. ${rowList(rows)}); ${f} left empty for them. Set dateWindow in the mapping if such dates are right.`,
    })),
    ...(fields.value ? [
      { severity: 'repaired', code: 'unparseable_number', column: fields.value, where: `NOT (${rejected}) AND raw_value IS NOT NULL AND value IS NULL AND NOT outside_value`, value: 'raw_value',
        describe: (n, rows) => `${file}: ${n} value(s) in column "${fields.value}" are not numbers (e.g. ${rowList(rows)}); value left empty for them.` },
      { severity: 'repaired', code: 'amount_out_of_range', column: fields.value, where: `NOT (${rejected}) AND outside_value`, value: 'raw_value',
        params: { limit: MAX_AMOUNT_TEXT },
        describe: (n, rows) => `${file}: ${n} amount(s) in column "${fields.value}" are not finite or beyond ${MAX_AMOUNT_TEXT} (e.g. ${rowList(rows)}); value left empty for them.` },
      { severity: 'repaired', code: 'negative_value', column: fields.value, where: `NOT (${rejected}) AND value < 0`, value: 'raw_value',
        describe: (n, rows) => `${file}: ${n} negative amount(s) in column "${fields.value}" (e.g. ${rowList(rows)}); value left empty for them.` },
    ] satisfies RowCheck[] : []),
    ...(fields.created_at ? [{ severity: 'warning', code: 'missing_created_at', column: fields.created_at, where: `NOT (${rejected}) AND created_at IS NULL AND raw_created_at IS NULL`, value: 'lead_id',
      describe: (n: number, rows: number[]) => `${file}: ${n} lead(s) have no creation date in column "${fields.created_at}" (e.g. ${rowList(rows)}); they count in conversion but not in weekly demand.` } satisfies RowCheck] : []),
    ...(fields.owner ? [{ severity: 'warning', code: 'missing_owner', column: fields.owner, where: `NOT (${rejected}) AND owner IS NULL`, value: 'lead_id',
      describe: (n: number, rows: number[]) => `${file}: ${n} lead(s) have no owner in column "${fields.owner}" (e.g. ${rowList(rows)}); they count in demand but not in any rep's record.` } satisfies RowCheck] : []),
    ...(fields.outcome ? [{ severity: 'repaired', code: 'missing_outcome', column: fields.outcome, where: `NOT (${rejected}) AND outcome IS NULL AND raw_outcome IS NULL`, value: 'lead_id',
      describe: (n: number, rows: number[]) => `${file}: ${n} lead(s) have no outcome in column "${fields.outcome}" (e.g. ${rowList(rows)}); counted as open.` } satisfies RowCheck] : []),
  ];
  const checks: RowCheck[] = [
    { severity: 'rejected', code: 'missing_lead_id', column: fields.lead_id ?? undefined, where: rejectWhen.missing_lead_id, value: 'lead_id',
      describe: (n, rows) => `${file}: ${n} row(s) have no lead id in column "${fields.lead_id}" (${rowList(rows)}); rejected.` },
    { severity: 'rejected', code: 'duplicate_lead_id', column: fields.lead_id ?? undefined, where: rejectWhen.duplicate_lead_id,
      value: `lead_id || ' (first at row ' || id_first_row || ')'`,
      describe: (n, rows) => `${file}: ${n} row(s) repeat a lead id seen on an earlier row (${rowList(rows)}); the first is kept, the repeats rejected.` },
    { severity: 'rejected', code: 'unknown_outcome', column: fields.outcome ?? undefined, where: rejectWhen.unknown_outcome, value: 'raw_outcome',
      describe: (n, rows) => `${file}: ${n} row(s) have an outcome in column "${fields.outcome}" that is not a known won/lost/open value (${rowList(rows)}); rejected. Add the spelling to outcomeValues in the mapping to keep them.` },
    ...repairs,
  ];
  issues.push(...(await runRowChecks(db, PARSED, file, checks)));
  if (fields.outcome) await reportUnknownOutcomeValues(db, issues);
  const serials = await countExcelSerials(db, joined, mapping, file);
  if (serials) issues.push(serials);

  // A view, not a copy: the parsed table already holds every typed column.
  await db.exec(`CREATE OR REPLACE VIEW ${LEADS_TABLE} AS
    SELECT __row, lead_id, created_at, owner, COALESCE(outcome, 'open') AS outcome,
      CASE WHEN value >= 0 THEN value END AS value, first_touch_at, closed_at
      ${attributes.length ? ',' + attributes.map(sqlName).join(', ') : ''}
    FROM ${PARSED} WHERE rejected_for IS NULL`);
  const [counts] = await db.query<{ accepted: number; rejected: number; repaired: number }>(
    `SELECT count(*) FILTER (WHERE NOT (${rejected}))::DOUBLE AS accepted, count(*) FILTER (WHERE ${rejected})::DOUBLE AS rejected,
       count(*) FILTER (WHERE NOT (${rejected}) AND (${repairs.filter((r) => r.severity === 'repaired').map((r) => `(${r.where})`).join(' OR ') || 'false'}))::DOUBLE AS repaired
     FROM ${PARSED}`,
  );
  return { attributes, dateOrder, issues, ranges: await typedRanges(db, fields), ...counts! };
}

/**
 * The dates a lead can plausibly carry: year 1, 1900 or 9999 are placeholders or typos, and one of
 * them would stretch the weekly demand over centuries. The mapping's `dateWindow` widens it.
 */
function dateWindow(mapping: Mapping): { from: string; to: string } {
  const yearAhead = new Date(Date.now() + 366 * 86_400_000).toISOString().slice(0, 10);
  return { from: mapping.dateWindow?.from ?? DEFAULT_DATES_FROM, to: mapping.dateWindow?.to ?? yearAhead };
}

function boundedDate(field: string, window: { from: string; to: string }): string {
  const inWindow = `read_${field} >= DATE ${sqlString(window.from)} AND read_${field} < DATE ${sqlString(window.to)} + INTERVAL 1 DAY`;
  return `CASE WHEN ${inWindow} THEN read_${field} END AS ${field}, coalesce(NOT (${inWindow}), false) AS outside_${field}`;
}

/** NaN, ±Infinity and absurd magnitudes read as numbers but are no lead's value. */
function boundedNumber(field: string): string {
  const sane = `isfinite(${field}) AND abs(${field}) <= ${MAX_AMOUNT}`;
  return `CASE WHEN ${sane} THEN ${field} END AS ${field}, coalesce(NOT (${sane}), false) AS outside_${field}`;
}

async function typedRanges(db: Database, fields: Mapping['fields']): Promise<Map<string, KnownRange>> {
  const typed = (['value', ...DATE_FIELDS] as const).filter((f) => fields[f]);
  if (typed.length === 0) return new Map();
  const [row] = await db.query<Record<string, number | string | null>>(
    `SELECT ${typed.map((f) => `min(${f})::VARCHAR AS "${f}_min", max(${f})::VARCHAR AS "${f}_max"`).join(', ')} FROM ${PARSED}`,
  );
  const text = (v: number | string | null | undefined) => (v === null || v === undefined ? null : String(Number.isFinite(Number(v)) ? Number(v) : v));
  return new Map(typed.map((f) => [fields[f]!, { min: text(row?.[`${f}_min`]), max: text(row?.[`${f}_max`]) }] as const));
}

/** Names the unknown spellings themselves, so the user sees at once what to declare. */
async function reportUnknownOutcomeValues(db: Database, issues: QualityIssue[]) {
  const issue = issues.find((i) => i.code === 'unknown_outcome');
  if (!issue) return;
  const values = await db.query<{ value: string; n: number }>(
    `SELECT raw_outcome AS value, count(*)::DOUBLE AS n FROM ${PARSED} WHERE rejected_for = 'unknown_outcome' GROUP BY 1 ORDER BY n DESC LIMIT 10`,
  );
  const list = values.map((v) => `"${v.value}" (${v.n})`).join(', ');
  issue.message += ` Unknown values: ${list}.`;
  issue.params = { values: values.map((v) => v.value).join(', ') };
}

async function resolveDateOrder(db: Database, joined: JoinedTable, mapping: Mapping, file: string, issues: QualityIssue[]): Promise<DateOrder> {
  if (mapping.dateOrder !== 'auto') return mapping.dateOrder;
  const cells = mappedDateColumns(mapping);
  if (cells.length === 0) return 'ymd';
  // One set of tests over the (column, cell) rows of every date column: see cellsOf.
  const text = cleanText('cell');
  const [votes] = await db.query<{ dmy: number; mdy: number; ambiguous: number }>(
    `SELECT count(*) FILTER (WHERE ${onlyReadableAs('cell', 'dmy')})::DOUBLE AS dmy,
       count(*) FILTER (WHERE ${onlyReadableAs('cell', 'mdy')})::DOUBLE AS mdy,
       count(*) FILTER (WHERE CASE WHEN length(${text}) BETWEEN 8 AND 30 THEN regexp_full_match(${text}, '(0?[1-9]|1[0-2])[/.-](0?[1-9]|1[0-2])[/.-]\\d{4}.*') ELSE false END)::DOUBLE AS ambiguous
     FROM (${cellsOf(sqlName(joined.table), cells, { limit: DATE_VOTE_ROWS })})`,
  );
  const { dmy = 0, mdy = 0, ambiguous: unclear = 0 } = votes ?? {};
  if (dmy === 0 && mdy === 0 && unclear === 0) return 'ymd';
  const order: DateOrder = dmy > mdy ? 'dmy' : 'mdy';
  if (unclear > 0 && dmy === 0 && mdy === 0) {
    issues.push({
      severity: 'warning', code: 'ambiguous_date_order', file, count: unclear,
      message: `${file}: ${unclear} date(s) such as 03/04/2026 read either day-first or month-first and nothing in the file decides it; read month-first. Set dateOrder ("dmy" or "mdy") in the mapping if that is wrong.`,
      params: { order }, examples: [],
    });
  }
  return order;
}

async function countExcelSerials(db: Database, joined: JoinedTable, mapping: Mapping, file: string): Promise<QualityIssue | null> {
  const cells = mappedDateColumns(mapping);
  if (cells.length === 0) return null;
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*) FILTER (WHERE ${excelSerialTest('cell')})::DOUBLE AS n FROM (${cellsOf(sqlName(joined.table), cells)})`,
  );
  const n = row?.n ?? 0;
  if (n === 0) return null;
  return {
    severity: 'warning', code: 'excel_serial_date', file, count: n, examples: [],
    message: `${file}: ${n} date(s) were Excel serial numbers (days since 1899-12-30) and were read as dates.`,
  };
}

/** The file columns that feed the date fields. */
function mappedDateColumns(mapping: Mapping): string[] {
  return DATE_FIELDS.map((f) => mapping.fields[f]).filter((c): c is string => !!c);
}
