import { jsonSyntaxText, parseJsonText } from '../model/json-text';
import { parseRuleConfig, type RuleConfig } from '../model/rules';
import { UsageError } from './cli-error';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MappingSchema, type MappingInput } from '../model/mapping';
import { AllotError, firstIssue, ImportError } from '../model/errors';
import type { SourceFile } from '../data/read-table';

export async function readSourceFile(file: string): Promise<SourceFile> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new ImportError(`${file}: no such file.`, { file });
  if (info.isDirectory()) throw new ImportError(`${file}: is a folder, not a file.`, { file });
  return { name: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
}

export async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ImportError(`${file}: ${error.code === 'EISDIR' ? 'that is a folder, not a JSON file' : error.code === 'EACCES' ? 'not allowed to read it' : 'no such file'}.`, { file });
  });
  const json = parseJsonText(text);
  if (json.ok) return json.value;
  throw new ImportError(`${file}: not valid JSON: ${jsonSyntaxText(json)}.`, { file });
}

/** A saved mapping, validated; its table paths are resolved against the mapping file's folder. */
export async function readMappingFile(file: string): Promise<{ mapping: MappingInput; tablePaths: string[] }> {
  const json = await readJsonFile(file);
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error, MappingSchema, json);
    throw new ImportError(`${file}: ${issue.path}: ${issue.message}`, { file, path: issue.path });
  }
  const folder = path.dirname(file);
  return { mapping: parsed.data, tablePaths: (parsed.data.tables ?? []).map((t) => path.resolve(folder, t.path)) };
}

/**
 * The lead files a command was given, or those the mapping file names when it was given none,
 * with that mapping; `command` names the command in the one-line refusal.
 */
export async function readLeadFiles(command: string, paths: string[], map: string | undefined): Promise<{ paths: string[]; mapping: MappingInput; files: SourceFile[] }> {
  let mapping: MappingInput = {};
  let chosen = paths;
  if (map) {
    const saved = await readMappingFile(map);
    mapping = saved.mapping;
    if (chosen.length === 0) chosen = saved.tablePaths;
  }
  if (chosen.length === 0) throw new UsageError(`${command} needs a lead file (or --map with a mapping whose tables name the files).`);
  return { paths: chosen, mapping, files: await Promise.all(chosen.map(readSourceFile)) };
}

/** A RuleConfig file, validated; the first mistake names the file and the JSON path. */
export async function readRulesFile(file: string): Promise<RuleConfig> {
  const parsed = parseRuleConfig(await readJsonFile(file));
  if (parsed.ok) return parsed.config;
  const [first, ...more] = parsed.errors;
  throw new UsageError(`${file}: ${first!.path}: ${first!.message}${more.length ? ` (and ${more.length} more mistake${more.length > 1 ? 's' : ''})` : ''}`);
}

/**
 * Import errors about the mapping say `mapping: <path>`; the user needs the file that holds it:
 * the mapping file, or the scenario with the mapping inline (its paths under `leads.mapping`).
 */
export async function namingMapping<T>(work: Promise<T>, file: string | undefined, inside = ''): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!file || !(error instanceof AllotError) || !error.message.startsWith('mapping: ')) throw error;
    const data = error.toData();
    const path = data.where.path === undefined ? undefined : `${inside}${data.where.path}`;
    const message = `${file}: ${inside}${data.message.slice('mapping: '.length)}`;
    throw Object.assign(new AllotError({ ...data, message, where: { ...data.where, ...(path ? { path } : {}) } }), { name: error.name });
  }
}
