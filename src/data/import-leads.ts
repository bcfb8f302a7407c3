import { importError } from '../model/scenario-errors';
import { CANONICAL_FIELDS, MappingSchema, type Mapping, type MappingInput } from '../model/mapping';
import type { LeadSummary, QualityIssue, QualityReport } from '../model/quality';
import { buildCanonicalLeads, LEADS_TABLE } from './canonical-leads';
import { profileColumns } from './column-profile';
import type { Database } from './database';
import { guessContactColumns, guessFields } from './field-guess';
import { findDuplicateContacts, findNearDuplicateValues, NEAR_DUPLICATE_MAX_VALUES } from './findings';
import { firstIssue } from '../model/errors';
import { joinTables } from './joins';
import { dropRawTable, readRawTable, type RawTable, type SourceFile } from './read-table';

export interface LeadImport {
  /** The mapping as applied, every guess filled in: save it to reuse it. */
  mapping: Mapping;
  report: QualityReport;
  /** Columns of the joined export, in order; the choices a mapping editor offers. */
  columns: string[];
  attributes: string[];
  /** Identifies the tables and joins the profile was computed on, so an edit can reuse it. */
  joinSignature: string;
}

export type Progress = (step: string, done: number, total: number) => void;

export interface ReadOptions {
  onProgress?: Progress;
  /** Table name prefix: a new load under a new prefix leaves the previous load's tables intact. */
  prefix?: string;
}

/** Reads each file into DuckDB once; `mapLeads` can then be re-run as the mapping is edited. */
export async function readSources(db: Database, files: SourceFile[], options: ReadOptions | Progress = {}): Promise<RawTable[]> {
  const { onProgress, prefix = 'raw' } = typeof options === 'function' ? { onProgress: options } : options;
  if (files.length === 0) throw importError('no_file', {}, 'No file given.', {});
  const raws: RawTable[] = [];
  for (const [i, file] of files.entries()) {
    onProgress?.(`read ${file.name}`, i, files.length);
    raws.push(await readRawTable(db, file, `${prefix}_${i}`));
  }
  onProgress?.('read', files.length, files.length);
  return raws;
}

/**
 * Joins, maps and checks the sources into the canonical `leads` table, and reports on it. The
 * first source is the lead table; `mapping.tables[i]` (when given) describes source i.
 */
export interface MapOptions {
  /** The import this one edits: its column profile is reused when the tables and joins are the same. */
  previous?: LeadImport;
  /** Called as each stage starts: join, map, check, profile. */
  onStage?: (stage: MapStage) => void;
  /**
   * Called (and awaited) once the counts, the row checks and the summary are known and `leads`
   * holds the mapped rows, before the column profile and the spelling-variant check (which picks
   * its columns by the profile's distinct counts) run: a screen can show the report so far. Its
   * `report.columns` is empty and it has no `joinSignature`, so it is never reused as `previous`.
   */
  onOverview?: (overview: LeadImport) => Promise<void> | void;
}

export type MapStage = 'join' | 'map' | 'check' | 'profile';

/** Frees the tables of a load that is no longer wanted (a failed one, or one replaced). */
export async function dropSources(db: Database, raws: RawTable[]): Promise<void> {
  for (const raw of raws) await dropRawTable(db, raw);
}

