import { inferRoster, readRoster } from '../data/roster';
import type { Database } from '../data/database';
import type { SourceFile } from '../data/read-table';
import type { Rep } from '../model/roster';
import type { Scenario } from '../model/scenario';
import { scenarioError } from '../model/scenario-errors';

/** Where the scenario's roster came from, for the line above the Team table and the CLI's notes. */
export type RosterOrigin =
  | { kind: 'file'; file: string }
  | { kind: 'inferred'; notes: string[] }
  /** Inline in the scenario (opened from a file, or saved by the workbench). */
  | { kind: 'scenario' };

export interface ResolvedRoster {
  reps: Rep[];
  origin: RosterOrigin;
}

/** Reads a file the scenario names by path; null where this face cannot (a browser reads only what it was given). */
export type ScenarioFileReader = (path: string) => Promise<SourceFile | null>;

/**
 * The scenario's roster: inline, a file it names, or — with neither, or a file this face cannot
 * read — inferred from the owners in the history, with the notes that say how (DESIGN §2.2).
 */
export async function resolveRoster(db: Database, scenario: Scenario, attributes: readonly string[], readFile?: ScenarioFileReader): Promise<ResolvedRoster> {
  const roster = scenario.roster;
  if (roster && 'reps' in roster) return { reps: roster.reps, origin: { kind: 'scenario' } };
  if (roster && readFile) {
    const file = await readFile(roster.path);
    if (file) return { reps: (await readRoster(db, file)).reps, origin: { kind: 'file', file: roster.path } };
  }
  const inferred = await inferRoster(db, [...attributes]);
  if (inferred.reps.length === 0) {
    throw scenarioError('no_reps', {}, 'roster: no reps (the scenario gives no roster and the history names no owner); give a roster or map the owner column.', { path: 'roster' });
  }
  const why = roster ? `The roster file "${roster.path}" cannot be read here: it is inferred from the history.` : 'No roster in the scenario: it is inferred from the history.';
  return { reps: inferred.reps, origin: { kind: 'inferred', notes: [why, ...inferred.notes] } };
}
