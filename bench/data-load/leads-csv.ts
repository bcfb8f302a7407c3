import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedLeadsCsv as cachedIn, type LeadsCsv } from '../../data/generator/leads-csv-file';

export type { LeadsCsv };

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE_DIR = path.join(root, 'bench', '.cache');

/** The generated leads CSVs the benchmarks load, cached in bench/.cache. */
export function cachedLeadsCsv(nominalRows: number, log: (line: string) => void): Promise<LeadsCsv> {
  return cachedIn(nominalRows, CACHE_DIR, log);
}
