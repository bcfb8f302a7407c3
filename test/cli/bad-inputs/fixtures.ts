/**
 * Fixture builders for the bad-input suite: a small, valid team history (so a case breaks exactly
 * one thing), its scenario, roster and rule file, and the hostile and broken variants.
 */
import iconv from 'iconv-lite';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { zipSync, strToU8 } from 'fflate';
import writeXlsxFile from 'write-excel-file/universal';

export const LEAD_HEADER = ['lead_id', 'created_at', 'owner', 'region', 'product', 'value', 'first_touch_at', 'outcome', 'closed_at'] as const;
export type LeadRow = Record<(typeof LEAD_HEADER)[number], string>;

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;

/**
 * `n` leads over 16 weeks from 2025-01-06, three reps (r1–r3), two regions and two products, 30%
 * won: enough for the estimator, the optimizer and a few replications to run in a second.
 */
export function leadRows(n = 120): LeadRow[] {
  const start = Date.UTC(2025, 0, 6, 9);
  return Array.from({ length: n }, (_, i) => {
    const created = new Date(start + Math.floor((i * 112) / n) * 86_400_000 + (i % 8) * 3_600_000);
    const won = (i * 7) % 10 < 3;
    return {
      lead_id: `L${String(i + 1).padStart(4, '0')}`,
      created_at: stamp(created),
      owner: `r${(i % 3) + 1}`,
      region: ['East', 'West'][Math.floor(i / 3) % 2]!,
      product: ['A', 'B'][Math.floor(i / 5) % 2]!,
      value: String(1000 + ((i * 37) % 5000)),
      first_touch_at: stamp(new Date(created.getTime() + 2 * 3_600_000)),
      outcome: won ? 'Won' : 'Lost',
      closed_at: stamp(new Date(created.getTime() + 10 * 86_400_000)),
    };
  });
}

/** RFC 4180 cell: quoted when it holds a comma, quote or line break. */
export function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>, eol = '\n'): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join(eol) + eol;
}

/** The lead file, with `edit` applied to each row (1-based data row numbers). */
export function leadsCsv(n = 12, edit: (row: LeadRow, rowNumber: number) => Partial<LeadRow> | void = () => {}): string {
  return toCsv(LEAD_HEADER, leadRows(n).map((r, i) => {
    const row = { ...r, ...(edit(r, i + 1) ?? {}) };
    return LEAD_HEADER.map((h) => row[h]);
  }));
}

/** The standard history the scenario cases read. */
export const LEADS = leadsCsv(120);
export const LEADS_ROWS = 120;

export function scenario(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'allot.scenario/v1',
    name: 'bad-inputs',
    leads: { path: 'leads.csv' },
    segments: { fields: ['region'] },
    simulation: { weeks: 4, replications: 5, seed: 1 },
    policies: ['round_robin', 'weighted', 'optimized'],
    ...extra,
  };
}

/** `JSON.stringify` with a 2-space indent, as a user's editor would leave it. */
export const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export const ROSTER = 'rep_id,name,tier,skills,capacity_per_week,max_open,active,crm_user\n' +
  'r1,Ann,senior,region:East,20,40,true,ann@example.com\n' +
  'r2,Bob,mid,region:West,15,30,true,bob@example.com\n' +
  'r3,Cy,junior,region:East;region:West,10,20,true,cy@example.com\n';

export const REPS = [
  { id: 'r1', name: 'Ann', crmUser: 'ann@example.com', capacityPerWeek: 100, active: true },
  { id: 'r2', name: 'Bob', crmUser: 'bob@example.com', capacityPerWeek: 100, active: true },
  { id: 'r3', name: 'Cy', crmUser: 'cy@example.com', capacityPerWeek: 100, active: true },
];

/** A valid rule file: East to r1/r2 by weight, everything else round robin over all three. */
export function rules(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'allot.rules/v1',
    name: 'bad-inputs rules',
    segmentFields: ['region'],
    reps: REPS,
    rules: [
      { id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'r1', weight: 0.5 }, { rep: 'r2', weight: 0.5 }] } },
    ],
    fallback: { method: 'round_robin', pool: [{ rep: 'r1' }, { rep: 'r2' }, { rep: 'r3' }] },
    ...extra,
  };
}

