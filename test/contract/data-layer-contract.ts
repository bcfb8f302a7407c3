import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/data/database';
import { ImportError } from '../../src/model/errors';
import { readHistoryLeads } from '../../src/data/history-leads';
import { dropSources, importLeads, mapLeads, readSources } from '../../src/data/import-leads';
import type { QualityIssue, QualityReport } from '../../src/model/quality';
import { ENGLISH_CSV, gbkCsv, parquetFile, utf8, withBom, xlsxFile } from './fixtures';

type Rows = Array<Record<string, unknown>>;

/**
 * The data layer's contract, written once as a function of the database and run on every
 * adapter (native DuckDB and DuckDB-WASM in Node, DuckDB-WASM in Chromium): the same files give
 * the same leads, the same counts and the same messages everywhere.
 */
export function testDataLayer(adapter: string, open: () => Promise<Database>) {
  describe(`data layer contract on ${adapter}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.close();
    });

    const load = (name: string, bytes: Uint8Array, mapping = {}) => importLeads(db, [{ name, bytes }], mapping);
    const leads = () => db.query(`SELECT lead_id, owner, outcome, value, strftime(created_at, '%Y-%m-%d %H:%M') AS created FROM leads ORDER BY __row`) as Promise<Rows>;
    const issue = (issues: QualityIssue[], code: string) => issues.find((i) => i.code === code);

    it('an English export maps itself and keeps every row', async () => {
      const { mapping, report } = await load('crm.csv', utf8(ENGLISH_CSV));
      expect(mapping.fields).toMatchObject({ lead_id: 'Lead ID', created_at: 'Created Date', owner: 'Lead Owner', outcome: 'Status', value: 'Amount' });
      expect(report).toMatchObject({ rowsRead: 4, accepted: 4, rejected: 0 });
      expect(report.summary).toMatchObject({ leads: 4, owners: 3, won: 2, lost: 1, open: 1 });
      expect((await leads())[0]).toEqual({ lead_id: 'L1', owner: 'r01', outcome: 'won', value: 1200, created: '2026-01-05 09:30' });
      expect(issue(report.issues, 'duplicate_contact')).toMatchObject({ column: 'Email', count: 1 });
    });

    it('a GBK export with Chinese headers maps itself', async () => {
      const { mapping, report } = await load('线索.csv', gbkCsv());
      expect(report.sources[0]!.encoding).toBe('gb18030');
      expect(mapping.fields).toMatchObject({ lead_id: '线索编号', created_at: '创建时间', owner: '负责人', outcome: '是否成交', value: '预计金额' });
      expect(await leads()).toEqual([
        { lead_id: 'L001', owner: '王芳', outcome: 'won', value: 12500, created: '2026-01-08 14:14' },
        { lead_id: 'L002', owner: '李强', outcome: 'lost', value: 8000, created: '2026-01-09 09:05' },
        { lead_id: 'L003', owner: '王芳', outcome: 'open', value: 12000, created: '2026-01-10 10:00' },
      ]);
    });

    it('a UTF-8 file with a byte-order mark reads its first header cleanly', async () => {
      const { mapping, report } = await load('bom.csv', withBom(ENGLISH_CSV));
      expect(report.sources[0]!.encoding).toBe('utf-8-bom');
      expect(mapping.fields.lead_id).toBe('Lead ID');
    });

    it('semicolons and quoted newlines are read as the export meant them', async () => {
      const text = 'lead_id;owner;outcome;note\n1;r01;won;"line one\nline two; still the note"\n2;r02;lost;plain\n';
      const { report } = await load('semi.csv', utf8(text));
      expect(report.sources[0]!.delimiter).toBe(';');
      expect(report.accepted).toBe(2);
      const [row] = (await db.query(`SELECT note FROM leads WHERE lead_id = '1'`)) as Rows;
      expect(row!.note).toBe('line one\nline two; still the note');
    });

    it('an empty file is refused with its name', async () => {
      await expect(load('empty.csv', new Uint8Array())).rejects.toThrow(/empty\.csv: the file is empty/);
    });

    it('a header-only file is refused: there are no leads to learn from', async () => {
      await expect(load('header.csv', utf8('lead_id,owner,outcome\n'))).rejects.toThrow(/^header\.csv: the file has a header line but no rows of leads\.$/);
    });

    it('a header naming a column twice is refused, naming both places', async () => {
      await expect(load('twice.csv', utf8('lead_id,owner,Owner\n1,a,b\n'))).rejects.toThrow(/^twice\.csv: the header names column "Owner" twice \(columns 2 and 3\)/);
    });

    it('rows after a skipped line keep their own row numbers', async () => {
      const text = 'lead_id,owner,outcome\n1,r1,won\n2,r2\n3,r3,lost\n4,r4,maybe\n5,r5,won,extra\n6,r6,perhaps\n';
      const { report } = await load('skips.csv', utf8(text));
      expect(report).toMatchObject({ rowsRead: 6, accepted: 2, rejected: 4 });
      expect(issue(report.issues, 'unknown_outcome')!.examples.map((e) => e.row)).toEqual([4, 6]);
    });

    it('binary junk is refused as not an export', async () => {
      const junk = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
      const error = await load('photo.csv', junk).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(/photo\.csv: this is not a CSV, Excel/);
    });

    it('a file split on an unknown delimiter says it found one column', async () => {
      await expect(load('caret.csv', utf8('lead_id^owner^outcome\n1^a^won\n'))).rejects.toThrow(/only one column was found/);
    });

    it('duplicate lead ids: the first is kept, repeats rejected by row', async () => {
      const { report } = await load('dupes.csv', utf8('lead_id,owner,outcome\nA,r1,won\nB,r2,lost\nA,r3,lost\nA,r1,won\n'));
      expect(report).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2 });
      const dup = issue(report.issues, 'duplicate_lead_id')!;
      expect(dup.examples.map((e) => e.row)).toEqual([3, 4]);
      expect(dup.examples[0]!.value).toBe('A (first at row 1)');
      expect(dup.message).toMatch(/rows 3, 4/);
    });

    it('mixed date formats, Excel serial numbers included, all read', async () => {
      const text = 'lead_id,created,outcome\n1,2026-01-08 14:14:00,won\n2,2026/1/8 14:14,won\n3,08.01.2026,lost\n4,46030,open\n5,8 Jan 2026 maybe,open\n';
      const { report } = await load('dates.csv', utf8(text));
      const created = ((await leads()) as Array<{ created: string | null }>).map((r) => r.created);
      expect(created).toEqual(['2026-01-08 14:14', '2026-01-08 14:14', '2026-01-08 00:00', '2026-01-08 00:00', null]);
      expect(issue(report.issues, 'unparseable_date')).toMatchObject({ column: 'created', count: 1, examples: [{ row: 5, value: '8 Jan 2026 maybe' }] });
      expect(issue(report.issues, 'excel_serial_date')).toMatchObject({ count: 1 });
      expect(report.repaired).toBe(1);
    });

    it('day-first dates are recognised from the values that only read day-first', async () => {
      const { mapping } = await load('dmy.csv', utf8('lead_id,created_at,outcome\n1,03/04/2026,won\n2,25/04/2026,lost\n'));
      expect(mapping.dateOrder).toBe('dmy');
      expect(((await leads()) as Array<{ created: string }>)[0]!.created).toBe('2026-04-03 00:00');
    });

    it('unknown outcome values are rejected by name, and declaring them keeps the rows', async () => {
      const text = 'lead_id,outcome\n1,Won\n2,Maybe\n3,Lost\n4,Maybe\n5,Pending review\n';
      const first = await load('outcomes.csv', utf8(text));
      expect(first.report).toMatchObject({ accepted: 2, rejected: 3 });
      expect(issue(first.report.issues, 'unknown_outcome')!.message).toMatch(/"Maybe" \(2\), "Pending review" \(1\)/);
      const second = await load('outcomes.csv', utf8(text), { outcomeValues: { open: ['maybe', 'Pending review'] } });
      expect(second.report).toMatchObject({ accepted: 5, rejected: 0 });
    });

    it('a row with too many fields is rejected by line; the rest are kept', async () => {
      const { report } = await load('wide.csv', utf8('lead_id,owner,outcome\n1,r1,won\n2,r2,lost,EXTRA\n3,r3,open\n'));
      expect(report).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1 });
      const parse = issue(report.issues, 'csv_parse_error')!;
      expect(parse.examples[0]).toMatchObject({ line: 3, value: '2,r2,lost,EXTRA' });
      expect(parse.message).toMatch(/wide\.csv: 1 line\(s\) could not be read .*line 3/);
    });

    it('amounts with separators, currency and 万 read; negative and non-numeric ones are repaired', async () => {
      const text = 'lead_id,outcome,amount\n1,won,"¥12,500"\n2,won,1.2万\n3,lost,"$3,000.50"\n4,lost,-5\n5,open,n/a\n';
      const { report } = await load('money.csv', utf8(text), { fields: { value: 'amount' } });
      expect(((await leads()) as Array<{ value: number | null }>).map((r) => r.value)).toEqual([12500, 12000, 3000.5, null, null]);
      expect(issue(report.issues, 'negative_value')).toMatchObject({ count: 1, examples: [{ row: 4, value: '-5' }] });
      expect(issue(report.issues, 'unparseable_number')).toMatchObject({ count: 1, examples: [{ row: 5, value: 'n/a' }] });
    });

    it('a line broken on two fields is one rejected row, not two: rows read = accepted + rejected', async () => {
      const { report } = await load('ragged.csv', utf8('lead_id,owner,outcome\n1,r1,won\n2\n3,r3,open\n'));
      expect(report).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1 });
      expect(report.issues.filter((i) => i.code === 'csv_parse_error').reduce((n, i) => n + i.count, 0)).toBe(1);
    });

    it('an unclosed quote is refused naming its line, before it swallows the lines after it', async () => {
      const text = 'lead_id,owner,outcome\n1,r1,won\n2,"r2,lost\n3,r3,open\n';
      await expect(load('quote.csv', utf8(text))).rejects.toThrow(/^quote\.csv, line 3: a quote \(\"\) opens a value that is never closed/);
      const rows = ['lead_id,owner,outcome', ...Array.from({ length: 3000 }, (_, i) => `${i},r${i % 5},won`)];
      rows[2500] = '2500,"r1,won';
      await expect(load('late-quote.csv', utf8(rows.join('\n') + '\n'))).rejects.toThrow(/^late-quote\.csv, line 2501: a quote/);
    });

    it('a line longer than the stated limit is refused naming the line, not DuckDB', async () => {
      const text = `lead_id,owner,notes\n1,r1,short\n2,r2,${'x'.repeat(9 * 1024 * 1024)}\n`;
      const error = await load('notes.csv', utf8(text)).catch((e: unknown) => e as ImportError);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).message).toMatch(/^notes\.csv, line 3: the line is longer than 8 MB/);
      expect((error as ImportError).message).not.toMatch(/max_line_size|\/tmp\//);
    });

    it('dates outside 1990 to a year ahead are repaired to empty and counted, apart from unreadable ones', async () => {
      const text = 'lead_id,created_at,outcome\n1,0001-01-01,won\n2,1900-01-01,lost\n3,9999-12-31,won\n4,2026-01-05,won\n5,soon,lost\n';
      const { report } = await load('dates.csv', utf8(text));
      expect(issue(report.issues, 'date_out_of_range')).toMatchObject({ severity: 'repaired', count: 3, params: { from: '1990-01-01' } });
      expect(issue(report.issues, 'unparseable_date')).toMatchObject({ count: 1, examples: [{ row: 5, value: 'soon' }] });
      expect(report).toMatchObject({ rowsRead: 5, accepted: 5, repaired: 4, rejected: 0 });
      const widened = await load('dates.csv', utf8(text), { dateWindow: { from: '1900-01-01' } });
      expect(issue(widened.report.issues, 'date_out_of_range')).toMatchObject({ count: 2 });
    });

    it('NaN, Infinity and absurd amounts are repaired to empty and counted, not summed', async () => {
      const text = 'lead_id,outcome,amount\n1,won,NaN\n2,won,Infinity\n3,lost,1e308\n4,lost,-Infinity\n5,won,1200\n';
      const { report } = await load('money.csv', utf8(text), { fields: { value: 'amount' } });
      expect(((await leads()) as Array<{ value: number | null }>).map((r) => r.value)).toEqual([null, null, null, null, 1200]);
      expect(issue(report.issues, 'amount_out_of_range')).toMatchObject({ count: 4 });
      expect(issue(report.issues, 'unparseable_number')).toBeUndefined();
      expect(report).toMatchObject({ rowsRead: 5, accepted: 5, repaired: 4 });
    });

    it('attributes and contact columns naming a missing column are refused with their JSON path', async () => {
      await expect(load('crm.csv', utf8(ENGLISH_CSV), { attributes: ['Region', 'Territory'] })).rejects.toThrow(/mapping: attributes\[1\]: column "Territory" is not in crm\.csv/);
      await expect(load('crm.csv', utf8(ENGLISH_CSV), { contactColumns: ['Phone'] })).rejects.toThrow(/mapping: contactColumns\[0\]: column "Phone" is not in crm\.csv/);
    });

    it('a misspelt mapping key is refused, naming the key meant', async () => {
      await expect(load('crm.csv', utf8(ENGLISH_CSV), { attributs: ['Region'] })).rejects.toThrow(/attributs: unknown key "attributs"; did you mean "attributes"\?/);
    });

    it('a mapping that names a missing column is refused with its JSON path', async () => {
      await expect(load('crm.csv', utf8(ENGLISH_CSV), { fields: { owner: 'Sales Rep' } })).rejects.toThrow(/mapping: fields\.owner: column "Sales Rep" is not in crm\.csv/);
    });

    it('a split export is joined on its shared key, and keys without a partner are reported', async () => {
      const pipeline = utf8('opportunity_id,sales_agent,product,deal_stage\nA,Ann,GTX Pro,Won\nB,Bob,GTXPro,Lost\nC,Ann,GTXPro,Won\n');
      const teams = utf8('sales_agent,regional_office\nAnn,East\nBob,West\n');
      const products = utf8('product,price\nGTX Pro,4821\n');
      const { report, attributes } = await importLeads(db, [
        { name: 'pipeline.csv', bytes: pipeline }, { name: 'teams.csv', bytes: teams }, { name: 'products.csv', bytes: products },
      ]);
      expect(attributes).toEqual(['product', 'regional_office', 'price']);
      expect(report.accepted).toBe(3);
      const unmatched = issue(report.issues, 'unmatched_join_key')!;
      expect(unmatched).toMatchObject({ file: 'products.csv', column: 'product', count: 2 });
      expect(unmatched.message).toMatch(/"GTXPro" \(2; probably "GTX Pro"\)/);
      expect(issue(report.issues, 'near_duplicate_values')).toMatchObject({ column: 'product' });
      const rows = (await db.query(`SELECT lead_id, regional_office FROM leads ORDER BY __row`)) as Rows;
      expect(rows.map((r) => r.regional_office)).toEqual(['East', 'West', 'East']);
    });

    it('an Excel workbook reads like a CSV', async () => {
      const { report, mapping } = await load('leads.xlsx', await xlsxFile());
      expect(report.sources[0]!.encoding).toBe('xlsx');
      expect(mapping.fields).toMatchObject({ lead_id: 'lead_id', owner: 'owner', outcome: 'outcome' });
      expect(await leads()).toEqual([
        { lead_id: 'X1', owner: 'r01', outcome: 'won', value: 1500, created: '2026-01-05 09:00' },
        { lead_id: 'X2', owner: 'r02', outcome: 'lost', value: 700, created: '2026-01-06 09:00' },
      ]);
    });

    it('the history reads lead by lead in creation order, its segments and owners in JavaScript\'s order of strings', async () => {
      // UTF-8 bytes (DuckDB's order) and UTF-16 code units (JavaScript's) order 😀 and Ａ (U+FF21) apart.
      const text = [
        'lead_id,created,owner,outcome,region,closed',
        '1,2026-01-07 10:00,Ｚoe,won,😀 shop,2026-01-09 10:00',
        '2,2026-01-05 09:00,,lost,Ａcme,',
        '3,2026-01-06 12:00,Ann,open,Zeta,',
        '4,,Ann,won,Zeta,',
        '5,2026-01-06 12:00,😀 Bo,lost,Ａcme,2026-01-06 11:00',
      ].join('\n');
      await load('history.csv', utf8(text), { fields: { created_at: 'created', closed_at: 'closed' } });
      const history = await readHistoryLeads(db, { fields: ['region'], valueBands: [] });
      expect(history.segments).toEqual(['Zeta', '😀 shop', 'Ａcme']);
      expect(history.owners).toEqual(['Ann', '😀 Bo', 'Ｚoe']);
      expect(Array.from(history.segment, (s) => history.segments[s])).toEqual(['Ａcme', 'Zeta', 'Ａcme', '😀 shop']);
      expect(Array.from(history.owner, (o) => (o < 0 ? null : history.owners[o]))).toEqual([null, 'Ann', '😀 Bo', 'Ｚoe']);
      expect([...history.outcome]).toEqual([0, -1, 0, 1]);
      expect([...history.fold]).toEqual([0, 1, 1, 1]);
      expect([...history.cycleHours]).toEqual([NaN, NaN, 0, 48]);
      expect(history.withoutCreatedAt).toBe(1);
    });

    it('a Parquet file reads without DuckDB extensions', async () => {
      const { report } = await load('leads.parquet', parquetFile());
      expect(report.sources[0]!.encoding).toBe('parquet');
      expect(((await leads()) as Array<{ value: number }>).map((r) => r.value)).toEqual([100.5, 200, 300]);
    });

    it('a column named like a canonical field never stands in for it when the field is mapped elsewhere', async () => {
      const text = 'lead_id,outcome,stage\n1,won,Lost\n2,lost,Won\n3,open,Maybe\n';
      const { report, attributes } = await load('remap.csv', utf8(text), { fields: { outcome: 'stage' } });
      expect(attributes).toEqual(['outcome (column)']);
      expect(((await leads()) as Array<{ outcome: string }>).map((r) => r.outcome)).toEqual(['lost', 'won']);
      expect(issue(report.issues, 'unknown_outcome')).toMatchObject({ column: 'stage', count: 1 });
    });

    it('a load that is no longer wanted can be dropped, tables and rejects alike', async () => {
      const raws = await readSources(db, [{ name: 'gone.csv', bytes: utf8('lead_id,outcome\n1,won\n') }], { prefix: 'doomed' });
      const tables = async () => ((await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'doomed%'`)) as Rows).length;
      expect(await tables()).toBe(3); // the data, and DuckDB's tables of rejected lines and of scans
      await dropSources(db, raws);
      expect(await tables()).toBe(0);
    });

    it('the column profile types, counts and ranks each column', async () => {
      const { report } = await load('crm.csv', utf8(ENGLISH_CSV));
      const amount = report.columns.find((c) => c.column === 'Amount')!;
      expect(amount).toMatchObject({ mappedTo: 'value', type: 'number', nulls: 1, distinct: 3, min: '800', max: '2500' });
      const created = report.columns.find((c) => c.column === 'Created Date')!;
      expect(created).toMatchObject({ type: 'date', min: '2026-01-05 09:30:00', max: '2026-01-08 12:00:00' });
      const region = report.columns.find((c) => c.column === 'Region')!;
      expect(region.top[0]).toEqual({ value: 'East', count: 2 });
    });

    it('the overview comes first: every count and row check, then the profile and the spelling variants', async () => {
      const text = 'lead_id,owner,outcome,region\n1,r01,won,East\n1,r02,lost,East\n3,r01,open,West\n4,r02,lost,east\n';
      const [raw] = await readSources(db, [{ name: 'early.csv', bytes: utf8(text) }], { prefix: 'early' });
      const seen: Array<{ report: QualityReport; signature: string; leads: number }> = [];
      const full = await mapLeads(db, [raw!], {}, {
        onOverview: async (overview) => {
          // `leads` is already readable here: a screen draws its charts from it.
          const [{ n }] = (await db.query(`SELECT count(*)::DOUBLE AS n FROM leads`)) as [{ n: number }];
          seen.push({ report: overview.report, signature: overview.joinSignature, leads: n });
        },
      });
      expect(seen).toHaveLength(1);
      const [{ report, signature, leads }] = seen as [(typeof seen)[number]];
      expect({ signature, leads, codes: report.issues.map((i) => i.code), columns: report.columns }).toEqual({ signature: '', leads: 3, codes: ['duplicate_lead_id'], columns: [] });
      expect({ ...report, issues: [], columns: [] }).toEqual({ ...full.report, issues: [], columns: [] });
      expect(full.report.issues.map((i) => i.code)).toEqual(['duplicate_lead_id', 'near_duplicate_values']);
      expect(full.report.columns.map((c) => c.column)).toEqual(['lead_id', 'owner', 'outcome', 'region']);
      await dropSources(db, [raw!]);
    });
  });
}
