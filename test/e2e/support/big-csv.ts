import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedLeadsCsv, type LeadsCsv } from '../../../data/generator/leads-csv-file';

/** About 1.3 million seeded leads: a CSV of about 200 MB, the size a big CRM export reaches. */
export const BIG_ROWS = 1_300_000;

/** Shared with the CLI's big-file test, so the file is generated once per machine and generator. */
const CACHE_DIR = path.join(tmpdir(), 'allot-test-cache');

export interface BigCsv extends LeadsCsv {
  /** Data rows (header not counted), counted in the file itself with quotes honoured. */
  dataRows: number;
}

/** The generated ~200 MB leads CSV (written with a stream on first use, then reused), and its row count. */
export async function bigLeadsCsv(log: (line: string) => void = () => {}): Promise<BigCsv> {
  const csv = await cachedLeadsCsv(BIG_ROWS, CACHE_DIR, log);
  return { ...csv, dataRows: (await countCsvRecords(csv.file)) - 1 };
}

/**
 * Counts the records of a CSV file, header included, as a CSV reader sees them: a line break
 * inside a quoted field does not end a record (`""` inside quotes toggles twice, so it is neutral).
 * Streams the file; blank lines are not records.
 */
export async function countCsvRecords(file: string): Promise<number> {
  let records = 0;
  let quoted = false;
  let lineHasContent = false;
  // Jumps from quote to line break with indexOf: a byte-by-byte loop takes 15 s on 200 MB.
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    let pos = 0;
    let nextQuote = chunk.indexOf(0x22);
    while (pos < chunk.length) {
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = chunk.indexOf(0x22, pos);
      if (quoted) {
        if (nextQuote === -1) break;
        quoted = false;
        pos = nextQuote + 1;
        continue;
      }
      const newline = chunk.indexOf(0x0a, pos);
      if (nextQuote !== -1 && (newline === -1 || nextQuote < newline)) {
        quoted = true;
        lineHasContent = true;
        pos = nextQuote + 1;
        continue;
      }
      const end = newline === -1 ? chunk.length : newline;
      if (end - pos > 1 || (end - pos === 1 && chunk[pos] !== 0x0d)) lineHasContent = true;
      if (newline === -1) break;
      if (lineHasContent) records++;
      lineHasContent = false;
      pos = newline + 1;
    }
  }
  return lineHasContent ? records + 1 : records;
}
