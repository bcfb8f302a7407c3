/** Delimiters real exports use: Excel in many locales writes `;`, databases `\t` or `|`. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter that splits the first lines into the same number of fields, most often
 * and into the most fields. We choose it ourselves (rather than leaving it to DuckDB's sniffer)
 * so that the report can say which one was used and a one-column file can be explained.
 */
export function detectDelimiter(sampleText: string): Delimiter | null {
  const lines = sampleText.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30);
  if (lines.length === 0) return null;
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length / counts.length;
    const score = consistent * 1000 + header;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best?.delimiter ?? null;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

/** Writes rows as RFC 4180 CSV, so spreadsheets and Parquet files enter DuckDB the way CSV does. */
export function toCsv(header: string[], rows: Iterable<Array<string | null>>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\n') + '\n';
}

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\n\r]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
}