/** A condition `depth` groups deep, alternating all/any, with one leaf at the bottom. */
export function deepCondition(depth: number): unknown {
  let condition: unknown = { field: 'region', op: 'eq', value: 'East' };
  for (let i = 0; i < depth; i++) condition = i % 2 ? { any: [condition] } : { all: [condition] };
  return condition;
}

/** The same nesting written as text, so building it never recurses (JSON.stringify would at depth 10⁵). */
export function deepConditionJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = depth - 1; i >= 0; i--) {
    open += i % 2 ? '{"any":[' : '{"all":[';
    close += ']}';
  }
  return `${open}{"field":"region","op":"eq","value":"East"}${close}`;
}

export function gbk(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'gbk'));
}

export function withBom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
}

/** Bytes no export holds: every value 0–255, NULs included. */
export function binaryJunk(size = 4096): Uint8Array {
  return new Uint8Array(size).map((_, i) => (i * 31 + 7) % 256);
}

export function parquet(rows = 40): Uint8Array {
  const data = leadRows(rows);
  return new Uint8Array(parquetWriteBuffer({
    columnData: [
      { name: 'lead_id', data: data.map((r) => r.lead_id), type: 'STRING' },
      { name: 'owner', data: data.map((r) => r.owner), type: 'STRING' },
      { name: 'region', data: data.map((r) => r.region), type: 'STRING' },
      { name: 'outcome', data: data.map((r) => r.outcome), type: 'STRING' },
      { name: 'value', data: data.map((r) => Number(r.value)), type: 'DOUBLE' },
    ],
  }));
}

/** An Excel workbook of text cells: the header, then the rows. */
export async function xlsx(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): Promise<Uint8Array> {
  const blob = await writeXlsxFile([header, ...rows].map((r) => r.map((value) => ({ value })))).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** A zip that starts like an .xlsx but holds no workbook: what a renamed archive or a broken download looks like. */
export function fakeXlsx(): Uint8Array {
  return zipSync({ 'hello.txt': strToU8('not a workbook') });
}

/** Strings that are markup, links, images or spreadsheet formulas wherever they are shown unescaped. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  link: '[x](http://evil)',
  image: '![x](http://e/x.png)',
  script: '<script>alert(1)</script>',
  formula: '=HYPERLINK("http://evil","x")',
} as const;

/**
 * A rule file every target can express (plain field names, no manual review, reps with CRM
 * users), with hostile text in every free-text place: its name, rep names, rule ids and the values
 * conditions compare with.
 */
export function hostileRules(): Record<string, unknown> {
  return {
    schema: 'allot.rules/v1',
    name: `${HOSTILE.img} ${HOSTILE.link} ${HOSTILE.image} ${HOSTILE.script}`,
    segmentFields: ['region'],
    reps: [
      { id: 'r1', name: HOSTILE.img, crmUser: 'ann@example.com', capacityPerWeek: 20, active: true },
      { id: 'r2', name: HOSTILE.link, crmUser: 'bob@example.com', capacityPerWeek: 20, active: true },
      { id: 'r3', name: HOSTILE.image, crmUser: 'cy@example.com', capacityPerWeek: 20, active: true },
      { id: 'r4', name: HOSTILE.formula, crmUser: 'dee@example.com', capacityPerWeek: 20, active: true },
      { id: 'r5', name: HOSTILE.script, crmUser: 'eve@example.com', capacityPerWeek: 20, active: true },
    ],
    rules: [
      { id: HOSTILE.script, when: { field: 'region', op: 'eq', value: HOSTILE.link }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'r1', weight: 0.5 }, { rep: 'r2', weight: 0.5 }] } },
      { id: HOSTILE.image, when: { field: 'region', op: 'in', value: [HOSTILE.img, HOSTILE.image] }, assign: { method: 'round_robin', pool: [{ rep: 'r3' }, { rep: 'r5' }] } },
      { id: HOSTILE.formula, when: { field: 'product', op: 'eq', value: HOSTILE.formula }, assign: { method: 'fixed', pool: [{ rep: 'r4' }] } },
    ],
    fallback: { method: 'round_robin', pool: [{ rep: 'r1' }, { rep: 'r2' }, { rep: 'r3' }] },
  };
}

/** The date `years` from today (UTC), as `YYYY-MM-DD 09:00:00`. */
export function yearsFromToday(years: number): string {
  const d = new Date();
  return `${d.getUTCFullYear() + years}-${pad(d.getUTCMonth() + 1)}-${pad(Math.min(d.getUTCDate(), 28))} 09:00:00`;
}
