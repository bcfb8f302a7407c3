import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GBK_WEEKS,
  SAMPLE_OPTIONS,
  ZH,
  csvField,
  csvLine,
  generateSample,
  leadsCsv,
  leadsCsvChunks,
  leadsPerWeekFor,
  parseTimestamp,
  sampleFiles,
  type LeadRow,
  type SampleFileName,
} from '../data/generator/index';

const SAMPLE_DIR = new URL('../data/sample/', import.meta.url);
const readSample = (name: string): Buffer => readFileSync(new URL(name, SAMPLE_DIR));

/** A small RFC 4180 reader, so the tests do not trust the writer they check. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function records(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('empty CSV');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const hoursToTouch = (l: LeadRow): number | null =>
  l.first_touch_at === null ? null : (parseTimestamp(l.first_touch_at) - parseTimestamp(l.created_at)) / 60;

/** won / (won + lost) of the leads that pass `keep`, and how many were closed. */
function conversion(leads: readonly LeadRow[], keep: (l: LeadRow) => boolean): { rate: number; closed: number } {
  let won = 0;
  let closed = 0;
  for (const l of leads) {
    if (l.outcome === 'Open' || !keep(l)) continue;
    closed++;
    if (l.outcome === 'Won') won++;
  }
  return { rate: closed === 0 ? Number.NaN : won / closed, closed };
}

const inSegment = (segment: string) => (l: LeadRow) => `${l.region}|${l.product}` === segment;

const sample = generateSample(SAMPLE_OPTIONS);
const SHORT = { seed: 7, weeks: 6, leadsPerWeek: 120 };

describe('the sample generator', () => {
  it('makes the same sample from the same seed, and a different one from another seed', () => {
    const a = generateSample(SHORT);
    const b = generateSample(SHORT);
    const c = generateSample({ ...SHORT, seed: 8 });
    expect(b).toEqual(a);
    expect(a.leads.length).toBeGreaterThan(300);
    expect(c.leads.map((l) => l.email)).not.toEqual(a.leads.map((l) => l.email));
    expect(c.truth.conversion.repSegmentEffects).not.toEqual(a.truth.conversion.repSegmentEffects);
  });

  it('streams exactly the rows of the in-memory sample, whatever the chunk size', () => {
    const expected = leadsCsv(generateSample(SHORT).leads);
    for (const rowsPerChunk of [1, 7, 500, 100000]) {
      const chunks = [...leadsCsvChunks(SHORT, { rowsPerChunk })];
      expect(chunks.join('')).toBe(expected);
      if (rowsPerChunk === 7) expect(chunks.length).toBeGreaterThan(10);
    }
  });

  it('sizes a benchmark run to the number of leads asked for', () => {
    const options = { ...SAMPLE_OPTIONS, weeks: 8 };
    const leadsPerWeek = leadsPerWeekFor(5000, options);
    const { leads } = generateSample({ ...options, leadsPerWeek });
    expect(Math.abs(leads.length - 5000)).toBeLessThan(250);
  });

  it('quotes fields with commas, quotes and line breaks as RFC 4180 says, and only those', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('12,500')).toBe('"12,500"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    const line = csvLine(['a,b', 'c"d', 'e\r\nf', 42, null, true]);
    expect(parseCsv(line)).toEqual([['a,b', 'c"d', 'e\r\nf', '42', '', 'true']]);
  });
});

