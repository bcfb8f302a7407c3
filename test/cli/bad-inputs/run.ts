/**
 * The bad-input suite's machinery: a case is a set of files written into a fresh folder, a command
 * line run there as a child process (the CLI as a user runs it), and the outcome it must have.
 * Paths on the command line are relative to the case's folder, so a line that names a file names
 * it as the user typed it, and an absolute temporary path in the output is the engine's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
/** tsx's loader, by absolute URL: the case folders have no node_modules to resolve `tsx` from. */
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Scratch space of the suite; every run gets its own folder under it. */
export const SCRATCH = path.join(tmpdir(), 'bad-inputs');

/** A file's content, a folder (`DIR`), or a builder run when the case's folder is made. */
export const DIR = Symbol('folder');
export type FileContent = string | Uint8Array | typeof DIR;

export interface RunResult {
  /** Exit code; null when killed (timeout, crash by signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
  /** The case's folder: files the command wrote can be read back from here. */
  dir: string;
  argv: string[];
}

export interface Case {
  name: string;
  /** Relative path → content, written before the command runs (folders made as needed). */
  files?: Record<string, FileContent>;
  argv: string[];
  /** Killed after this long (a refusal is instant; a case that hangs or eats memory fails). Default 45 s. */
  timeoutMs?: number;
  /**
   * Always run in a process of its own, even when the others share hosts: for what only a real
   * process shows, such as output cut short by exiting before a large stdout is written out.
   */
  isolate?: boolean;
  expect: Expectation;
}

export type Expectation =
  /** exit 2, stdout empty, exactly one stderr line matching `line` (file and row/column/path), no internals. */
  | { refuse: RegExp; after?: (run: RunResult) => void }
  /** exit 0 for `inspect … --json`: the report's counts add up and match. */
  | { report: ReportExpectation }
  /** exit 0 and whatever `check` asserts (route, export, init). */
  | { ok: (run: RunResult) => void };

export interface IssueExpectation {
  severity: 'rejected' | 'repaired' | 'warning';
  /** One code, or any of several where the fix may choose the code (a date out of range). */
  code?: string | string[];
  column?: string;
  count: number;
  /** Data rows (1-based, header not counted) the issue's examples must name. */
  rows?: number[];
  /** Physical lines of the file the examples must name (CSV reader rejects). */
  lines?: number[];
}

export interface ReportExpectation {
  /** Data records in the lead file (its lines without the header, a quoted line break inside one). */
  rowsRead: number;
  accepted?: number;
  rejected?: number;
  repaired?: number;
  issues?: IssueExpectation[];
  /** Anything else about the JSON document (`{ mapping, attributes, report, roster }`). */
  more?: (json: InspectJson) => void;
}

export interface InspectJson {
  mapping: { fields: Record<string, string | null>; [k: string]: unknown };
  attributes: string[];
  report: Report;
  roster: { reps: Array<Record<string, unknown>>; origin: string };
}

export interface Report {
  sources: Array<{ file: string; encoding: string; delimiter: string | null; rows: number; columns: string[] }>;
  rowsRead: number;
  accepted: number;
  repaired: number;
  rejected: number;
  summary: { leads: number; firstCreated: string | null; lastCreated: string | null; [k: string]: unknown };
  issues: Array<{ severity: string; code: string; file?: string; column?: string; count: number; message: string; examples: Array<{ row: number | null; line?: number; value: string | null }> }>;
  columns: Array<{ column: string; min: string | null; max: string | null; [k: string]: unknown }>;
}

let folders = 0;

