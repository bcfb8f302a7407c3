import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const sampleDir = fileURLToPath(new URL('../../../data/sample/', import.meta.url));
export const SAMPLE_CSV = `${sampleDir}leads.csv`;
export const SAMPLE_GBK_CSV = `${sampleDir}leads-zh-gbk.csv`;

/** Parses CSV text into records, honouring quotes (a quoted field may hold commas and newlines). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      (record = []), (field = '');
    } else field += c;
  }
  if (field !== '' || record.length) records.push([...record, field]);
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

export interface CsvFacts {
  header: string[];
  rows: string[][];
}

export function readSample(path: string, encoding: 'utf-8' | 'gbk' = 'utf-8'): CsvFacts {
  const bytes = readFileSync(path);
  const text = encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf-8').replace(/^\uFEFF/, '');
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows };
}

/** The most common non-empty value of a column, as the profile's first "top value" shows it. */
export function commonestValue(facts: CsvFacts, column: string): string {
  const index = facts.header.indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in the sample`);
  const counts = new Map<string, number>();
  for (const row of facts.rows) {
    const value = row[index]?.trim();
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}