describe('the committed sample in data/sample', () => {
  const expected = sampleFiles(SAMPLE_OPTIONS);

  it('is byte for byte what `npm run sample` makes, so it cannot go stale', () => {
    const committed = readdirSync(SAMPLE_DIR).filter((name) => !name.startsWith('.')).sort();
    expect(committed).toEqual(Object.keys(expected).sort());
    for (const [name, bytes] of Object.entries(expected) as Array<[SampleFileName, Uint8Array]>) {
      const onDisk = readSample(name);
      expect(onDisk.byteLength, name).toBe(bytes.byteLength);
      expect(Buffer.compare(onDisk, Buffer.from(bytes)), name).toBe(0);
    }
  });

  it('stays under 3 MB in all', () => {
    const total = Object.values(expected).reduce((sum, b) => sum + b.byteLength, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('has a year of leads, about 100–150 a week, with English headers', () => {
    const rows = records(readSample('leads.csv').toString('utf8'));
    expect(rows.length).toBe(sample.leads.length);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'lead_id', 'created_at', 'owner', 'region', 'industry', 'product', 'source', 'company_size',
      'email', 'phone', 'value', 'first_touch_at', 'outcome', 'closed_at', 'won_value',
    ]);
    const perWeek = rows.length / SAMPLE_OPTIONS.weeks;
    expect(perWeek).toBeGreaterThan(100);
    expect(perWeek).toBeLessThan(150);
    expect(rows[0]?.created_at).toMatch(/^2025-01-0\d /);
    expect(rows[rows.length - 1]?.created_at).toMatch(/^2026-01-0\d /);
  });

  it('has rows that make sense: touch and close after creation, won value only when won', () => {
    for (const l of sample.leads) {
      const created = parseTimestamp(l.created_at);
      if (l.first_touch_at !== null) expect(parseTimestamp(l.first_touch_at)).toBeGreaterThan(created);
      if (l.closed_at !== null) expect(parseTimestamp(l.closed_at)).toBeGreaterThan(created);
      expect(l.closed_at === null).toBe(l.outcome === 'Open');
      expect(l.won_value !== null).toBe(l.outcome === 'Won');
      if (l.first_touch_at === null) expect(l.outcome).not.toBe('Won');
    }
    const asOf = parseTimestamp(sample.truth.as_of);
    const lastFourWeeks = sample.leads.filter((l) => parseTimestamp(l.created_at) >= asOf - 4 * 7 * 1440);
    const openShare = lastFourWeeks.filter((l) => l.outcome === 'Open').length / lastFourWeeks.length;
    expect(openShare).toBeGreaterThan(0.5);
    // Only the odd long enterprise cycle is still open half a year on.
    const firstHalf = sample.leads.slice(0, sample.leads.length / 2);
    expect(firstHalf.filter((l) => l.outcome === 'Open').length).toBeLessThan(0.02 * firstHalf.length);
  });

  it('has a roster of 15 reps in three regions, two gone and one who joined mid-year', () => {
    const reps = records(readSample('roster.csv').toString('utf8'));
    expect(reps).toHaveLength(15);
    expect(new Set(reps.map((r) => r.skills?.split(';')[0]))).toEqual(
      new Set(['region:East', 'region:North', 'region:South']),
    );
    expect(reps.filter((r) => r.active === 'false').map((r) => r.rep_id)).toEqual(['r10', 'r14']);
    expect(new Set(reps.map((r) => r.tier))).toEqual(new Set(['junior', 'mid', 'senior']));
    const counts = sample.truth.summary.leads_by_rep;
    const joiner = counts.r05 ?? 0;
    const eastPeers = ['r01', 'r02', 'r03', 'r04'].map((id) => counts[id] ?? 0);
    expect(joiner).toBeLessThan(0.6 * Math.min(...eastPeers));
    const lastMonth = sample.leads.filter((l) => l.created_at >= '2025-12-08');
    expect(lastMonth.some((l) => l.owner === 'r10' || l.owner === 'r14')).toBe(false);
  });

  it('records its duplicate contacts in truth.json', () => {
    const byEmail = new Map<string, string[]>();
    for (const l of sample.leads) byEmail.set(l.email, [...(byEmail.get(l.email) ?? []), l.lead_id]);
    const repeated = [...byEmail.values()].filter((ids) => ids.length > 1);
    const truth = JSON.parse(readSample('truth.json').toString('utf8')) as typeof sample.truth;
    expect(truth.duplicates.count).toBeGreaterThan(2);
    expect(truth.duplicates.count).toBeLessThan(20);
    expect(repeated.length).toBe(truth.duplicates.count);
    for (const d of truth.duplicates.leads) expect(byEmail.get(d.email)).toEqual([d.same_as, d.lead_id]);
  });
});

describe('the Chinese CRM export (leads-zh-gbk.csv)', () => {
  const bytes = readSample('leads-zh-gbk.csv');

  it('is GBK: it decodes as GB18030 and is not valid UTF-8', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    expect(text.startsWith('线索编号,创建时间,负责人,所属区域,行业,产品,线索来源,公司规模,邮箱,电话,预计金额,首次跟进时间,是否成交,成交时间,成交金额\r\n')).toBe(true);
  });

  it(`holds the leads of the last ${GBK_WEEKS} weeks as a Chinese CRM writes them`, () => {
    const rows = records(new TextDecoder('gb18030').decode(bytes));
    expect(rows.length).toBeGreaterThan(1500);
    expect(rows.length).toBeLessThan(2500);
    const english = new Map(sample.leads.map((l) => [l.lead_id, l]));
    const names = new Map(sample.reps.map((r) => [r.rep_id, r.name]));
    for (const row of rows) {
      const lead = english.get(row['线索编号'] ?? '');
      expect(lead, row['线索编号']).toBeDefined();
      if (!lead) continue;
      expect(row['负责人']).toBe(names.get(lead.owner));
      expect(row['所属区域']).toBe(ZH.region[lead.region]);
      expect(row['是否成交']).toBe(ZH.outcome[lead.outcome]);
      expect(Number((row['预计金额'] ?? '').replace(/,/g, ''))).toBe(lead.value);
      expect(row['创建时间']).toMatch(/^20\d\d\/\d{1,2}\/\d{1,2} \d{1,2}:\d\d$/);
    }
    expect(rows.some((r) => /^\d{1,3}(,\d{3})+$/.test(r['预计金额'] ?? ''))).toBe(true);
    expect(new TextDecoder('gb18030').decode(bytes)).toMatch(/,"\d{1,3}(,\d{3})+",/);
    expect(new Set(rows.map((r) => r['是否成交']))).toEqual(new Set(['成交', '未成交', '跟进中']));
    expect(new Set(rows.map((r) => r['所属区域']))).toEqual(new Set(['华东', '华北', '华南']));
  });
});

