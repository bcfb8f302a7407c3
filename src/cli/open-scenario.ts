import path from 'node:path';
import type { Database } from '../data/database';
import { importLeads } from '../data/import-leads';
import { AllotError, firstIssue, ImportError } from '../model/errors';
import type { MappingInput } from '../model/mapping';
import { ScenarioSchema, type Scenario } from '../model/scenario';
import { createPipeline, type Pipeline, type PipelineOptions } from '../pipeline';
import { namingMapping, readJsonFile, readMappingFile, readSourceFile } from './read-files';

export interface OpenedScenario {
  file: string;
  scenario: Scenario;
  /** The pipeline over the scenario's leads; a scenario error it throws names this file. */
  pipeline: Pipeline;
}

/** Reads a scenario file, imports the leads it names (joined tables, mapping) and opens the pipeline on them. */
export async function openScenario(db: Database, file: string, options: PipelineOptions = {}): Promise<OpenedScenario> {
  const scenario = await readScenario(file);
  const dir = path.dirname(path.resolve(file));
  const mapping = scenario.leads.mapping;
  const [mappingFile, inside] = typeof mapping === 'string' ? [path.resolve(dir, mapping), ''] : [file, 'leads.mapping.'];
  const leads = await namingMapping(importLeads(db, await leadFiles(scenario, dir), await leadMapping(scenario, dir)), mappingFile, inside);
  const pipeline = createPipeline(
    { read: (task) => task(db), attributes: leads.attributes, readFile: (named) => readSourceFile(path.resolve(dir, named)) },
    options,
  );
  return { file, scenario, pipeline: namingFile(pipeline, file) };
}

export async function readScenario(file: string): Promise<Scenario> {
  const json = await readJsonFile(file);
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error, ScenarioSchema, json);
    throw new ImportError(`${file}: ${issue.path}: ${issue.message}`, { file, path: issue.path });
  }
  return parsed.data;
}

/** A setting the data cannot honour is the scenario file's: its one line leads with the file. */
function namingFile(pipeline: Pipeline, file: string): Pipeline {
  const named = (error: unknown) => {
    if (error instanceof AllotError && error.family === 'scenario' && !error.where.file) {
      const data = error.toData();
      throw Object.assign(new AllotError({ ...data, message: `${file}: ${data.message}`, where: { ...data.where, file } }), { name: error.name });
    }
    throw error;
  };
  return Object.fromEntries(
    Object.entries(pipeline).map(([name, method]) => [name, (...args: unknown[]) => (method as (...a: unknown[]) => Promise<unknown>)(...args).catch(named)]),
  ) as unknown as Pipeline;
}

/** The lead file, then the tables a mapping joins onto it; paths relative to the file that names them. */
export async function leadFiles(scenario: Scenario, dir: string) {
  const mapping = scenario.leads.mapping;
  const joined = typeof mapping === 'string'
    ? (await readMappingFile(path.resolve(dir, mapping))).tablePaths
    : (mapping?.tables ?? []).map((t) => path.resolve(dir, t.path));
  return Promise.all([path.resolve(dir, scenario.leads.path), ...joined.slice(1)].map(readSourceFile));
}

export async function leadMapping(scenario: Scenario, dir: string): Promise<MappingInput> {
  const mapping = scenario.leads.mapping;
  return typeof mapping === 'string' ? (await readMappingFile(path.resolve(dir, mapping))).mapping : (mapping ?? {});
}
