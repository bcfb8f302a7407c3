import { createNativeDatabase } from '../data/adapters/native-node';
import { AllotError } from '../model/errors';
import { UsageError } from './cli-error';
import { likelyKey } from '../model/schema-keys';
import { argErrorText } from './arg-errors';
import { COMMANDS } from './commands';

const USAGE = `allot <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.usage.replace(/\n/g, '\n  ')}`).join('\n')}

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
    const found = COMMANDS.find((c) => c.name === command);
    if (!found) {
      const meant = likelyKey(command, COMMANDS.map((c) => c.name));
      throw new UsageError(`unknown command "${command}"${meant ? `; did you mean "${meant}"?` : ''} Run "allot --help" for the commands.`);
    }
    process.stdout.write((await found.run(db, rest)) + '\n');
    return 0;
  } catch (error) {
    if (isArgError(error)) {
      const found = COMMANDS.find((c) => c.name === command)!;
      process.stderr.write(`allot: ${argErrorText(error as Error, command, found.usage, rest)}\n`);
      return 2;
    }
    if (isUsersMistake(error) || error instanceof UsageError) {
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

/** Every AllotError is something the user can fix, but an engine fault or a solver's crash. */
function isUsersMistake(error: unknown): boolean {
  return error instanceof AllotError && error.family !== 'engine' && error.code !== 'solver_error';
}

function isArgError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/main.ts')) {
  // Exit once stdout and stderr have handed everything to the OS: a 2 MB report on a pipe is
  // still queued when main returns, and process.exit would cut it off.
  main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
}
