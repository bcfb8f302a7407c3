/**
 * Lead files (`inspect`, `init`): broken, odd and hostile exports. A file that can be read is
 * accepted with every row accounted for (rows read = accepted + rejected, repaired ⊆ accepted,
 * each rejection and repair counted with its rows); one that cannot is refused in one line.
 * Row numbers are data rows (the header is not counted); line numbers are the file's lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { DIR, type Case, type IssueExpectation } from './run';
import { binaryJunk, fakeXlsx, gbk, LEAD_HEADER, leadRows, leadsCsv, parquet, toCsv, withBom, xlsx, yearsFromToday } from './fixtures';

const inspect = (file: string) => ['inspect', file, '--json'];

/** A repair of one date column: any code (unreadable, out of range), but repaired, counted, with its rows. */
const dateRepair = (column: string, rows: number[]): IssueExpectation => ({ severity: 'repaired', column, count: rows.length, rows });
const valueRepair = (rows: number[]): IssueExpectation => ({ severity: 'repaired', column: 'value', count: rows.length, rows });

/** The twelve-lead file with the lines given replaced by raw text (1-based data rows). */
function withLines(replace: Record<number, string>, n = 12): string {
  const lines = leadsCsv(n).replace(/\n$/, '').split('\n');
  for (const [row, text] of Object.entries(replace)) lines[Number(row)] = text;
  return lines.join('\n') + '\n';
}
/** Row `row` of the twelve-lead file as its CSV line, with some fields changed. */
function line(row: number, change: Partial<Record<(typeof LEAD_HEADER)[number], string>> = {}): string[] {
  const r = { ...leadRows(12)[row - 1]!, ...change };
  return LEAD_HEADER.map((h) => r[h]);
}

/** Created dates must fall in 1990 … today + 1 year; the rest are repaired to empty like unreadable ones. */
function outOfRange(name: string, text: string): Case {
  return {
    name: `leads: created_at ${name} is repaired to empty and counted`,
    files: { 'leads.csv': leadsCsv(12, (_, n) => (n === 2 ? { created_at: text } : {})) },
    argv: inspect('leads.csv'),
    expect: {
      report: {
        rowsRead: 12, accepted: 12, rejected: 0, repaired: 1, issues: [dateRepair('created_at', [2])],
        more: ({ report }) => {
          expect(report.summary.firstCreated! >= '1990', `firstCreated ${report.summary.firstCreated}`).toBe(true);
          expect(report.summary.lastCreated! <= yearsFromToday(1), `lastCreated ${report.summary.lastCreated}`).toBe(true);
        },
      },
    },
  };
}

function badAmount(text: string): Case {
  return {
    name: `leads: amount ${text} is repaired to empty and counted`,
    files: { 'leads.csv': leadsCsv(12, (_, n) => (n === 5 ? { value: text } : {})) },
    argv: inspect('leads.csv'),
    expect: {
      report: {
        rowsRead: 12, accepted: 12, rejected: 0, repaired: 1, issues: [valueRepair([5])],
        more: ({ report }) => {
          const value = report.columns.find((c) => c.column === 'value');
          for (const bound of [value?.min, value?.max]) expect(bound === null || bound === undefined || Number.isFinite(Number(bound)) && Math.abs(Number(bound)) < 1e15, `value range ${value?.min} … ${value?.max}`).toBe(true);
        },
      },
    },
  };
}

const CHINESE_HEADER = ['线索编号', '创建时间', '负责人', '所属区域', '预计金额', '是否成交'];
const chineseRows = leadRows(10).map((r, i) => [r.lead_id, r.created_at.replaceAll('-', '/'), ['王芳', '李强', '张敏'][i % 3]!, ['华东', '华北'][i % 2]!, `￥${r.value}`, r.outcome === 'Won' ? '成交' : '未成交']);

