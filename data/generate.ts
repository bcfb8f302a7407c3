/**
 * Writes the sample data (`npm run sample`), or a large leads CSV for benchmarks.
 *
 *   tsx data/generate.ts                         data/sample/{leads,roster,leads-zh-gbk}.csv, truth.json
 *   tsx data/generate.ts --out DIR               the same files into DIR
 *   tsx data/generate.ts --leads 1000000 --out FILE.csv [--seed N]
 *                                                one leads.csv of about N leads over 52 weeks, streamed
 *                                                (the sample's world, with the volume scaled; 1,000,000 in ~5 s)
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { SAMPLE_OPTIONS, leadsCsvChunks, leadsPerWeekFor, sampleFiles } from './generator/index';

const USAGE = 'usage: tsx data/generate.ts [--out DIR] | --leads N --out FILE.csv [--seed N]';

function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key?.startsWith('--') || value === undefined) throw new Error(USAGE);
    args.set(key.slice(2), value);
  }
  for (const key of args.keys()) if (!['out', 'leads', 'seed'].includes(key)) throw new Error(`unknown option --${key}\n${USAGE}`);
  return args;
}

function positiveInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got "${text}"`);
  return n;
}

async function writeSample(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(sampleFiles(SAMPLE_OPTIONS))) {
    await writeFile(join(dir, name), bytes);
    console.log(`${join(dir, name)}  ${bytes.byteLength.toLocaleString('en-US')} bytes`);
  }
}

async function writeLargeCsv(file: string, leads: number, seed: number): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const started = performance.now();
  const options = { ...SAMPLE_OPTIONS, seed, leadsPerWeek: leadsPerWeekFor(leads, { ...SAMPLE_OPTIONS, seed }) };
  for (const chunk of leadsCsvChunks(options)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  console.log(`${file}  about ${leads.toLocaleString('en-US')} leads in ${Math.round(performance.now() - started)} ms`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const leads = positiveInteger(args.get('leads'), 'leads');
  const seed = positiveInteger(args.get('seed'), 'seed') ?? SAMPLE_OPTIONS.seed;
  if (leads !== undefined) {
    const out = args.get('out');
    if (!out) throw new Error(`--leads needs --out FILE.csv\n${USAGE}`);
    await writeLargeCsv(resolve(out), leads, seed);
    return;
  }
  if (args.has('seed')) throw new Error('--seed only applies with --leads: data/sample is always made with the documented seed');
  const here = dirname(fileURLToPath(import.meta.url));
  await writeSample(resolve(args.get('out') ?? join(here, 'sample')));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
