import { firstIssue } from '../../model/errors';
import { jsonSyntaxText, parseJsonText } from '../../model/json-text';
import { MappingSchema, type Mapping, type MappingInput } from '../../model/mapping';
import type { Texts } from '../i18n';

/** A mapping file the user opened could not be used; `message` names the file and JSON path. */
export class MappingFileError extends Error {
  constructor(message: string, readonly path: string | null) {
    super(message);
    this.name = 'MappingFileError';
  }
}

/** Reads an `allot.mapping/v1` file; throws MappingFileError naming the JSON path of the first problem. */
export function parseMappingFile(file: string, text: string, t: Texts['mapping']): MappingInput {
  const json = parseJsonText(text);
  if (!json.ok) throw new MappingFileError(t.notJson(file, jsonSyntaxText(json)), null);
  const parsed = MappingSchema.safeParse(json.value);
  if (parsed.success) return parsed.data;
  const first = firstIssue(parsed.error, MappingSchema, json.value);
  throw new MappingFileError(t.invalid(file, first.path, first.message), first.path);
}

export function mappingFileText(mapping: Mapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

/** `leads.csv` → `leads.mapping.json`. */
export function mappingFileName(leadFile: string | undefined): string {
  const base = (leadFile ?? 'allot').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return `${base}.mapping.json`;
}