const XLSX_ROWS = leadRows(12).map((r, i) => LEAD_HEADER.map((h) => (i === 3 && h === 'created_at' ? '9999-01-01' : i === 8 && h === 'value' ? 'NaN' : r[h])));
const WORKBOOK = await xlsx(LEAD_HEADER, XLSX_ROWS);
const HEADER_ONLY_WORKBOOK = await xlsx(LEAD_HEADER, []);

export const LEAD_CASES: Case[] = [
  // A quote that never closes makes every later line part of one value: where the row ends cannot
  // be known, so the file is refused naming the line (rather than guessing and losing rows).
  {
    name: 'leads: a quote never closed mid-file is refused naming its line',
    files: { 'leads.csv': withLines({ 3: line(3).join(',').replace(',r3,', ',"r3,') }, 6) },
    argv: inspect('leads.csv'),
    expect: { refuse: /leads\.csv.*\bline 4\b/ },
  },
  {
    name: 'leads: a quote never closed on the last line is refused naming its line',
    files: { 'leads.csv': withLines({ 6: line(6).join(',').replace(',r3,', ',"r3,') }, 6) },
    argv: inspect('leads.csv'),
    expect: { refuse: /leads\.csv.*\bline 7\b/ },
  },
  {
    // Its own process: the report holds the 2 MB value, and a CLI that exits before stdout is
    // written out (a pipe takes 64 KB at a time) prints a cut-off document with exit code 0.
    name: 'leads: a 2 MB field is one valid row, and its whole report is printed',
    isolate: true,
    files: { 'leads.csv': toCsv([...LEAD_HEADER, 'notes'], leadRows(3).map((r, i) => [...LEAD_HEADER.map((h) => r[h]), i === 1 ? 'x'.repeat(2 * 1024 * 1024 + 17) : 'short'])) },
    argv: inspect('leads.csv'),
    expect: { report: { rowsRead: 3, accepted: 3, rejected: 0 } },
  },
  {
    name: 'leads: a wide export (300 more columns) is accounted for, and its whole report is printed',
    isolate: true,
    files: { 'wide.csv': toCsv([...LEAD_HEADER, ...Array.from({ length: 300 }, (_, k) => `extra_${k}`)], leadRows(20).map((r, i) => [...LEAD_HEADER.map((h) => r[h]), ...Array.from({ length: 300 }, (_, k) => `v${(i * k) % 7}`)])) },
    argv: inspect('wide.csv'),
    expect: { report: { rowsRead: 20, accepted: 20, rejected: 0, more: ({ attributes }) => expect(attributes.length).toBe(302) } },
  },
  { name: 'leads: an empty file', files: { 'empty.csv': '' }, argv: inspect('empty.csv'), expect: { refuse: /empty\.csv.*\bempty\b/ } },
  { name: 'leads: a file of blank lines', files: { 'blank.csv': '\n  \n\t\n' }, argv: inspect('blank.csv'), expect: { refuse: /blank\.csv.*\b(no text|empty|no header|blank)\b/i } },
  {
    name: 'leads: a header and no rows (inspect)',
    files: { 'header-only.csv': LEAD_HEADER.join(',') + '\n' },
    argv: inspect('header-only.csv'),
    expect: { refuse: /header-only\.csv.*\bno\b.*\b(rows?|leads?)\b/i },
  },
  {
    name: 'leads: a header and no rows (init)',
    files: { 'header-only.csv': LEAD_HEADER.join(',') + '\n' },
    argv: ['init', 'header-only.csv', '--out', 's.json'],
    expect: { refuse: /header-only\.csv.*\bno\b.*\b(rows?|leads?)\b/i, after: (run) => expect(exists(run.dir, 's.json'), 'no scenario written').toBe(false) },
  },
  {
    name: 'leads: UTF-8 with a BOM keeps its first column name',
    files: { 'bom.csv': withBom(leadsCsv(12)) },
    argv: inspect('bom.csv'),
    expect: {
      report: {
        rowsRead: 12, accepted: 12, rejected: 0,
        more: ({ report, mapping }) => {
          expect(report.sources[0]!.encoding).toBe('utf-8-bom');
          expect(mapping.fields['lead_id']).toBe('lead_id');
        },
      },
    },
  },
  {
    name: 'leads: GBK with Chinese headers',
    files: { 'gbk.csv': gbk(toCsv(CHINESE_HEADER, chineseRows)) },
    argv: inspect('gbk.csv'),
    expect: {
      report: {
        rowsRead: 10, accepted: 10, rejected: 0, repaired: 0,
        more: ({ report, mapping }) => {
          expect(report.sources[0]!.encoding).toBe('gb18030');
          expect(mapping.fields['owner']).toBe('负责人');
          expect(Number(report.summary['won']) + Number(report.summary['lost'])).toBe(10);
        },
      },
    },
  },
  {
    name: 'leads: ragged lines (one field too many, one too few) are rejected by line',
    files: { 'ragged.csv': withLines({ 2: [...line(2), 'extra'].join(','), 4: line(4).slice(0, -1).join(',') }, 6) },
    argv: inspect('ragged.csv'),
    expect: { report: { rowsRead: 6, accepted: 4, rejected: 2, issues: [{ severity: 'rejected', code: 'csv_parse_error', count: 2, lines: [3, 5] }] } },
  },
  {
    name: 'leads: a header named twice',
    files: { 'dup-header.csv': 'lead_id,owner,owner,outcome\nL1,r1,r2,Won\nL2,r2,r3,Lost\n' },
    argv: inspect('dup-header.csv'),
    expect: { refuse: /dup-header\.csv.*column "owner"/ },
  },
  { name: 'leads: one column', files: { 'one-col.csv': 'lead_id\nL1\nL2\nL3\n' }, argv: inspect('one-col.csv'), expect: { refuse: /one-col\.csv.*"lead_id"/ } },
  { name: 'leads: binary junk', files: { 'junk.csv': binaryJunk() }, argv: inspect('junk.csv'), expect: { refuse: /junk\.csv.*\b(binary|not a CSV)/ } },
  {
    name: 'leads: binary junk after a text header',
    files: { 'half-junk.csv': new Uint8Array([...new TextEncoder().encode(leadsCsv(3)), ...binaryJunk(8192)]) },
    argv: inspect('half-junk.csv'),
    expect: { refuse: /half-junk\.csv.*\b(binary|not a CSV|line \d+|row \d+)/ },
  },
  {
    name: 'leads: an .xlsx that is really CSV text is read as what it is',
    files: { 'leads.xlsx': leadsCsv(12) },
    argv: inspect('leads.xlsx'),
    expect: { report: { rowsRead: 12, accepted: 12, rejected: 0 } },
  },
  {
    name: 'leads: an Excel workbook with a 9999 date and a NaN amount',
    files: { 'leads.xlsx': WORKBOOK },
    argv: inspect('leads.xlsx'),
    expect: { report: { rowsRead: 12, accepted: 12, rejected: 0, repaired: 2, issues: [dateRepair('created_at', [4]), valueRepair([9])] } },
  },
  { name: 'leads: an Excel workbook with a header and no rows', files: { 'empty.xlsx': HEADER_ONLY_WORKBOOK }, argv: inspect('empty.xlsx'), expect: { refuse: /empty\.xlsx.*\bno\b.*\b(rows?|leads?)\b/i } },
  { name: 'leads: an .xlsx that is a zip without a workbook', files: { 'fake.xlsx': fakeXlsx() }, argv: inspect('fake.xlsx'), expect: { refuse: /fake\.xlsx.*\b(Excel|workbook|sheet)\b/i } },
  {
    name: 'leads: a Parquet file cut in half',
    files: { 'cut.parquet': parquet(40).subarray(0, Math.floor(parquet(40).length / 2)) },
    argv: inspect('cut.parquet'),
    expect: { refuse: /cut\.parquet.*Parquet/ },
  },
  {
    name: 'leads: a Parquet file missing its footer',
    files: { 'nofooter.parquet': parquet(40).subarray(0, parquet(40).length - 12) },
    argv: inspect('nofooter.parquet'),
    expect: { refuse: /nofooter\.parquet.*Parquet/ },
  },
  { name: 'leads: a whole Parquet file is accounted for', files: { 'ok.parquet': parquet(40) }, argv: inspect('ok.parquet'), expect: { report: { rowsRead: 40, accepted: 40, rejected: 0 } } },
  outOfRange('in year 1 (0001-01-01)', '0001-01-01 00:00:00'),
  outOfRange('in 1900', '1900-01-01'),
  outOfRange('in 9999', '9999-12-31 23:59:59'),
  outOfRange('two years from today', yearsFromToday(2)),
  outOfRange('an Excel serial from 1954 (20000)', '20000'),
  outOfRange('that does not read (soon)', 'soon'),
  {
    name: 'leads: first_touch_at in year 1 and closed_at in 9999 on one row count once',
    files: { 'leads.csv': leadsCsv(12, (_, n) => (n === 7 ? { first_touch_at: '0001-01-01 10:00', closed_at: '9999-01-01' } : {})) },
    argv: inspect('leads.csv'),
    expect: { report: { rowsRead: 12, accepted: 12, rejected: 0, repaired: 1, issues: [dateRepair('first_touch_at', [7]), dateRepair('closed_at', [7])] } },
  },
  badAmount('NaN'),
  badAmount('Infinity'),
  badAmount('-Infinity'),
  badAmount('1e308'),
  badAmount('1e400'),
  badAmount('-500'),
  badAmount('12abc'),
  {
    name: 'leads: a line with four bad fields is repaired once',
    files: { 'leads.csv': leadsCsv(12, (_, n) => (n === 3 ? { created_at: 'x', value: 'NaN', first_touch_at: '9999-01-01', closed_at: 'nope' } : {})) },
    argv: inspect('leads.csv'),
    expect: { report: { rowsRead: 12, accepted: 12, rejected: 0, repaired: 1, issues: [dateRepair('created_at', [3]), valueRepair([3]), dateRepair('first_touch_at', [3]), dateRepair('closed_at', [3])] } },
  },
  {
    name: 'leads: a rejected line with bad dates and amount is rejected once, not repaired',
    files: { 'leads.csv': leadsCsv(12, (_, n) => (n === 4 ? { outcome: 'Maybe', created_at: 'x', value: '-1', closed_at: '0001-01-01' } : {})) },
    argv: inspect('leads.csv'),
    expect: {
      report: {
        rowsRead: 12, accepted: 11, rejected: 1, repaired: 0, issues: [{ severity: 'rejected', code: 'unknown_outcome', count: 1, rows: [4] }],
        more: ({ report }) => expect(report.issues.filter((i) => i.severity === 'repaired').map((i) => `${i.code} ${i.column}`), 'repairs on a rejected row').toEqual([]),
      },
    },
  },
  {
    name: 'leads: every kind of rejection and repair in one file adds up',
    files: {
      'mixed.csv': withLines({
        2: line(1).join(','), // repeats L0001
        3: line(3, { lead_id: '' }).join(','),
        5: line(5, { outcome: '???' }).join(','),
        6: [...line(6), 'x', 'y'].join(','),
        8: line(8, { created_at: '9999-01-01', value: 'NaN' }).join(','),
        9: line(9, { value: '1e308' }).join(','),
        10: line(10, { closed_at: 'soon' }).join(','),
      }, 12),
    },
    argv: inspect('mixed.csv'),
    expect: {
      report: {
        rowsRead: 12, accepted: 8, rejected: 4, repaired: 3,
        issues: [
          { severity: 'rejected', code: 'duplicate_lead_id', count: 1, rows: [2] },
          { severity: 'rejected', code: 'missing_lead_id', count: 1, rows: [3] },
          { severity: 'rejected', code: 'unknown_outcome', count: 1, rows: [5] },
          { severity: 'rejected', code: 'csv_parse_error', count: 1, lines: [7] },
        ],
      },
    },
  },
  {
    name: 'leads: rows keep their numbers after a line that could not be read',
    files: { 'leads.csv': withLines({ 2: [...line(2), 'extra'].join(','), 5: line(5, { outcome: '???' }).join(','), 7: line(7, { created_at: '9999-01-01' }).join(',') }, 8) },
    argv: inspect('leads.csv'),
    expect: {
      report: {
        rowsRead: 8, accepted: 6, rejected: 2, repaired: 1,
        issues: [
          { severity: 'rejected', code: 'csv_parse_error', count: 1, lines: [3] },
          { severity: 'rejected', code: 'unknown_outcome', count: 1, rows: [5] },
          dateRepair('created_at', [7]),
        ],
      },
    },
  },
  {
    name: 'leads: Windows line endings',
    files: { 'crlf.csv': leadsCsv(12).replaceAll('\n', '\r\n') },
    argv: inspect('crlf.csv'),
    expect: { report: { rowsRead: 12, accepted: 12, rejected: 0, repaired: 0 } },
  },
  {
    name: 'leads: semicolons and a line break inside a quoted field',
    files: { 'semi.csv': leadsCsv(12, (_, n) => (n === 4 ? { region: 'East\nside; "north"' } : {})).replaceAll(',', ';') },
    argv: inspect('semi.csv'),
    expect: { report: { rowsRead: 12, accepted: 12, rejected: 0, more: ({ report }) => expect(report.sources[0]!.delimiter).toBe(';') } },
  },
  {
    name: 'leads: a NUL byte inside a field deep in the file',
    files: { 'nul.csv': withLines({ 55: line(1, { lead_id: 'L0055', region: 'Ea\u0000st' }).join(',') }, 60) },
    argv: inspect('nul.csv'),
    expect: { report: { rowsRead: 60 } },
  },
  {
    name: 'leads: hostile text in headers and values is read as text',
    files: { 'hostile.csv': toCsv([...LEAD_HEADER, '<script>alert(1)</script>', '=HYPERLINK("http://evil","x")'], leadRows(6).map((r) => [...LEAD_HEADER.map((h) => r[h]), '<img src=x onerror=alert(1)>', '[x](http://evil)'])) },
    argv: inspect('hostile.csv'),
    expect: { report: { rowsRead: 6, accepted: 6, rejected: 0, more: ({ attributes }) => expect(attributes).toEqual(expect.arrayContaining(['<script>alert(1)</script>', '=HYPERLINK("http://evil","x")'])) } },
  },
  {
    name: 'leads: a joined file that is binary junk is refused naming it',
    files: { 'leads.csv': leadsCsv(12), 'teams.csv': binaryJunk() },
    argv: ['inspect', 'leads.csv', 'teams.csv', '--json'],
    expect: { refuse: /teams\.csv.*\b(binary|not a CSV)/ },
  },
  { name: 'leads: a file that does not exist', argv: inspect('nope.csv'), expect: { refuse: /nope\.csv.*\b(no such file|not found|does not exist)\b/ } },
  { name: 'leads: a folder given as the lead file', files: { 'folder.csv': DIR }, argv: inspect('folder.csv'), expect: { refuse: /folder\.csv.*\b(folder|directory)\b/ } },
  {
    name: 'leads: init on a history with a 9999 date proposes the horizon of the real dates',
    files: { 'leads.csv': leadsCsv(120, (_, n) => (n === 60 ? { created_at: '9999-06-01 10:00:00' } : {})) },
    argv: ['init', 'leads.csv', '--out', 's.json', '--json'],
    expect: {
      ok: (run) => {
        const written = JSON.parse(readText(run.dir, 's.json')) as { simulation: { weeks: number } };
        // 16 weeks of history: a quarter of it is 4 weeks. Kept, the 9999 date makes it the 13-week cap.
        expect(written.simulation.weeks, 'proposed horizon').toBe(4);
      },
    },
  },
];

export function exists(dir: string, file: string): boolean {
  return existsSync(path.join(dir, file));
}
export function readText(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}
