import { distance } from 'fastest-levenshtein';
import { importError, type IMPORT_ERROR_PARAMS, type ImportErrorCode } from '../model/scenario-errors';
import { RepSchema, type Rep, type Roster } from '../model/roster';
import { parseAbsence, parseWorkingHours } from '../model/working-time';
import { LEADS_TABLE } from './canonical-leads';
import { sqlName, type Database } from './database';
import { normalizeHeader } from './field-guess';
import { readRawTable, type SourceFile } from './read-table';

const ROSTER_HEADERS: Record<string, string[]> = {
  rep_id: ['repid', 'id', 'userid', 'employeeid', '销售编号', '员工编号', '工号', '编号'],
  name: ['name', 'repname', 'fullname', '姓名', '销售', '名字', '销售代表'],
  team: ['team', 'group', 'manager', '团队', '小组', '部门'],
  tier: ['tier', 'level', 'seniority', '级别', '职级', '层级'],
  skills: ['skills', 'skilltags', 'tags', '技能标签', '技能', '标签'],
  capacity_per_week: ['capacityperweek', 'capacity', 'weeklycapacity', '容量', '承接上限', '每周容量', '周容量'],
  max_open: ['maxopen', 'openlimit', '最大跟进数', '跟进上限'],
  active: ['active', 'isactive', 'status', '在职', '是否在岗', '状态'],
  crm_user: ['crmuser', 'username', 'user', 'email', 'login', '账号', '用户名', '邮箱'],
  absences: ['absences', 'absent', 'leave', '请假', '不在岗', '休假'],
  working_hours: ['workinghours', 'hours', 'shift', '工作时间', '班次'],
};

const TRUE_WORDS = ['true', '1', 'yes', 'y', 'active', '是', '在职', '在岗', '启用'];
const FALSE_WORDS = ['false', '0', 'no', 'n', 'inactive', '否', '离职', '不在岗', '停用'];

/** Reads a roster file (DESIGN §2.2), English or Chinese headers; an error names row and column. */
export async function readRoster(db: Database, file: SourceFile): Promise<Roster> {
  const raw = await readRawTable(db, file, 'roster__raw');
  const unread = raw.parseIssues[0]?.examples[0];
  if (unread) {
    // A line the reader cannot split is a rep lost without a word: the roster must be whole.
    const why = String(raw.parseIssues[0]!.params?.detail ?? raw.parseIssues[0]!.params?.error ?? '');
    throw importError('roster_unreadable_line', { line: unread.line ?? '?', detail: why },
      `${file.name}, line ${unread.line}: the line could not be read (${why.toLowerCase()}), so a rep would be missing. Fix the line (a delimiter too many or too few) and load the roster again.`, { file: file.name });
  }
  const column = (field: string) => raw.columns.find((c) => ROSTER_HEADERS[field]!.includes(normalizeHeader(c)));
  refuseUnknownColumns(raw.columns, column, file.name);
  const idColumn = column('rep_id') ?? column('name');
  if (!idColumn) throw importError('roster_no_id', {}, `${file.name}: no rep id or name column (e.g. rep_id, 销售编号, name, 姓名).`, { file: file.name });
  const rows = await db.query<Record<string, string | null>>(`SELECT * FROM ${sqlName(raw.table)} ORDER BY rowid`);
  if (rows.length === 0) throw importError('roster_no_reps', {}, `${file.name}: the roster has a header but no reps.`, { file: file.name });
  const reps = rows.map((row, i) => parseRep(row, i + 1, file.name, column, idColumn));
  const seen = new Map<string, number>();
  reps.forEach((rep, i) => {
    if (seen.has(rep.rep_id)) {
      throw importError('roster_duplicate_id', { rep: rep.rep_id, first: seen.get(rep.rep_id)! }, `${file.name}: row ${i + 1}: rep_id "${rep.rep_id}" repeats row ${seen.get(rep.rep_id)}.`, { file: file.name, row: i + 1, column: idColumn });
    }
    seen.set(rep.rep_id, i + 1);
  });
  return { reps, origin: 'file', notes: [] };
}

/**
 * Columns no roster field reads are refused, as unknown keys are in every file a user writes: one
 * spelt close to a field (`skils`, `capacty`) names the field meant, the others the columns known.
 */
