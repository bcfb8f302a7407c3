import { likelyKey } from '../model/schema-keys';

/**
 * node:util parseArgs's errors as one line a user can act on: the flag meant for a misspelt one,
 * and the value a flag is missing (its own message runs over three lines about dashes).
 */
export function argErrorText(error: Error & { code?: string }, command: string, usage: string, args: readonly string[]): string {
  const quoted = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  const known = [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const meant = likelyKey(quoted, known);
      return `${command}: unknown option ${quoted}${meant ? `; did you mean ${meant}?` : `; it takes ${known.join(', ')}`}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const next = args[args.indexOf(quoted) + 1];
      const dashed = next?.startsWith('-') && !next.startsWith('--') ? `; for ${next} write ${quoted}=${next}` : '';
      return `${command}: ${quoted} needs a value${dashed}.`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `${command}: ${error.message.split('\n')[0]!.replace(/\.?$/, '.')}`;
    default:
      return `${command}: ${error.message.split('\n')[0]}`;
  }
}