/** Writes the case's files into a fresh folder under `root`. */
export function writeCase(root: string, c: Case): string {
  const dir = path.join(root, `${String(++folders).padStart(3, '0')}-${c.name.replace(/[^\w.-]+/g, '_').slice(0, 60)}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files ?? {})) {
    const full = path.join(dir, name);
    if (content === DIR) {
      mkdirSync(full, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/**
 * Runs the CLI in `dir` as `node --import tsx src/cli/main.ts …`, a process of its own (about a
 * second of start-up). The heap is capped, here and in the hosts, so that a case that allocates
 * without limit dies quickly instead of swapping the machine; one that hangs is killed at its timeout.
 */
export function runCase(dir: string, argv: string[], timeoutMs: number, options: { slowReader?: boolean } = {}): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HEAP, '--import', TSX_LOADER, MAIN, ...argv], { cwd: dir, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    const onData = (b: Buffer) => {
      // A report is small; a runaway writer is cut at 64 MB (the case fails on what was kept).
      if ((outBytes += b.length) < 64 << 20) out.push(b);
    };
    if (options.slowReader) {
      // A reader that takes its time (a pager, a slow consumer): stdout is left unread for 3 s
      // after its first bytes, or until the CLI exits. A CLI that waits for its output to be
      // written out is merely slowed down; one that exits with output still queued loses it.
      let timer: NodeJS.Timeout | undefined;
      let resumed = false;
      const onReadable = () => void (timer ??= setTimeout(resume, 3000));
      const resume = () => {
        if (resumed) return;
        resumed = true;
        clearTimeout(timer);
        child.stdout.off('readable', onReadable);
        child.stdout.on('data', onData);
        child.stdout.resume();
      };
      child.stdout.on('readable', onReadable);
      child.once('exit', resume);
    } else child.stdout.on('data', onData);
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, ms: performance.now() - started, dir, argv });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout: '', stderr: String(error), timedOut, ms: performance.now() - started, dir, argv });
    });
  });
}

const HOST = path.join(import.meta.dirname, 'host.ts');
const HEAP = '--max-old-space-size=1536';

function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ALLOT_DEBUG;
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * One CLI host (host.ts): runs cases one at a time. A case that kills it (crash, out of memory,
 * process.exit, an uncaught error) or outlives its timeout gets that outcome, with what the host
 * printed outside any case (V8's fatal messages), and the host is not used again.
 */
class Host {
  private readonly child: ChildProcess;
  private readonly ready: Promise<boolean>;
  private leaked: string[] = [];
  private pending: { id: number; finish: (r: Partial<RunResult>) => void } | null = null;
  private exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  dead = false;
  runs = 0;

  constructor() {
    this.child = spawn(process.execPath, [HEAP, '--import', TSX_LOADER, HOST], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child.stdout!.on('data', (b: Buffer) => this.leaked.push(b.toString('utf8')));
    this.child.stderr!.on('data', (b: Buffer) => this.leaked.push(b.toString('utf8')));
    this.ready = new Promise((resolve) => {
      this.child.once('message', () => resolve(true));
      this.child.once('exit', () => resolve(false));
    });
    this.child.on('message', (m: { id?: number; code?: number | null; stdout?: string; stderr?: string; fatal?: boolean }) => {
      if (m.id === undefined || !this.pending || m.id !== this.pending.id) return;
      if (m.fatal) this.dead = true;
      this.pending.finish({ code: m.code ?? null, stdout: m.stdout ?? '', stderr: m.stderr ?? '' });
    });
    this.child.on('exit', (code, signal) => {
      this.dead = true;
      this.exited = { code, signal };
      // Let the pipes drain (V8's out-of-memory message), then end the case that killed it.
      setTimeout(() => this.pending?.finish({ code, signal, stdout: '', stderr: this.leaked.join('') }), 50);
    });
  }

  async run(dir: string, argv: string[], timeoutMs: number, id: number): Promise<RunResult> {
    if (!(await this.ready)) {
      return { code: this.exited?.code ?? null, signal: this.exited?.signal ?? null, stdout: '', stderr: `the CLI host did not start: ${this.leaked.join('')}`, timedOut: false, ms: 0, dir, argv };
    }
    this.runs++;
    this.leaked = [];
    const started = performance.now();
    return new Promise((resolve) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        this.dead = true;
        this.child.kill('SIGKILL');
      }, timeoutMs);
      this.pending = {
        id,
        finish: (r) => {
          if (!this.pending) return;
          this.pending = null;
          clearTimeout(timer);
          resolve({ code: r.code ?? null, signal: r.signal ?? null, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut, ms: performance.now() - started, dir, argv });
        },
      };
      this.child.send({ id, dir, argv });
    });
  }

  stop(): void {
    this.dead = true;
    if (this.exited === null) this.child.kill('SIGKILL');
  }
}

/** A host is replaced after this many cases, so that no drift of a long-lived process adds up. */
const HOST_RUNS = 40;

/**
 * Runs every case, at most `limit` at once: in CLI hosts (fast), or with `isolate` each in a
 * process of its own, exactly as a user runs the CLI (BAD_INPUTS_ISOLATE=1).
 */
export async function runCases(cases: Case[], dirs: string[], limit: number, isolate: boolean): Promise<RunResult[]> {
  const timeout = (c: Case) => c.timeoutMs ?? 45_000;
  if (isolate) return pool(cases, limit, (c, i) => runCase(dirs[i]!, c.argv, timeout(c), { slowReader: c.isolate === true }));
  const hosts: Array<Host | null> = new Array(limit).fill(null);
  let next = 0;
  const results: RunResult[] = new Array(cases.length);
  await Promise.all(hosts.map(async (_, slot) => {
    while (next < cases.length) {
      const i = next++;
      if (cases[i]!.isolate) {
        results[i] = await runCase(dirs[i]!, cases[i]!.argv, timeout(cases[i]!), { slowReader: true });
        continue;
      }
      let host = hosts[slot];
      if (!host || host.dead || host.runs >= HOST_RUNS) {
        host?.stop();
        host = hosts[slot] = new Host();
      }
      results[i] = await host.run(dirs[i]!, cases[i]!.argv, timeout(cases[i]!), i);
    }
  }));
  hosts.forEach((h) => h?.stop());
  return results;
}

/** Runs `task` over `items`, at most `limit` at once, results in order. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function newRunRoot(): string {
  const root = path.join(SCRATCH, `run-${process.pid}-${Date.now()}`);
  mkdirSync(root, { recursive: true });
  return root;
}

export function removeRunRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * What must never reach a user, refusal or not: the CLI's catch-all, a JavaScript stack or error
 * class, DuckDB's error classes and SQL, zod's raw dumps, `undefined`, bare system error codes
 * (EISDIR, ENOENT…: say it in words), and the engine's private temporary files (`<tmp>/allot-…`,
 * the native adapter's copies of the user's files; the suite's own folders are under
 * `<tmp>/bad-inputs/`, so a line may name a case's file by its full path).
 */
export const INTERNALS: Array<[string, RegExp]> = [
  ['internal error', /internal error/i],
  ['stack trace', /^\s+at /m],
  ['JavaScript error class', /\b(TypeError|RangeError|ReferenceError|SyntaxError|ZodError|AssertionError)\b/],
  ['call stack', /call stack/i],
  ['DuckDB error', /\b(Binder|Parser|Conversion|Invalid Input|Catalog|Constraint|Out of Memory|IO|Internal|Not implemented|Invalid Configuration|Serialization|Dependency|Transaction|Sniffer)\s+Error\b/i],
  ['DuckDB internals', /\b(duckdb|DuckDB)\b|read_csv|\bLINE \d+:|\bSELECT\b.*\bFROM\b|\b(TRY_)?CAST\(/],
  ['engine temporary file', new RegExp(`${escapeRegExp(tmpdir())}/(?!bad-inputs/)`)],
  ['zod dump', /"code":\s*"|\[\s*\{\s*"(expected|code)"/],
  ['placeholder', /\[object Object\]|\bundefined\b/],
  ['system error code', /\bE(ISDIR|NOENT|NOTDIR|EXIST|ACCES|PERM|MFILE|NOSPC|ROFS|BUSY)\b/],
];

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `did you mean "x"` (quotes optional): the one suggestion a misspelt key, command or value should get. */
export const meant = (key: string) => new RegExp(`did you mean "?${escapeRegExp(key)}"?`, 'i');

/** A line that matches every part, in any order (case-insensitive). */
export const both = (...parts: RegExp[]) => new RegExp(`^${parts.map((p) => `(?=.*(?:${p.source}))`).join('')}`, 'i');

/** The internals a text shows, by name; empty when it shows none. */
export function internalsIn(text: string): string[] {
  return INTERNALS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** How a result looks in a failure message: the command, the exit, and the start of what it printed. */
export function describeRun(run: RunResult): string {
  const shown = (s: string) => JSON.stringify(s.length > 400 ? `${s.slice(0, 400)}…` : s);
  return [
    `allot ${run.argv.join(' ')}`,
    `exit ${run.code}${run.signal ? ` (signal ${run.signal})` : ''}${run.timedOut ? ' (timed out, killed)' : ''} after ${(run.ms / 1000).toFixed(1)} s`,
    `stderr: ${shown(run.stderr)}`,
    `stdout: ${shown(run.stdout)}`,
  ].join('\n');
}