describe('the planted truth is in the raw data', () => {
  it('converts about 15–25% overall, as truth.json says', () => {
    const { rate } = conversion(sample.leads, () => true);
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.25);
    expect(sample.truth.summary.conversion_rate).toBeCloseTo(rate, 4);
  });

  it('shows the strong planted rep × segment effects in the committed leads', () => {
    const strong = sample.truth.conversion.planted.filter((p) => Math.abs(p.effect) >= 0.6);
    let checked = 0;
    for (const p of strong) {
      const cell = conversion(sample.leads, (l) => l.owner === p.rep_id && inSegment(p.segment)(l));
      if (cell.closed < 30) continue;
      const segment = conversion(sample.leads, inSegment(p.segment));
      checked++;
      if (p.effect > 0) expect(cell.rate, `${p.rep_id} in ${p.segment}`).toBeGreaterThan(segment.rate);
      else expect(cell.rate, `${p.rep_id} in ${p.segment}`).toBeLessThan(segment.rate);
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('shows every planted effect in a larger run of the same world, and none in the control world', () => {
    const spread = (plantedEffects: boolean): { maxGap: number; wrongWay: string[] } => {
      const run = generateSample({ ...SAMPLE_OPTIONS, leadsPerWeek: 2000, plantedEffects });
      const wrongWay: string[] = [];
      let maxGap = 0;
      for (const p of generateSample(SAMPLE_OPTIONS).truth.conversion.planted) {
        const cell = conversion(run.leads, (l) => l.owner === p.rep_id && inSegment(p.segment)(l));
        const others = conversion(run.leads, (l) => l.owner !== p.rep_id && inSegment(p.segment)(l));
        const gap = cell.rate - others.rate;
        if (cell.closed >= 300) maxGap = Math.max(maxGap, Math.abs(gap));
        if (Math.sign(gap) !== Math.sign(p.effect)) wrongWay.push(`${p.rep_id} ${p.segment}`);
      }
      return { maxGap, wrongWay };
    };
    const planted = spread(true);
    expect(planted.wrongWay).toEqual([]);
    expect(planted.maxGap).toBeGreaterThan(0.08);
    const control = spread(false);
    expect(control.maxGap).toBeLessThan(0.05);
    expect(generateSample({ ...SHORT, plantedEffects: false }).truth.conversion.planted).toEqual([]);
  });

  it('converts leads touched within an hour better than leads touched after a day', () => {
    const fast = conversion(sample.leads, (l) => (hoursToTouch(l) ?? Infinity) <= 1);
    const slow = conversion(sample.leads, (l) => (hoursToTouch(l) ?? -1) > 24);
    expect(fast.closed).toBeGreaterThan(500);
    expect(slow.closed).toBeGreaterThan(300);
    expect(fast.rate).toBeGreaterThan(1.5 * slow.rate);
    const { floor, tauHours } = sample.truth.conversion.decay;
    expect(floor).toBeGreaterThan(0);
    expect(floor).toBeLessThan(1);
    expect(tauHours).toBeGreaterThan(0);
  });

  it('never wins a lead nobody touched', () => {
    const untouched = sample.leads.filter((l) => l.first_touch_at === null);
    expect(untouched.length).toBeGreaterThan(20);
    expect(untouched.filter((l) => l.outcome === 'Won')).toEqual([]);
  });
});
