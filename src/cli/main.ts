import { parseArgs } from 'node:util';
import { createNativeDatabase } from '../data/adapters/native-node';
import { ImportError } from '../data/import-error';
import { UsageError } from './cli-error';
import { estimateCommand } from './estimate';
import { inspect } from './inspect';
import { optimizeCommand } from './optimize';
import { routeCommand } from './route';

const USAGE = `allot <command> [options]

Commands:
  inspect <file> [<file> …] [--map m.json] [--roster roster.csv] [--save-map out.json] [--json]
      Load a lead export (CSV, Excel .xlsx, Parquet; UTF-8 or GBK), map it, check it, and report.
      Further files are joined onto the first (e.g. pipeline + teams + accounts).
  estimate --scenario s.json [--backtest] [--json]
      Conversion by segment × rep with 90% intervals, rep effects, demand per segment, response-time
      decay; --backtest fits on the first 75% of the dates and checks the forecast of the rest.
  optimize --scenario s.json --out rules.json [--lp model.lp] [--json]
      Estimate, solve the assignment LP, and write the optimal rules; --lp writes the model in CPLEX
      LP format. Infeasible constraints: exit 2 with the conflicting ones named.
  route --rules rules.json --leads <file> [--out assignments.csv] [--json]
      Run the router over a file of leads, in file order; write one decision per lead and summarise.

Every command takes --json to print one JSON document on stdout.`;

/** Runs one command; returns the exit code. User mistakes print one line on stderr, never a stack. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const db = await createNativeDatabase();
  try {
    switch (command) {
      case 'inspect': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { map: { type: 'string' }, roster: { type: 'string' }, 'save-map': { type: 'string' }, json: { type: 'boolean', default: false } },
        });
        const output = await inspect(db, { files: positionals, map: values.map, roster: values.roster, saveMap: values['save-map'], json: values.json! });
        process.stdout.write(output + '\n');
        return 0;
      }
      case 'estimate': {
        const { values } = parseArgs({
          args: rest,
          options: { scenario: { type: 'string' }, backtest: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
        });
        if (!values.scenario) throw new UsageError('estimate needs --scenario <file.json>.');
        process.stdout.write((await estimateCommand(db, { scenario: values.scenario, json: values.json!, backtest: values.backtest! })) + '\n');
        return 0;
      }
      case 'optimize':
        process.stdout.write((await optimizeCommand(db, rest)) + '\n');
        return 0;
      case 'route':
        process.stdout.write((await routeCommand(db, rest)) + '\n');
        return 0;
      default:
        throw new UsageError(`unknown command "${command}". Run "allot --help" for the commands.`);
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof UsageError || isArgError(error)) {
      process.stderr.write(`allot: ${(error as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`allot: internal error: ${(error as Error).message}\n`);
    if (process.env.ALLOT_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

function isArgError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/main.ts')) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
