import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ruleConfigJsonSchema } from './rules';

/**
 * `npm run schemas`: writes the published JSON Schemas from their zod sources, so the committed
 * files are never edited by hand. A test compares the committed files with what this produces.
 */
export const SCHEMA_FOLDER = path.join(import.meta.dirname, 'schemas');

export const GENERATED_SCHEMAS: Record<string, () => Record<string, unknown>> = {
  'allot.rules.v2.schema.json': ruleConfigJsonSchema,
};

export function renderJsonSchema(build: () => Record<string, unknown>): string {
  return JSON.stringify(build(), null, 2) + '\n';
}

async function writeSchemas(): Promise<void> {
  await mkdir(SCHEMA_FOLDER, { recursive: true });
  for (const [file, build] of Object.entries(GENERATED_SCHEMAS)) {
    await writeFile(path.join(SCHEMA_FOLDER, file), renderJsonSchema(build));
    process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(SCHEMA_FOLDER, file))}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await writeSchemas();
