import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { type RuleConfig } from '../model/rules';
import { EXPORT_OPTIONS, EXPORT_OPTION_NAMES, EXPORT_TARGETS, ExportError, allowedValues, enumValues, exportRules, isExportTarget, parseExportOptions, type ExportOptionName, type ExportOptions, type ExportResult, type ExportTargetName } from '../export';
import { likelyKey } from '../model/schema-keys';
import { UsageError } from './cli-error';
import { checkOutputFolder } from './output-path';
import { readRulesFile } from './read-files';

/** One string flag per declared export option (`--language`, `--salesforce-queue`, …). */
const OPTION_FLAGS: Record<string, { type: 'string' }> = Object.fromEntries(EXPORT_OPTION_NAMES.map((name) => [EXPORT_OPTIONS[name].flag, { type: 'string' }]));

/** `--frappe-version v16|v15`, `--salesforce-queue <queue>`: an option's flag with what it takes. */
function flagSynopsis(name: ExportOptionName): string {
  const spec = EXPORT_OPTIONS[name];
  return `--${spec.flag} ${spec.kind === 'enum' ? enumValues(spec).join('|') : `<${spec.valueName}>`}`;
}

/** `--language en|zh  build-sheet: The language … Default: en.`, wrapped under its own text. */
function flagHelp(name: ExportOptionName, synopsisWidth: number): string {
  const spec = EXPORT_OPTIONS[name];
  const extra = spec.kind === 'enum' ? `Default: ${spec.default}.` : `Must be ${allowedValues(name)}; e.g. ${spec.example}.`;
  const indent = ' '.repeat(HELP_INDENT + synopsisWidth + 2);
  const lines = wrapWords(`${spec.targets.join(', ')}: ${spec.help.en} ${extra}`, HELP_WIDTH - indent.length);
  return `${' '.repeat(HELP_INDENT)}${flagSynopsis(name).padEnd(synopsisWidth)}  ${lines.join(`\n${indent}`)}`;
}

/** The column the other commands' help lines start at, and the width they keep to. */
const HELP_INDENT = 4;
const HELP_WIDTH = 100;

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The export command's --help entry; its option flags and their help come from the declaration. */
export const EXPORT_USAGE = [
  `export --rules rules.json --target <${EXPORT_TARGETS.join('|')}> --out <folder>`,
  `       ${EXPORT_OPTION_NAMES.map((n) => `[${flagSynopsis(n)}]`).join(' ')} [--json]`,
  '    Write the files a CRM takes for these rules, and list what the target cannot express. Options:',
  ...EXPORT_OPTION_NAMES.map((n, _, all) => flagHelp(n, Math.max(...all.map((m) => flagSynopsis(m).length)))),
].join('\n');

export interface ExportArgs {
  rules: string;
  target: ExportTargetName;
  out: string;
  json: boolean;
  options: ExportOptions;
}

/** The command line of `allot export`; a missing flag or a value that does not fit is a UsageError naming the flag. */
export function parseExportArgs(args: string[]): ExportArgs {
  const { values } = parseArgs({
    args,
    options: { rules: { type: 'string' }, target: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false }, ...OPTION_FLAGS },
  });
  const { rules, target, out, json } = values;
  if (!rules || !target || !out) throw new UsageError('export needs --rules <rules.json>, --target <target> and --out <folder>.');
  if (!isExportTarget(target)) {
    const meant = likelyKey(target, EXPORT_TARGETS);
    throw new UsageError(`unknown target "${target}"${meant ? `; did you mean "${meant}"?` : '.'} Targets: ${EXPORT_TARGETS.join(', ')}.`);
  }
  // parseArgs types only the flags it sees literally; the option flags are read by name.
  const flags: Record<string, string | boolean | undefined> = values;
  const given = (name: ExportOptionName) => {
    const value = flags[EXPORT_OPTIONS[name].flag];
    return typeof value === 'string' ? value : undefined;
  };
  const { options, problems } = parseExportOptions(Object.fromEntries(EXPORT_OPTION_NAMES.map((name) => [name, given(name)])));
  if (problems[0]) throw new UsageError(problems[0].message);
  return { rules, target, out, json: json === true, options };
}

/** `allot export --rules rules.json --target <t> --out dir [export options] [--json]` (DESIGN §2.5). */
export async function exportCommand(_db: Database, args: string[]): Promise<string> {
  const values = parseExportArgs(args);
  await checkOutputFolder('--out', values.out);
  const config = await readRulesFile(values.rules);
  let result: ExportResult;
  try {
    result = exportRules(config, values.target, values.options);
  } catch (error) {
    if (error instanceof ExportError) {
      // Missing CRM users are not a rule the target cannot say but data it needs: word it so.
      const lead = error.code === 'crm_users_missing' ? `cannot export for ${values.target}:` : `${values.target} cannot express`;
      throw new UsageError(`${values.rules}: ${lead} ${error.message}`);
    }
    throw error;
  }
  const written = await writeFiles(values.out, result);
  if (values.json) return JSON.stringify({ target: result.target, out: values.out, files: written, limitations: result.limitations }, null, 2);
  return [
    `Exported "${config.name}" for ${result.target} to ${values.out}:`,
    ...written.map((f) => `  ${f}`),
    ...(result.limitations.length === 0 ? [] : ['', 'What the target cannot express:', ...result.limitations.map((l) => `  ${l.at ? `${l.at}: ` : ''}${l.what} → ${l.approximation}`)]),
  ].join('\n');
}

/** Writes every file under `out`; a file path from an exporter never leaves the folder. */
async function writeFiles(out: string, result: ExportResult): Promise<string[]> {
  const root = path.resolve(out);
  const written: string[] = [];
  for (const file of result.files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`exporter file path ${file.path} leaves the output folder`);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    } catch (error) {
      throw new UsageError(`${out}: cannot write ${file.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
    written.push(path.join(out, file.path));
  }
  return written;
}
