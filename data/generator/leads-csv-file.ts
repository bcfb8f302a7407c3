import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leadsCsvChunks } from './csv';
import { leadsPerWeekFor } from './options';
import { SAMPLE_OPTIONS } from './sample';

const generatorDir = fileURLToPath(new URL('.', import.meta.url));

export interface LeadsCsv {
  /** File name inside the cache folder. */
  name: string;
  file: string;
  /** The size asked for; the generator's weekly volume makes the real count close to it. */
  nominalRows: number;
  rows: number;
  bytes: number;
}

/**
 * A seeded leads CSV of about `nominalRows` rows, generated once and kept in `cacheDir` (for
 * benchmarks and big-file tests; Node only). The file name carries a hash of the generator's
 * source, so a changed generator makes a new file.
 */
export async function cachedLeadsCsv(nominalRows: number, cacheDir: string, log: (line: string) => void = () => {}): Promise<LeadsCsv> {
  const name = `leads-${nominalRows}-seed${SAMPLE_OPTIONS.seed}-${await generatorHash()}.csv`;
  const file = path.join(cacheDir, name);
  const meta = `${file}.json`;
  try {
    return JSON.parse(await readFile(meta, 'utf8')) as LeadsCsv;
  } catch {
    // Not cached yet.
  }
  await mkdir(cacheDir, { recursive: true });
  const started = performance.now();
  const { rows, bytes } = await writeLeadsCsv(`${file}.partial`, nominalRows);
  await rename(`${file}.partial`, file);
  const csv: LeadsCsv = { name, file, nominalRows, rows, bytes };
  await writeFile(meta, JSON.stringify(csv, null, 2));
  log(`generated ${name}: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(0)} MB in ${Math.round(performance.now() - started)} ms`);
  return csv;
}

async function writeLeadsCsv(file: string, nominalRows: number): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(file);
  const options = { ...SAMPLE_OPTIONS, leadsPerWeek: leadsPerWeekFor(nominalRows, SAMPLE_OPTIONS) };
  let lines = 0;
  let bytes = 0;
  for (const chunk of leadsCsvChunks(options, { rowsPerChunk: 500 })) {
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows: lines - 1, bytes };
}

async function generatorHash(): Promise<string> {
  const dir = generatorDir;
  const hash = createHash('sha256');
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()) hash.update(f).update(await readFile(path.join(dir, f)));
  return hash.digest('hex').slice(0, 8);
}
