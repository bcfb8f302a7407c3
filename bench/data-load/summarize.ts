import { rate, seconds, type BenchResult, type Target } from '../report';
import type { LeadsCsv } from './leads-csv';
import type { RuntimeRuns } from './stages';
import type { StatementTime } from './timed-database';

export const TARGET_RUNTIME = 'wasm-browser';
export const TARGET_ROWS = 1_000_000;
export const TARGET_SECONDS = 6;
const SLOW_SHOWN = 12;

export interface Summary {
  results: BenchResult[];
  ratios: Record<string, number>;
  slowStatements: StatementTime[];
  /** Per stage of the best repetition: time inside SQL statements vs. outside them (JS decoding, row conversion). */
  phases: Record<string, { ms: number; sqlMs: number; statements: number }>;
  problems: string[];
}

/** Best-of-N per stage; totals are best-of-N of each repetition's sum, not sums of separate bests. */
export function summarizeRuntime(runtime: string, csv: LeadsCsv, runs: RuntimeRuns): Summary {
  const { loads, references } = runs;
  const best = (values: number[]) => Math.min(...values);
  const stage = (name: string, ms: number, perRow = true): BenchResult => {
    const secs = seconds(ms);
    return { runtime, rows: csv.rows, stage: name, seconds: secs, rowsPerSecond: perRow ? rate(csv.rows, secs) : null };
  };
  const readAggregate = best(loads.map((l) => l.read + l.aggregate));
  const fullTotals = loads.map((l) => l.read + l.map + l.aggregate);
  const full = best(fullTotals);
  const reference = best(references.map((r) => r.read + r.aggregate));
  const results = [
    stage('startup (first open)', loads[0]!.startup, false),
    stage('startup', best([...loads, ...references].map((r) => r.startup)), false),
    stage('read', best(loads.map((l) => l.read))),
    stage('map', best(loads.map((l) => l.map))),
    stage('aggregate', best(loads.map((l) => l.aggregate))),
    stage('read+aggregate', readAggregate),
    stage('read+map+aggregate', full),
    stage('reference read_csv', best(references.map((r) => r.read))),
    stage('reference aggregate', best(references.map((r) => r.aggregate))),
    stage('reference', reference),
  ];
  const ratio = (a: number) => Math.round((a / reference) * 100) / 100;
  const ratios = { '(read+aggregate)/reference': ratio(readAggregate), '(read+map+aggregate)/reference': ratio(full) };
  const bestLoad = loads[fullTotals.indexOf(full)]!;
  const slowStatements = [...bestLoad.statements].sort((a, b) => b.ms - a.ms).slice(0, SLOW_SHOWN).map((s) => ({ ...s, ms: Math.round(s.ms) }));
  const phases = Object.fromEntries(
    (['read', 'map', 'aggregate'] as const).map((phase) => {
      const inPhase = bestLoad.statements.filter((s) => s.phase === phase);
      const sqlMs = inPhase.reduce((sum, s) => sum + s.ms, 0);
      return [phase, { ms: Math.round(bestLoad[phase]), sqlMs: Math.round(sqlMs), statements: inPhase.length }];
    }),
  );
  return { results, ratios, slowStatements, phases, problems: consistencyProblems(runtime, csv, runs) };
}

/** Every load must see the whole file and aggregate every accepted lead; otherwise the timings mean little. */
function consistencyProblems(runtime: string, csv: LeadsCsv, { loads, references }: RuntimeRuns): string[] {
  const problems: string[] = [];
  for (const l of loads) {
    if (l.rowsRead !== csv.rows) problems.push(`${runtime}: readSources saw ${l.rowsRead} rows, the file has ${csv.rows}`);
    if (l.aggregated !== l.accepted) problems.push(`${runtime}: the aggregate counts ${l.aggregated} leads, the mapping accepted ${l.accepted}`);
  }
  for (const r of references) {
    if (r.rowsRead !== csv.rows || r.aggregated !== csv.rows) problems.push(`${runtime}: the reference read ${r.rowsRead} and aggregated ${r.aggregated} of ${csv.rows} rows`);
  }
  return [...new Set(problems)];
}

export function targetsFor(results: BenchResult[]): Target[] {
  const at = (stage: string) => results.find((r) => r.runtime === TARGET_RUNTIME && r.rows >= TARGET_ROWS * 0.95 && r.stage === stage);
  return ['read+aggregate', 'read+map+aggregate'].map((stage) => {
    const seconds = at(stage)?.seconds ?? null;
    return {
      name: `1M rows loaded and aggregated in Chromium (${stage}, best of N)`,
      seconds,
      limit: TARGET_SECONDS,
      met: seconds !== null && seconds < TARGET_SECONDS,
    };
  });
}
