/**
 * `npm run bench [-- NAME… --key value…]`: runs every `bench/<name>.bench.ts` (or the NAMEs
 * given), writes `bench/results/<name>.json` for each and `bench/results/summary.json` for all,
 * prints readable tables on stderr and the combined JSON document on stdout.
 *
 * Options are handed to every module, e.g. `npm run bench -- data-load --sizes 100000 --runtimes native-node`.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatReport } from './format-table';
import { describeMachine, finishMachine } from './machine';
import type { BenchBody, BenchModule, BenchReport } from './report';
import { sourceState } from './source-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';

function parseArgs(argv: string[]): { names: string[]; options: Map<string, string> } {
  const names: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) names.push(arg);
    else if (argv[i + 1] === undefined) throw new Error(`${arg} needs a value`);
    else options.set(arg.slice(2), argv[++i]!);
  }
  return { names, options };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { names, options } = parseArgs(process.argv.slice(2));
  const available = (await readdir(here)).filter((f) => f.endsWith(SUFFIX)).map((f) => f.slice(0, -SUFFIX.length)).sort();
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length) throw new Error(`no bench named ${unknown.join(', ')}; available: ${available.join(', ')}`);
  const selected = names.length ? names : available;

  const machine = describeMachine();
  const date = new Date().toISOString();
  const source = sourceState();
  const bodies: [string, BenchBody][] = [];
  for (const name of selected) {
    const log = (line: string) => process.stderr.write(`[${name}] ${line}\n`);
    log('starting');
    const module = (await import(pathToFileURL(path.join(here, `${name}${SUFFIX}`)).href)) as BenchModule;
    bodies.push([name, await module.run({ options, log })]);
  }

  const finalMachine = finishMachine(machine, bodies.flatMap(([, b]) => (b.machine ? [b.machine] : [])));
  const resultsDir = path.join(here, 'results');
  await mkdir(resultsDir, { recursive: true });
  const reports = bodies.map(([name, body]): [string, BenchReport] => {
    const { machine: _found, notes: _notes, ...rest } = body;
    return [name, { machine: finalMachine, date, source, ...rest }];
  });
  for (const [i, [name, report]] of reports.entries()) {
    await writeFile(path.join(resultsDir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
    process.stderr.write('\n' + formatReport(name, report, bodies[i]![1].notes) + '\n');
  }
  const summary = {
    machine: finalMachine,
    date,
    source,
    wallSeconds: Math.round(performance.now() - started) / 1000,
    results: bodies.flatMap(([bench, b]) => b.results.map((r) => ({ bench, ...r }))),
    ratios: Object.fromEntries(bodies.map(([bench, b]) => [bench, b.ratios])),
    targets: bodies.flatMap(([bench, b]) => b.targets.map((t) => ({ bench, ...t }))),
  };
  await writeFile(path.join(resultsDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  // A single bench prints exactly its own document; several print the combined summary.
  const stdoutDoc = reports.length === 1 ? reports[0]![1] : summary;
  process.stdout.write(JSON.stringify(stdoutDoc, null, 2) + '\n');
  process.stderr.write(`\nbench: ${selected.join(', ')} done in ${summary.wallSeconds} s; results in ${path.relative(process.cwd(), resultsDir)}/\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
