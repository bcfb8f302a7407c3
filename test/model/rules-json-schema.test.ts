import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSIGN_METHODS, CONDITION_OPS } from '../../src/model/rules';
import { GENERATED_SCHEMAS, renderJsonSchema, SCHEMA_FOLDER } from '../../src/model/write-json-schema';

describe('the published JSON Schema', () => {
  it.each(Object.keys(GENERATED_SCHEMAS))('%s is what the zod source generates now (run "npm run schemas" after changing it)', (file) => {
    const committed = readFileSync(path.join(SCHEMA_FOLDER, file), 'utf8');
    expect(committed).toBe(renderJsonSchema(GENERATED_SCHEMAS[file]!));
  });

  it('names every operator and every method of allot.rules/v2, and accepts v1 files', () => {
    const text = readFileSync(path.join(SCHEMA_FOLDER, 'allot.rules.v2.schema.json'), 'utf8');
    const schema = JSON.parse(text);
    expect(schema.properties.schema.enum).toEqual(['allot.rules/v1', 'allot.rules/v2']);
    expect(schema.properties.experiment.properties.unit.enum).toEqual(['lead', 'slot', 'week']);
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'name', 'reps', 'rules', 'fallback']));
    for (const op of CONDITION_OPS) expect(text).toContain(`"${op}"`);
    for (const method of ASSIGN_METHODS) expect(text).toContain(`"${method}"`);
    expect(schema.$defs.Condition).toBeDefined();
  });
});
