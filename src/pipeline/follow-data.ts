import type { Mapping } from '../model/mapping';
import { messageMaker, type EngineMessage } from '../model/message';
import type { ScenarioProposal } from '../model/proposal';
import type { Rep } from '../model/roster';
import type { Scenario } from '../model/scenario';

export const FOLLOW_MESSAGES = {
  follow_new_data: ['file'],
  follow_roster_kept: ['kept', 'added', 'removed'],
  follow_dropped_setting: ['setting', 'fields'],
  follow_dropped_absent: ['reps'],
  follow_dropped_rep_setting: ['setting', 'reps'],
} as const;

export type FollowCode = keyof typeof FOLLOW_MESSAGES;
const followMessage = messageMaker(FOLLOW_MESSAGES);

export interface LoadedLeads {
  /** The lead table's file name. */
  file: string;
  /** The mapping as applied. */
  mapping: Mapping;
  /** The leads' columns (attributes and mapped fields). */
  columns: readonly string[];
}

export interface FollowedScenario {
  scenario: Scenario;
  notes: EngineMessage<FollowCode>[];
}

/**
 * The scenario for leads just loaded or re-mapped (DESIGN §2.3: a scenario is never applied to
 * other data silently). Other leads than the scenario's take every proposal (segments,
 * eligibility, horizon, name) and the roster inferred from their owners. The same leads re-mapped
 * keep the user's settings, but a setting naming a column that is gone is dropped with a note.
 * Either way the roster follows the owners: the user's edits are kept for reps still present.
 */
export function scenarioForData(previous: Scenario, leads: LoadedLeads, proposal: ScenarioProposal, inferred: readonly Rep[], otherData: boolean): FollowedScenario {
  const notes: EngineMessage<FollowCode>[] = [];
  const mapping = { schema: leads.mapping.schema, fields: leads.mapping.fields, ...(leads.mapping.outcomeValues ? { outcomeValues: leads.mapping.outcomeValues } : {}), dateOrder: leads.mapping.dateOrder };
  let scenario: Scenario = { ...previous, leads: { path: leads.file, mapping } };
  if (otherData) {
    notes.push(followMessage('follow_new_data', { file: leads.file }, `${leads.file}: new leads, so the set-up is proposed for them (segments, eligibility, horizon) and the team inferred from their owners.`));
    const { eligibility: _, ...rest } = scenario;
    scenario = {
      ...rest,
      name: proposal.name,
      segments: { fields: proposal.segments.fields.length ? proposal.segments.fields : previous.segments.fields, valueBands: [] },
      ...(proposal.eligibility.rule ? { eligibility: proposal.eligibility.rule } : {}),
      simulation: { ...scenario.simulation, weeks: proposal.horizon.weeks, absent: [], baseline: undefined },
      constraints: { ...scenario.constraints, pins: [], exclusions: [], juniorShare: undefined },
    };
  } else {
    scenario = dropGoneFields(scenario, new Set(leads.columns), proposal, notes);
  }
  const { reps, note } = followRoster(previous, inferred, otherData);
  if (note) notes.push(note);
  scenario = { ...scenario, roster: { reps } };
  const present = new Set(reps.map((r) => r.rep_id));
  const away = scenario.simulation.absent.filter((id) => !present.has(id));
  if (away.length) {
    notes.push(followMessage('follow_dropped_absent', { reps: away.join(', ') }, `Reps away no longer in the team: ${away.join(', ')} (dropped).`));
    scenario = { ...scenario, simulation: { ...scenario.simulation, absent: scenario.simulation.absent.filter((id) => present.has(id)) } };
  }
  for (const setting of ['pins', 'exclusions'] as const) {
    const items = scenario.constraints[setting] as Array<{ rep: string }>;
    const gone = [...new Set(items.filter((item) => !present.has(item.rep)).map((item) => item.rep))];
    if (!gone.length) continue;
    notes.push(followMessage('follow_dropped_rep_setting', { setting: `constraints.${setting}`, reps: gone.join(', ') }, `constraints.${setting}: ${gone.join(', ')} no longer in the team; those entries are dropped.`));
    scenario = { ...scenario, constraints: { ...scenario.constraints, [setting]: items.filter((item) => present.has(item.rep)) } };
  }
  return { scenario: stripUndefined(scenario), notes };
}

function dropGoneFields(scenario: Scenario, columns: ReadonlySet<string>, proposal: ScenarioProposal, notes: EngineMessage<FollowCode>[]): Scenario {
  const gone = (fields: Iterable<string>) => [...fields].filter((f) => !columns.has(f));
  const dropped = (setting: string, fields: string[]) =>
    notes.push(followMessage('follow_dropped_setting', { setting, fields: fields.join(', ') }, `${setting}: ${fields.join(', ')} is no longer a column of the leads; the setting is dropped.`));
  let next = scenario;
  const goneSegments = gone(scenario.segments.fields);
  if (goneSegments.length) {
    dropped('segments.fields', goneSegments);
    const kept = scenario.segments.fields.filter((f) => columns.has(f));
    next = { ...next, segments: { ...next.segments, fields: kept.length ? kept : proposal.segments.fields } };
  }
  if (scenario.eligibility && !columns.has(scenario.eligibility.field)) {
    dropped('eligibility', [scenario.eligibility.field]);
    const { eligibility: _, ...rest } = next;
    next = { ...rest, ...(proposal.eligibility.rule ? { eligibility: proposal.eligibility.rule } : {}) };
  }
  const c = next.constraints;
  const keepNamed = <T extends { segment: Record<string, string> }>(setting: string, items: T[]) => {
    const out = items.filter((item) => gone(Object.keys(item.segment)).length === 0);
    if (out.length < items.length) dropped(setting, [...new Set(items.flatMap((item) => gone(Object.keys(item.segment))))]);
    return out;
  };
  const juniorGone = c.juniorShare ? gone(Object.keys(c.juniorShare.segments)) : [];
  if (juniorGone.length) dropped('constraints.juniorShare', juniorGone);
  return {
    ...next,
    constraints: { ...c, pins: keepNamed('constraints.pins', c.pins), exclusions: keepNamed('constraints.exclusions', c.exclusions), juniorShare: juniorGone.length ? undefined : c.juniorShare },
  };
}

/** The inferred reps, each replaced by the user's own version where the user had that rep (same data only). */
function followRoster(previous: Scenario, inferred: readonly Rep[], otherData: boolean): { reps: Rep[]; note: EngineMessage<FollowCode> | null } {
  const before = previous.roster && 'reps' in previous.roster && !otherData ? previous.roster.reps : [];
  if (before.length === 0) return { reps: [...inferred], note: null };
  const mine = new Map(before.map((r) => [r.rep_id, r]));
  const reps = inferred.map((r) => mine.get(r.rep_id) ?? r);
  const kept = inferred.filter((r) => mine.has(r.rep_id)).length;
  const present = new Set(inferred.map((r) => r.rep_id));
  const removed = before.filter((r) => !present.has(r.rep_id)).length;
  const added = inferred.length - kept;
  if (added === 0 && removed === 0) return { reps, note: null };
  return {
    reps,
    note: followMessage('follow_roster_kept', { kept, added, removed }, `Team: ${kept} reps kept as you edited them, ${added} new from the owners, ${removed} no longer among the owners removed.`),
  };
}

/** Optional settings set to undefined are left out, as a parsed scenario has them. */
function stripUndefined(scenario: Scenario): Scenario {
  return JSON.parse(JSON.stringify(scenario)) as Scenario;
}
