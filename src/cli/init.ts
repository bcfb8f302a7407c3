import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../data/database';
import { importLeads } from '../data/import-leads';
import { ImportError } from '../model/errors';
import { ScenarioSchema, type ScenarioInput } from '../model/scenario';
import { createPipeline } from '../pipeline';
import { UsageError } from './cli-error';
import { checkOutputFile } from './output-path';
import { namingMapping, readLeadFiles } from './read-files';

export interface InitOptions {
  files: string[];
  out: string;
  map?: string;
  force: boolean;
  json: boolean;
}

/**
 * `allot init <file> [<file> …] --out scenario.json [--map m.json]`: the scenario the workbench
 * would propose for these files, written so that `allot simulate --scenario` runs it as it is —
 * the mapping as applied (joined tables relative to the scenario), the segment fields ranked by
 * how much they separate reps, eligibility from a field the reps hold as skills, the horizon from
 * the history's length, and the roster inferred from the owners, inline for the user to edit.
 */
export async function initCommand(db: Database, options: InitOptions): Promise<string> {
  const out = path.resolve(options.out);
  await checkOutputFile('--out', options.out, 'scenario.json');
  if (!options.force && (await access(out).then(() => true, () => false))) throw new UsageError(`--out ${options.out}: the file exists; pass --force to replace it.`);

  const { paths, mapping, files } = await readLeadFiles('init', options.files, options.map);
  const leads = await namingMapping(importLeads(db, files, mapping), options.map);
  const leadFile = path.basename(paths[0]!);
  const pipeline = createPipeline({ read: (task) => task(db), attributes: leads.attributes, name: leadFile });
  const bare = ScenarioSchema.parse({ schema: 'allot.scenario/v1', leads: { path: leadFile } });
  const [proposal, { reps, origin }] = await Promise.all([pipeline.proposal(bare), pipeline.roster(bare)]);
  if (proposal.segments.fields.length === 0) {
    throw new ImportError(`${leadFile}: ${proposal.segments.reason.text} Add a column such as region, product or source, or map one as an attribute.`, { file: leadFile });
  }

  const relative = (file: string) => path.relative(path.dirname(out), path.resolve(file)) || path.basename(file);
  const tables = paths.map((p, i) => ({ ...(leads.mapping.tables?.[i] ?? {}), path: relative(p) }));
  const { tables: _, ...applied } = leads.mapping;
  const scenario: ScenarioInput = {
    schema: 'allot.scenario/v1',
    name: proposal.name,
    leads: { path: relative(paths[0]!), mapping: { ...applied, ...(tables.length > 1 ? { tables } : {}) } },
    roster: { reps },
    segments: { fields: proposal.segments.fields, valueBands: [] },
    ...(proposal.eligibility.rule ? { eligibility: proposal.eligibility.rule } : {}),
    simulation: { weeks: proposal.horizon.weeks },
  };
  // What is written must read back: the same schema the CLI and the workbench parse.
  const checked = ScenarioSchema.parse(scenario);
  await writeFile(out, JSON.stringify(checked, null, 2) + '\n');

  const reasons = {
    segments: proposal.segments.reason.text,
    eligibility: proposal.eligibility.reason.text,
    horizon: proposal.horizon.reason.text,
    roster: origin.kind === 'inferred' ? origin.notes : [],
  };
  if (options.json) return JSON.stringify({ scenario: options.out, name: checked.name, proposal, roster: { reps: reps.length, notes: reasons.roster } }, null, 2);
  return [
    `Wrote ${options.out}: "${checked.name}".`,
    `Segments: ${reasons.segments}`,
    ...proposal.segments.ranking.slice(0, 5).map((r) => `  ${r.field}: ${r.values} values, ${r.cells} rep × value cells (${r.thinCells} thin), likelihood ratio ${r.lr.toFixed(1)} on ${r.df} df, p = ${r.pValue < 0.001 ? '< 0.001' : r.pValue.toFixed(3)}`),
    `Eligibility: ${reasons.eligibility}`,
    `Horizon: ${reasons.horizon}`,
    `Roster: ${reps.length} reps, inferred from the owners (edit them in the file or the Team step).`,
    `Next: allot simulate --scenario ${options.out}`,
  ].join('\n');
}