export async function mapLeads(db: Database, raws: RawTable[], input: MappingInput = {}, options: MapOptions = {}): Promise<LeadImport> {
  const parsed = MappingSchema.safeParse(input);
  if (!parsed.success) {
    const first = firstIssue(parsed.error, MappingSchema, input);
    throw importError('mapping_invalid', { detail: first.message }, `mapping: ${first.path}: ${first.message}`, { path: first.path });
  }
  const [leadTable, ...others] = raws as [RawTable, ...RawTable[]];
  const file = leadTable.file;
  if (leadTable.columns.length === 1) {
    throw importError(
      'one_column',
      { column: leadTable.columns[0]! },
      `${file}: only one column was found ("${leadTable.columns[0]}"). Allot reads files separated by commas, semicolons, tabs or pipes; save the export as CSV with one of them.`,
      { file, column: leadTable.columns[0]! },
    );
  }
  if (leadTable.rows === 0 && leadTable.parseIssues.length === 0) {
    throw importError('no_rows', {}, `${file}: the file has a header line but no rows of leads.`, { file });
  }
  options.onStage?.('join');
  const joined = await joinTables(db, leadTable, others.map((raw, i) => ({ raw, source: parsed.data.tables?.[i + 1] })), 'leads__joined');
  const fields: Mapping['fields'] = { ...guessFields(joined.columns), ...parsed.data.fields };
  for (const field of CANONICAL_FIELDS) {
    const column = fields[field];
    if (column && !joined.columns.includes(column)) {
      throw importError('mapped_column_missing', { field, column, columns: joined.columns.join(', ') }, `mapping: fields.${field}: column "${column}" is not in ${file} (columns: ${joined.columns.join(', ')}).`, { file, path: `fields.${field}`, column });
    }
  }
  for (const list of ['attributes', 'contactColumns'] as const) {
    (parsed.data[list] ?? []).forEach((column, i) => {
      if (joined.columns.includes(column) && column !== '__row') return;
      const columns = joined.columns.filter((c) => c !== '__row').join(', ');
      throw importError('listed_column_missing', { list, column, columns }, `mapping: ${list}[${i}]: column "${column}" is not in ${file} (columns: ${columns}).`, { file, path: `${list}[${i}]`, column });
    });
  }
  const mapping: Mapping = { ...parsed.data, fields, contactColumns: parsed.data.contactColumns ?? guessContactColumns(joined.columns) };
  const issues: QualityIssue[] = [...raws.flatMap((r) => r.parseIssues), ...joined.issues, ...unmappedFieldIssues(mapping, file)];
  options.onStage?.('map');
  const canonical = await buildCanonicalLeads(db, joined, mapping, file);
  options.onStage?.('check');
  mapping.dateOrder = canonical.dateOrder;
  issues.push(...canonical.issues);
  issues.push(...(await findDuplicateContacts(db, mapping.contactColumns ?? [], file)));
  const mappedTo = new Map(Object.entries(fields).filter((e): e is [string, string] => !!e[1]).map(([f, c]) => [c, f] as const));
  const csvRejected = leadTable.parseIssues.reduce((s, i) => s + i.count, 0);
  const counts = {
    sources: raws.map((r) => r.summary),
    rowsRead: leadTable.rows + csvRejected,
    accepted: canonical.accepted,
    repaired: canonical.repaired,
    rejected: canonical.rejected + csvRejected,
    summary: await summarize(db),
  };
  const sorted = (list: QualityIssue[]) => [...list].sort((a, b) => severityRank(a) - severityRank(b) || b.count - a.count);
  const overview = { mapping, columns: joined.columns.filter((c) => c !== '__row'), attributes: canonical.attributes };
  await options.onOverview?.({ ...overview, report: { ...counts, issues: sorted(issues), columns: [] }, joinSignature: '' });
  options.onStage?.('profile');
  const signature = JSON.stringify({ tables: raws.map((r) => r.table), joins: joined.joins });
  const columns = options.previous?.joinSignature === signature
    ? options.previous.report.columns.map((c) => ({ ...c, mappedTo: mappedTo.get(c.column) ?? null }))
    : await profileColumns(db, joined.table, overview.columns, mappedTo, canonical.ranges, new Set(mapping.contactColumns));
  const distinct = new Map(columns.map((c) => [c.column, c.distinct] as const));
  issues.push(...(await findNearDuplicateValues(db, canonical.attributes.filter((a) => (distinct.get(a) ?? Infinity) <= NEAR_DUPLICATE_MAX_VALUES), file)));
  const report: QualityReport = { ...counts, issues: sorted(issues), columns };
  return { ...overview, report, joinSignature: signature };
}

export async function importLeads(db: Database, files: SourceFile[], mapping: MappingInput = {}, onProgress?: Progress): Promise<LeadImport> {
  return mapLeads(db, await readSources(db, files, onProgress), mapping);
}

function unmappedFieldIssues(mapping: Mapping, file: string): QualityIssue[] {
  const needed = [
    { field: 'lead_id', severity: 'warning', code: 'lead_id_generated', why: 'lead ids are made from row numbers (row-1, row-2, …); duplicates cannot be found' },
    { field: 'outcome', severity: 'warning', code: 'unmapped_required_field', why: 'every lead counts as open, so conversion cannot be learned' },
    { field: 'owner', severity: 'warning', code: 'unmapped_required_field', why: 'who worked each lead is unknown, so rep effects cannot be learned' },
  ] as const;
  return needed
    .filter((n) => !mapping.fields[n.field])
    .map((n) => ({
      severity: n.severity, code: n.code, file, count: 0, examples: [], params: { field: n.field },
      message: `${file}: no column is mapped to ${n.field}: ${n.why}. Pick its column in the mapping.`,
    }));
}

function severityRank(issue: QualityIssue): number {
  return { rejected: 0, repaired: 1, warning: 2 }[issue.severity];
}

async function summarize(db: Database): Promise<LeadSummary> {
  const [row] = await db.query<LeadSummary>(
    `SELECT count(*)::DOUBLE AS leads, count(DISTINCT owner)::DOUBLE AS owners,
       count(*) FILTER (WHERE outcome = 'won')::DOUBLE AS won, count(*) FILTER (WHERE outcome = 'lost')::DOUBLE AS lost,
       count(*) FILTER (WHERE outcome = 'open')::DOUBLE AS open,
       min(created_at)::VARCHAR AS "firstCreated", max(created_at)::VARCHAR AS "lastCreated" FROM ${LEADS_TABLE}`,
  );
  return row!;
}
