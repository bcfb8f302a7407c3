import rosterUrl from '../../../data/sample/roster.csv?url';
import { inferRoster, readRoster } from '../../data/roster';
import type { Rep } from '../../model/roster';
import type { Scenario } from '../../model/scenario';
import type { SharedDataSession } from './shared-session';

/** Where the Team step's roster came from, for the line above the table. */
export type RosterOrigin =
  | { kind: 'file'; file: string }
  | { kind: 'inferred'; notes: string[] }
  /** Inline in the scenario (opened from a file, or autosaved by an earlier visit). */
  | { kind: 'scenario' };

const SAMPLE_ROSTER = 'roster.csv';

/**
 * The roster for the loaded leads: the sample's roster file when the scenario names it and the
 * sample is loaded (a browser cannot read other paths of a scenario file, so those are inferred),
 * otherwise inferred from the owners in the history, with the notes that say how.
 */
export async function findRoster(session: SharedDataSession, scenario: Scenario): Promise<{ reps: Rep[]; origin: RosterOrigin }> {
  const names = scenario.roster && 'path' in scenario.roster ? scenario.roster.path : null;
  if (names === SAMPLE_ROSTER && session.current?.isSample) {
    const response = await fetch(rosterUrl);
    if (!response.ok) throw new Error(`${SAMPLE_ROSTER}: ${response.status} ${response.statusText}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const roster = await session.read((db) => readRoster(db, { name: SAMPLE_ROSTER, bytes }));
    return { reps: roster.reps, origin: { kind: 'file', file: SAMPLE_ROSTER } };
  }
  const attributes = session.current?.result.attributes ?? [];
  const roster = await session.read((db) => inferRoster(db, attributes));
  return { reps: roster.reps, origin: { kind: 'inferred', notes: roster.notes } };
}
