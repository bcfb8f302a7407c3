import type { Database } from '../data/database';
import { importLeads } from '../data/import-leads';
import { inferRoster, readRoster } from '../data/roster';
import { formatInspect } from './format-report';
import { ScenarioSchema } from '../model/scenario';
import { createPipeline } from '../pipeline';
import { checkOutputFile } from './output-path';
import { namingMapping, readLeadFiles, readSourceFile } from './read-files';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface InspectOptions {
  files: string[];
  map?: string;
  roster?: string;
  saveMap?: string;
  json: boolean;
}

/** `allot inspect`: load, map, validate, and report (DESIGN §2.5). */
export async function inspect(db: Database, options: InspectOptions): Promise<string> {
  await checkOutputFile('--save-map', options.saveMap, 'mapping.json');
  const { paths, mapping, files } = await readLeadFiles('inspect', options.files, options.map);
  const result = await namingMapping(importLeads(db, files, mapping), options.map);
  const roster = options.roster ? await readRoster(db, await readSourceFile(options.roster)) : await inferRoster(db, result.attributes);
  if (options.saveMap) {
    // Table paths are stored relative to the mapping file, which is how they are read back.
    const tables = paths.map((p) => ({ path: path.relative(path.dirname(path.resolve(options.saveMap!)), path.resolve(p)) }));
    await writeFile(options.saveMap, JSON.stringify({ ...result.mapping, tables }, null, 2) + '\n');
  }
  // What the data supports, capability by capability, before a scenario asks for it. Whichever
  // column segments the leads, the counts it rests on (decided leads, dated weeks) are the same.
  const leadFile = path.basename(paths[0]!);
  const pipeline = createPipeline({ read: (task) => task(db), attributes: result.attributes, name: leadFile });
  const segmentBy = result.attributes.slice(0, 1);
  const readiness = segmentBy.length
    ? await pipeline.readiness(ScenarioSchema.parse({ schema: 'allot.scenario/v1', leads: { path: leadFile }, segments: { fields: segmentBy }, ...(roster.reps.length ? { roster: { reps: roster.reps } } : {}) }))
    : null;
  if (options.json) return JSON.stringify({ mapping: result.mapping, attributes: result.attributes, report: result.report, roster, readiness }, null, 2);
  return formatInspect(result, roster, readiness);
}
