import type { FieldRepCount } from '../estimate/segment-ranking';
import { rankSegmentFields } from '../estimate/segment-ranking';
import { proposalMessage, type EligibilityProposal, type FieldRanking, type ScenarioProposal } from '../model/proposal';
import type { Rep } from '../model/roster';

/** A field counts as separating reps when its interaction's p-value is under this. */
export const SEPARATING_P = 0.05;
/** At most this many segments (the product of the chosen fields' values): beyond it cells get too thin to learn. */
export const MAX_SEGMENTS = 60;
/** An eligibility rule is proposed only when reps hold the skill for at least this share of the leads. */
export const MIN_ELIGIBLE_SHARE = 0.8;

export interface ProposalInputs {
  /** What the proposal is called after: the lead file's name. */
  dataName: string;
  counts: ReadonlyMap<string, readonly FieldRepCount[]>;
  leadsByValue: ReadonlyMap<string, ReadonlyMap<string, number>>;
  roster: readonly Rep[];
  /** Weeks of dated history; 0 without creation dates. */
  historyWeeks: number;
}

/** Every setting of a scenario for data just dropped, each with its one-line reason (DESIGN §2.3). */
export function proposeScenario(inputs: ProposalInputs): ScenarioProposal {
  const ranking = rankSegmentFields(inputs.counts);
  const segments = proposeSegments(ranking);
  const eligibility = proposeEligibility(inputs.leadsByValue, inputs.roster);
  const weeks = inputs.historyWeeks > 0 ? Math.min(13, Math.max(4, Math.round(inputs.historyWeeks / 4))) : 8;
  const horizon = inputs.historyWeeks > 0
    ? { weeks, reason: proposalMessage('horizon_from_history', { weeks, historyWeeks: inputs.historyWeeks }, `${weeks} weeks: a quarter of the ${inputs.historyWeeks} weeks of history (between 4 and 13).`) }
    : { weeks, reason: proposalMessage('horizon_default', { weeks }, `${weeks} weeks: the leads have no creation dates to size it by.`) };
  const name = `${inputs.dataName.replace(/\.[^.]+$/, '')}${segments.fields.length ? `: ${segments.fields.join(' × ')}` : ''}`;
  return { name, segments: { ...segments, ranking }, eligibility, horizon };
}

function proposeSegments(ranking: FieldRanking[]): Omit<ScenarioProposal['segments'], 'ranking'> {
  const separating = ranking.filter((r) => r.pValue < SEPARATING_P);
  if (separating.length === 0) {
    const strongest = ranking[0];
    if (!strongest) return { fields: [], reason: proposalMessage('segments_none', {}, 'No column has 2 to 30 values among the decided leads: there is nothing to segment by.') };
    return {
      fields: [strongest.field],
      reason: proposalMessage('segments_strongest_only', { field: strongest.field, pValue: round(strongest.pValue) }, `${strongest.field}: no column clearly separates conversion between reps (the strongest, ${strongest.field}, has p = ${round(strongest.pValue)}); a policy gains little from segments here.`),
    };
  }
  const fields: string[] = [];
  let product = 1;
  for (const r of separating) {
    if (fields.length === 2 || product * r.values > MAX_SEGMENTS) continue;
    fields.push(r.field);
    product *= r.values;
  }
  const p = round(Math.max(...separating.filter((r) => fields.includes(r.field)).map((r) => r.pValue)));
  return {
    fields,
    reason: proposalMessage('segments_separating', { fields: fields.join(' × '), pValue: p }, `${fields.join(' × ')}: who converts best depends on ${fields.length > 1 ? 'these columns' : 'this column'} (rep × value interaction, likelihood-ratio test, p ≤ ${p}).`),
  };
}

/**
 * An eligibility rule from a field whose values the reps hold as skills (`<skill>:<value>`): the
 * pair covering the most leads, when active reps hold the skill for at least MIN_ELIGIBLE_SHARE of them.
 */
function proposeEligibility(leadsByValue: ReadonlyMap<string, ReadonlyMap<string, number>>, roster: readonly Rep[]): EligibilityProposal {
  const held = new Map<string, Set<string>>();
  for (const rep of roster.filter((r) => r.active)) {
    for (const tag of rep.skills) {
      const at = tag.indexOf(':');
      if (at <= 0) continue;
      const skill = tag.slice(0, at);
      held.set(skill, (held.get(skill) ?? new Set()).add(tag.slice(at + 1)));
    }
  }
  let best: { field: string; skill: string; covered: number; uncovered: number } | null = null;
  for (const [field, values] of leadsByValue) {
    if (values.size < 2) continue;
    const total = [...values.values()].reduce((a, b) => a + b, 0);
    for (const [skill, skillValues] of held) {
      const covered = [...values].reduce((n, [value, leads]) => n + (skillValues.has(value) ? leads : 0), 0);
      if (covered >= MIN_ELIGIBLE_SHARE * total && (!best || covered > best.covered)) best = { field, skill, covered, uncovered: total - covered };
    }
  }
  if (!best) {
    return { rule: null, leadsWithoutEligibleRep: 0, reason: proposalMessage('eligibility_none', {}, 'None: no lead column has values the reps hold as skills, so any rep may take any lead.') };
  }
  const { field, skill, covered, uncovered } = best;
  return {
    rule: { field, skill },
    leadsWithoutEligibleRep: uncovered,
    reason: proposalMessage('eligibility_matched', { field, skill, covered, uncovered }, `${field} must match the rep's ${skill} skill: active reps hold it for ${covered} leads; ${uncovered} would have no eligible rep and go to the fallback.`),
  };
}

const round = (p: number) => (p < 0.001 ? 0.001 : Math.round(p * 1000) / 1000);
