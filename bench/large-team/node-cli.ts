import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LargeTeamFiles } from './generate';
import { MEASURED, type Measured } from './measured';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = path.dirname(fileURLToPath(import.meta.url));

/** One command in a fresh Node process. */
export interface CliRun {
  name: string;
  /** The command line, as a user would type it (`allot …`). */
  command: string;
  /** Spawn → exit: Node's and tsx's start-up included, as the user waits for it. */
  wallMs: number;
  /** What the process measured itself (null when it never got to say: crashed, killed, timed out). */
  measured: Measured | null;
  problem: string | null;
}

interface Job {
  name: string;
  script: 'measured-cli.ts' | 'measured-read-csv.ts';
  args: string[];
}

/**
 * The same work as in the browser on the 10× file, each command in a fresh process: DuckDB's bare
 * read_csv (the yardstick), `inspect` (load + checks), `estimate`, `optimize`, and `simulate` with 40
 * (a what-if) and `replications` (the full comparison) replications. Every command loads the
 * leads itself, as it does for a user. Stdout and stderr go to `<dir>/runs/<name>.out|.err`.
 */
export async function runCliCommands(files: LargeTeamFiles, options: { replications: number; timeoutS: number }, log: (line: string) => void): Promise<CliRun[]> {
  const { dir } = files;
  const jobs: Job[] = [
    { name: 'reference: bare read_csv (native DuckDB)', script: 'measured-read-csv.ts', args: [files.leadsCsv] },
    { name: 'inspect: load + checks', script: 'measured-cli.ts', args: ['inspect', files.leadsCsv, '--roster', files.rosterCsv] },
    { name: 'estimate: load + estimates', script: 'measured-cli.ts', args: ['estimate', '--scenario', files.scenario] },
    { name: 'optimize: load + estimates + optimized plan', script: 'measured-cli.ts', args: ['optimize', '--scenario', files.scenario, '--out', path.join(dir, 'runs', 'rules.json')] },
    { name: 'simulate: what-if (40 replications)', script: 'measured-cli.ts', args: ['simulate', '--scenario', files.scenario, '--replications', '40'] },
    { name: `simulate: full comparison (${options.replications} replications)`, script: 'measured-cli.ts', args: ['simulate', '--scenario', files.scenario, '--replications', String(options.replications)] },
  ];
  await mkdir(path.join(dir, 'runs'), { recursive: true });
  const runs: CliRun[] = [];
  for (const [i, job] of jobs.entries()) {
    const run = await runMeasured(job, path.join(dir, 'runs', `${i}-${job.args[0] === files.leadsCsv ? 'read-csv' : job.args[0]}`), options.timeoutS * 1000);
    const rss = run.measured ? `${(run.measured.maxRssBytes / 2 ** 30).toFixed(2)} GiB` : '?';
    log(`node: ${job.name}: ${(run.wallMs / 1000).toFixed(1)} s, peak RSS ${rss}${run.problem ? `; PROBLEM: ${run.problem}` : ''}`);
    runs.push(run);
  }
  return runs;
}

function runMeasured(job: Job, outPrefix: string, timeoutMs: number): Promise<CliRun> {
  // The files are named as in their folder (details.nodeFiles.folder): the lines stay readable.
  const inFolder = (arg: string) => (path.isAbsolute(arg) ? path.relative(path.dirname(path.dirname(outPrefix)), arg) : arg);
  const shown = job.script === 'measured-cli.ts' ? `allot ${job.args.map(inFolder).join(' ')}` : `read_csv('${inFolder(job.args[0]!)}')`;
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, job.script), ...job.args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(createWriteStream(`${outPrefix}.out`));
    const err = createWriteStream(`${outPrefix}.err`);
    let stderrTail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err.write(chunk);
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    let timedOut = false;
    // The command and its worker threads are one process: killing it ends them all.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      err.end();
      const wallMs = performance.now() - started;
      const line = stderrTail.split('\n').reverse().find((l) => l.startsWith(MEASURED));
      const measured = line ? (JSON.parse(line.slice(MEASURED.length)) as Measured) : null;
      const said = stderrTail.split('\n').filter((l) => l.trim() && !l.startsWith(MEASURED)).slice(-3).join(' | ');
      const problem = timedOut
        ? `did not finish within ${Math.round(timeoutMs / 1000)} s (killed)`
        : code !== 0
          ? `exit ${code ?? signal}${said ? `: ${said}` : ''}`
          : null;
      resolve({ name: job.name, command: shown, wallMs, measured, problem });
    });
  });
}