function refuseUnknownColumns(columns: string[], column: (field: string) => string | undefined, file: string): void {
  const used = new Set(Object.keys(ROSTER_HEADERS).map(column).filter(Boolean));
  const unused = columns.filter((c) => !used.has(c) && !Object.values(ROSTER_HEADERS).some((aliases) => aliases.includes(normalizeHeader(c))));
  const [header] = unused;
  if (header === undefined) return;
  const near = Object.keys(ROSTER_HEADERS).find((field) => ROSTER_HEADERS[field]!.some((alias) => alias.length >= 5 && distance(normalizeHeader(header), alias) <= Math.max(1, Math.floor(alias.length / 5))));
  if (near) {
    throw importError('roster_unknown_column', { column: header, field: near },
      `${file}, column "${header}": not a roster column; did you mean ${near}? Rename the column, or the reps would have no ${near}.`, { file, column: header });
  }
  const known = Object.keys(ROSTER_HEADERS).join(', ');
  throw importError('roster_unread_column', { column: header, known },
    `${file}, column "${header}": not a roster column (roster columns: ${known}); remove it, or rename it to the field it holds.`, { file, column: header });
}

/** The codes a roster cell can fail with. */
type RosterCellCode = Extract<ImportErrorCode, `roster_${string}`>;

function parseRep(row: Record<string, string | null>, rowNumber: number, file: string, column: (f: string) => string | undefined, idColumn: string): Rep {
  const cell = (field: string) => {
    const name = column(field);
    const value = name ? row[name]?.trim() : undefined;
    return value === '' ? undefined : (value ?? undefined);
  };
  const fail = <C extends RosterCellCode>(field: string, code: C, params: Record<(typeof IMPORT_ERROR_PARAMS)[C][number], string>, message: string): never => {
    throw importError(code, params as never, `${file}: row ${rowNumber}, column "${column(field) ?? field}": ${message}`, { file, row: rowNumber, column: column(field) ?? field });
  };
  const number = (field: string) => {
    const text = cell(field);
    if (text === undefined) return undefined;
    const value = Number(text.replace(/,/g, ''));
    if (!Number.isFinite(value) || value < 0) fail(field, 'roster_bad_number', { value: text }, `"${text}" is not a non-negative number.`);
    return value;
  };
  const activeText = cell('active')?.toLowerCase();
  if (activeText !== undefined && !TRUE_WORDS.includes(activeText) && !FALSE_WORDS.includes(activeText)) {
    fail('active', 'roster_bad_active', { value: activeText }, `"${activeText}" is neither yes nor no.`);
  }
  const id = row[idColumn]?.trim();
  if (!id) fail('rep_id', 'roster_empty_id', {}, 'the rep id is empty.');
  const workingHours = cell('working_hours');
  if (workingHours !== undefined && parseWorkingHours(workingHours) === null) fail('working_hours', 'roster_bad_hours', { value: workingHours }, `"${workingHours}" is not working hours such as 09:00-18:00 or 周一至周五 9-18.`);
  const absences = splitList(cell('absences'));
  const badAbsence = absences.find((text) => parseAbsence(text) === null);
  if (badAbsence !== undefined) fail('absences', 'roster_bad_absence', { value: badAbsence }, `"${badAbsence}" is not a date (2026-02-02) or a range of dates (2026-02-02..2026-02-06).`);
  const parsed = RepSchema.safeParse({
    rep_id: id,
    name: cell('name') ?? id,
    team: cell('team') ?? '',
    tier: cell('tier') ?? '',
    skills: splitList(cell('skills')),
    capacity_per_week: number('capacity_per_week') ?? fail('capacity_per_week', 'roster_capacity_required', {}, 'capacity (new leads per week) is required.'),
    max_open: number('max_open') ?? null,
    active: activeText === undefined ? true : TRUE_WORDS.includes(activeText),
    crm_user: cell('crm_user') ?? '',
    absences,
    working_hours: workingHours ?? null,
  });
  if (!parsed.success) fail(String(parsed.error.issues[0]!.path[0]), 'roster_invalid', { detail: parsed.error.issues[0]!.message }, parsed.error.issues[0]!.message);
  return parsed.data!;
}

function splitList(text: string | undefined): string[] {
  return text ? text.split(/[;|,，；、]/).map((s) => s.trim()).filter(Boolean) : [];
}

