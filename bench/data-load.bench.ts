/**
 * Load + segment × owner aggregate for about 100k and 1M generated leads, on native DuckDB and
 * DuckDB-WASM in Node and on DuckDB-WASM in headless Chromium. Stages are timed separately, best
 * of N on a fresh database each time, next to DuckDB's own bare read_csv as the yardstick.
 *
 * Options: --sizes 100000,1000000  --runtimes native-node,wasm-node,wasm-browser  --reps N
 */
import { readFile } from 'node:fs/promises';
import type { BenchBody, BenchOptions, BenchResult } from './report';
import { startChromiumBench } from './data-load/chromium';
import { cachedLeadsCsv, type LeadsCsv } from './data-load/leads-csv';
import { NODE_RUNTIMES } from './data-load/node-runtimes';
import { measureRuntime, type RuntimeRuns } from './data-load/stages';
import { summarizeRuntime, targetsFor, TARGET_RUNTIME } from './data-load/summarize';

const RUNTIMES = ['native-node', 'wasm-node', TARGET_RUNTIME] as const;
type Runtime = (typeof RUNTIMES)[number];

export async function run({ options, log }: BenchOptions): Promise<BenchBody> {
  const sizes = (options.get('sizes') ?? '100000,1000000').split(',').map(Number);
  const runtimes = (options.get('runtimes')?.split(',') ?? [...RUNTIMES]) as Runtime[];
  const bad = runtimes.filter((r) => !RUNTIMES.includes(r));
  if (bad.length || sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`data-load: bad --runtimes ${bad.join(',')} or --sizes`);
  const repetitionsFor = (rows: number) => Number(options.get('reps') ?? (rows >= 500_000 ? 2 : 3));

  const csvs: LeadsCsv[] = [];
  for (const size of sizes) csvs.push(await cachedLeadsCsv(size, log));

  const measured: { runtime: Runtime; csv: LeadsCsv; runs: RuntimeRuns }[] = [];
  const fetchMs: Record<string, number> = {};
  for (const runtime of runtimes.filter((r) => r !== TARGET_RUNTIME)) {
    for (const csv of csvs) {
      log(`${runtime}, ${csv.rows.toLocaleString('en-US')} rows, best of ${repetitionsFor(csv.rows)}`);
      const bytes = new Uint8Array(await readFile(csv.file));
      const runs = await measureRuntime(NODE_RUNTIMES[runtime as keyof typeof NODE_RUNTIMES], csv.name, bytes, repetitionsFor(csv.rows), log);
      measured.push({ runtime, csv, runs });
    }
  }
  let chromiumVersion: string | null = null;
  if (runtimes.includes(TARGET_RUNTIME)) {
    const browser = await startChromiumBench();
    chromiumVersion = browser.version;
    try {
      for (const csv of csvs) {
        log(`${TARGET_RUNTIME} (Chromium ${browser.version}), ${csv.rows.toLocaleString('en-US')} rows, best of ${repetitionsFor(csv.rows)}`);
        const { fetchMs: ms, ...runs } = await browser.measure(csv, repetitionsFor(csv.rows), log);
        fetchMs[csv.rows] = Math.round(ms);
        measured.push({ runtime: TARGET_RUNTIME, csv, runs });
      }
    } finally {
      await browser.close();
    }
  }

  const results: BenchResult[] = [];
  const ratios: Record<string, Record<string, Record<string, number>>> = {};
  const slowStatements: Record<string, unknown> = {};
  const phases: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const { runtime, csv, runs } of measured) {
    const summary = summarizeRuntime(runtime, csv, runs);
    results.push(...summary.results);
    (ratios[runtime] ??= {})[csv.rows] = summary.ratios;
    slowStatements[`${runtime} ${csv.rows}`] = summary.slowStatements;
    phases[`${runtime} ${csv.rows}`] = summary.phases;
    notes.push(...summary.problems.map((p) => `PROBLEM: ${p}`));
    if (csv === csvs.at(-1)) {
      const outside = Object.entries(summary.phases).map(([p, t]) => `${p} ${t.ms - t.sqlMs} ms`).join(', ');
      notes.push(`slowest statements, ${runtime}, ${csv.rows.toLocaleString('en-US')} rows (best repetition; outside SQL: ${outside}):`);
      notes.push(...summary.slowStatements.slice(0, 5).map((s) => `  ${String(s.ms).padStart(6)} ms  [${s.phase}] ${s.sql.slice(0, 150)}`));
    }
  }
  return {
    results,
    ratios,
    targets: targetsFor(results),
    machine: { chromium: chromiumVersion },
    details: {
      files: csvs.map(({ name, rows, bytes }) => ({ name, rows, bytes })),
      chromiumFetchMs: fetchMs,
      phases,
      slowStatements,
    },
    notes,
  };
}
