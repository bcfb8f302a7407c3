import writeXlsxFile from 'write-excel-file/universal';
import { parquetWriteBuffer } from 'hyparquet-writer';

/** Small exports built in memory, so the contract suite runs the same in Node and in Chromium. */
export const utf8 = (text: string) => new TextEncoder().encode(text);

export const ENGLISH_CSV = [
  'Lead ID,Created Date,Lead Owner,Region,Amount,Status,Email',
  'L1,2026-01-05 09:30:00,r01,East,"1,200",Won,a@x.com',
  'L2,2026-01-06 10:00:00,r02,North,800,Lost,b@x.com',
  'L3,2026-01-07 11:00:00,r01,East,,Open,A@x.com',
  'L4,2026-01-08 12:00:00,r03,South,2500,Won,',
].join('\n') + '\n';

/** A Chinese CRM's export, GBK-encoded (made once with Python's gbk codec). */
export const GBK_CSV_BASE64 =
  'z9/L97HgusUstLS9qMqxvOQsuLrU8MjLLMv5yvTH+NPyLNSkvMa98LbuLMrHt/Gzyb27CkwwMDEsMjAyNi8xLzggMTQ6MTQszfW3vCy7qrarLCIxMiw1MDAiLLPJvbsKTDAwMiwyMDI2LzEvOSA5OjA1LMDux78su6qxsSw4MDAwLM60s8m9uwpMMDAzLDIwMjYvMS8xMCAxMDowMCzN9be8LLuqtqssIjEuMs3yIiy4+r341tAK';

export function gbkCsv(): Uint8Array {
  return Uint8Array.from(atob(GBK_CSV_BASE64), (c) => c.charCodeAt(0));
}

export function withBom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
}

export async function xlsxFile(): Promise<Uint8Array> {
  const header = ['lead_id', 'created_at', 'owner', 'outcome', 'value'].map((value) => ({ value }));
  const row = (id: string, day: number, owner: string, outcome: string, value: number) => [
    { value: id }, { value: new Date(Date.UTC(2026, 0, day, 9, 0, 0)), format: 'yyyy-mm-dd hh:mm:ss' },
    { value: owner }, { value: outcome }, { value },
  ];
  const blob = await writeXlsxFile([header, row('X1', 5, 'r01', 'Won', 1500), row('X2', 6, 'r02', 'Lost', 700)]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export function parquetFile(): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'lead_id', data: ['P1', 'P2', 'P3'], type: 'STRING' },
      { name: 'owner', data: ['r01', 'r02', 'r01'], type: 'STRING' },
      { name: 'outcome', data: ['won', 'lost', 'open'], type: 'STRING' },
      { name: 'value', data: [100.5, 200, 300], type: 'DOUBLE' },
    ],
  });
  return new Uint8Array(buffer);
}