/** Attribute names that say "territory": their values become `region:` skill tags. */
const REGION_LIKE = /region|territory|office|area|区域|地区|大区|片区/i;
const TEAM_LIKE = /^(team|manager|group|团队|小组|部门|主管)$|manager|team/i;
/** A rep holds a territory skill when at least this share of the rep's leads came from it. */
const SKILL_SHARE = 0.2;
/** A rep with no new lead in the last four weeks of the history has most likely left or moved. */
const WEEKS_ACTIVE = 4;

/**
 * Without a roster file, the roster comes from the history: one rep per owner, capacity from the
 * busiest weeks the rep actually handled, territory skills from where the rep's leads came from.
 * Each guess is written into `notes` so the user can judge and edit it.
 */
export async function inferRoster(db: Database, attributes: string[]): Promise<Roster> {
  const region = attributes.find((a) => REGION_LIKE.test(a));
  const teamColumn = attributes.find((a) => TEAM_LIKE.test(a));
  const weekly = await db.query<{ owner: string; p90: number; leads: number; last: string | null }>(
    `WITH w AS (SELECT owner, date_trunc('week', created_at) AS week, count(*) AS n FROM ${LEADS_TABLE}
                WHERE owner IS NOT NULL AND created_at IS NOT NULL GROUP BY 1, 2)
     SELECT o.owner, COALESCE(quantile_cont(w.n, 0.9), 0)::DOUBLE AS p90, o.leads::DOUBLE AS leads, o.last::VARCHAR AS last
     FROM (SELECT owner, count(*) AS leads, max(created_at) AS last FROM ${LEADS_TABLE} WHERE owner IS NOT NULL GROUP BY 1) o
     LEFT JOIN w USING (owner) GROUP BY o.owner, o.leads, o.last ORDER BY o.owner`,
  );
  const [span] = await db.query<{ last: string | null }>(`SELECT max(created_at)::VARCHAR AS last FROM ${LEADS_TABLE}`);
  const cutoff = span?.last ? Date.parse(span.last.replace(' ', 'T') + 'Z') - WEEKS_ACTIVE * 7 * 86_400_000 : null;
  const skills = region ? await regionSkills(db, region) : new Map<string, string[]>();
  const teams = teamColumn ? await ownerValue(db, teamColumn) : new Map<string, string>();
  const reps = weekly.map((w) =>
    RepSchema.parse({
      rep_id: w.owner,
      name: w.owner,
      team: teams.get(w.owner) ?? '',
      skills: skills.get(w.owner) ?? [],
      capacity_per_week: Math.max(1, Math.ceil(w.p90)),
      active: cutoff === null || w.last === null || Date.parse(w.last.replace(' ', 'T') + 'Z') >= cutoff,
    }),
  );
  const notes = [
    `${reps.length} reps: one per owner in the history.`,
    'Capacity per week: the 90th percentile of the new leads each rep received per week.',
    `Active: received a lead in the last ${WEEKS_ACTIVE} weeks of the history.`,
    region ? `Skills: region:<value> for each "${region}" that made up at least ${SKILL_SHARE * 100}% of the rep's leads.` : 'Skills: none found (no region-like column).',
    teamColumn ? `Team: the rep's "${teamColumn}".` : 'Team: unknown (no team or manager column).',
  ];
  return { reps, origin: 'inferred', notes };
}

async function regionSkills(db: Database, region: string): Promise<Map<string, string[]>> {
  const rows = await db.query<{ owner: string; value: string }>(
    `SELECT owner, value FROM (
       SELECT owner, ${sqlName(region)} AS value, count(*) AS n, sum(count(*)) OVER (PARTITION BY owner) AS total
       FROM ${LEADS_TABLE} WHERE owner IS NOT NULL AND ${sqlName(region)} IS NOT NULL GROUP BY 1, 2)
     WHERE n >= ${SKILL_SHARE} * total ORDER BY 1, 2`,
  );
  const skills = new Map<string, string[]>();
  for (const { owner, value } of rows) skills.set(owner, [...(skills.get(owner) ?? []), `region:${value}`]);
  return skills;
}

async function ownerValue(db: Database, column: string): Promise<Map<string, string>> {
  const rows = await db.query<{ owner: string; value: string }>(
    `SELECT owner, mode(${sqlName(column)}) AS value FROM ${LEADS_TABLE} WHERE owner IS NOT NULL GROUP BY 1`,
  );
  return new Map(rows.filter((r) => r.value !== null).map((r) => [r.owner, r.value] as const));
}
