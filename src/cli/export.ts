import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { type RuleConfig } from '../model/rules';
import { EXPORT_TARGETS, ExportError, exportRules, isExportTarget, type ExportResult } from '../export';
import { UsageError } from './cli-error';
import { readRulesFile } from './read-files';

/** `allot export --rules rules.json --target <t> --out dir [--language zh|en] [--frappe-version v15|v16] [--json]` (DESIGN §2.5). */
export async function exportCommand(_db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      rules: { type: 'string' }, target: { type: 'string' }, out: { type: 'string' },
      language: { type: 'string' }, 'frappe-version': { type: 'string' }, json: { type: 'boolean', default: false },
    },
  });
  if (!values.rules || !values.target || !values.out) throw new UsageError('export needs --rules <rules.json>, --target <target> and --out <folder>.');
  if (!isExportTarget(values.target)) throw new UsageError(`unknown target "${values.target}"; use one of ${EXPORT_TARGETS.join(', ')}.`);
  const language = oneOf(values.language, ['en', 'zh'] as const, '--language');
  const frappeVersion = oneOf(values['frappe-version'], ['v15', 'v16'] as const, '--frappe-version');
  const config = await readRulesFile(values.rules);
  let result: ExportResult;
  try {
    result = exportRules(config, values.target, { language, frappeVersion });
  } catch (error) {
    if (error instanceof ExportError) throw new UsageError(`${values.rules}: ${values.target} cannot express ${error.message}`);
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

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be ${allowed.join(' or ')} (got "${value}").`);
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
