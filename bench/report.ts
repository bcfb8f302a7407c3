import type { SourceState } from './source-state';

/**
 * The shapes every bench module reports in, and the writer that turns them into
 * `bench/results/<name>.json` plus the combined summary.
 */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  chromium: string | null;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  loadAverage: { start: number; end: number | null };
}

export interface BenchResult {
  runtime: string;
  rows: number;
  stage: string;
  seconds: number;
  /** Null for stages that do not process rows (start-up). */
  rowsPerSecond: number | null;
}

export interface Target {
  name: string;
  seconds: number | null;
  limit: number;
  met: boolean;
  /** What `seconds` and `limit` are counted in when they are not seconds (a share, a ratio). */
  unit?: string;
}

/** What a module's `run()` returns; run.ts adds `machine` and `date`. */
export interface BenchBody {
  results: BenchResult[];
  ratios: Record<string, unknown>;
  targets: Target[];
  /** Facts the module learned about the machine (e.g. the Chromium version it drove). */
  machine?: Partial<Machine>;
  /** Anything else worth keeping in the JSON (per-statement timings…); not printed as a table. */
  details?: Record<string, unknown>;
  /** Extra lines for the human-readable report on stderr. */
  notes?: string[];
}

export interface BenchReport extends Omit<BenchBody, 'machine' | 'notes'> {
  machine: Machine;
  date: string;
  source: SourceState;
}

export interface BenchOptions {
  /** `--key value` pairs from the command line, e.g. `--sizes 100000`. */
  options: Map<string, string>;
  log: (line: string) => void;
}

/** A file `bench/<name>.bench.ts` exports this; run.ts finds and runs each one. */
export interface BenchModule {
  run(options: BenchOptions): Promise<BenchBody>;
}

export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

export function rate(rows: number, secs: number): number | null {
  return secs > 0 ? Math.round(rows / secs) : null;
}
