/**
 * From what `estimate` learned, the roster and the scenario to the optimizer's input (DESIGN §3.2):
 * segments with demand and value per won lead, reps with capacity and tier, p(s,r) = the shrunk
 * conversion mean, eligibility from the scenario's skill rule, constraints and objective as written.
 * Pure: no I/O.
 */
import { scenarioError } from '../model/scenario-errors';
import type { Rep } from '../model/roster';
import type { Scenario } from '../model/scenario';
import type { AssignmentProblem, Constraints } from './problem';
import type { Estimates } from '../model/estimates';

export function problemFromEstimates(estimates: Estimates, roster: readonly Rep[], scenario: Scenario): AssignmentProblem {
  const segments = estimates.segments.map((s) => ({ key: s.key, demandPerWeek: s.perWeek, valuePerWon: s.revenuePerWin.perWin ?? 0 }));
  // A rep the what-if marks away (simulation.absent) takes no lead in the plan, as the router will skip them.
  const away = new Set(scenario.simulation.absent);
  const reps = roster.map((r) => ({ id: r.rep_id, name: r.name, capacityPerWeek: r.capacity_per_week, tier: r.tier, active: r.active && !away.has(r.rep_id) }));
  const S = segments.length, R = reps.length;

  const conversion = conversionMeans(estimates, roster);

  const eligible = new Uint8Array(S * R).fill(1);
  const rule = scenario.eligibility;
  if (rule) {
    const skills = roster.map((rep) => new Set(rep.skills));
    estimates.segments.forEach((seg, s) => {
      const value = seg.fields[rule.field];
      if (value === undefined) throw eligibilityNotSegment(rule.field, Object.keys(seg.fields));
      const tag = `${rule.skill}:${value}`;
      skills.forEach((has, r) => { eligible[s * R + r] = has.has(tag) ? 1 : 0; });
    });
  }

  const c = scenario.constraints;
  const constraints: Constraints = {
    capacity: c.capacity,
    maxMinWeight: c.maxMinWeight,
    ...(c.headroom > 0 ? { headroom: c.headroom } : {}),
    ...(c.repFloor > 0 ? { repFloor: c.repFloor } : {}),
    ...(c.loadBand ? { loadBand: c.loadBand } : {}),
    ...(c.valueFloor !== undefined ? { valueFloor: c.valueFloor } : {}),
    ...(c.juniorShare ? { juniorShare: { segments: juniorSegments(estimates, c.juniorShare.segments), atLeast: c.juniorShare.atLeast } } : {}),
    ...(c.pins.length ? { pins: c.pins.flatMap((pin, k) => matchingPairs(estimates, roster, pin, `constraints.pins[${k}]`).map((pair) => ({ ...pair, share: pin.share }))) } : {}),
    ...(c.exclusions.length ? { exclusions: c.exclusions.flatMap((ex, k) => matchingPairs(estimates, roster, ex, `constraints.exclusions[${k}]`)) } : {}),
  };
  return { segments, reps, conversion, eligible, objective: scenario.objective.maximize, constraints };
}

/**
 * p(s, r) for the roster's reps, segment by segment. `estimate` lays the cells out segment by
 * segment, its reps in its own order within each, so a cell is found by position (checked) rather
 * than through a map keyed by segment and rep: building that map's 60k keys was most of the time
 * of turning a large team's estimates into a plan, and every re-solve of the frontier does it.
 */
function conversionMeans(estimates: Estimates, roster: readonly Rep[]): Float64Array {
  const S = estimates.segments.length;
  const R = roster.length;
  const cells = estimates.conversion;
  const width = estimates.reps.length;
  const column = new Map(estimates.reps.map((r, i) => [r.rep, i]));
  let byKey: Map<string, number> | null = null;
  const mean = (s: number, segment: string, rep: string): number | undefined => {
    const at = column.get(rep);
    const cell = at === undefined ? undefined : cells[s * width + at];
    if (cell && cell.segment === segment && cell.rep === rep) return cell.mean;
    byKey ??= new Map(cells.map((c) => [`${c.segment}\u0000${c.rep}`, c.mean]));
    return byKey.get(`${segment}\u0000${rep}`);
  };
  const conversion = new Float64Array(S * R);
  estimates.segments.forEach((seg, s) => {
    // A roster rep the estimates never named (not expected: the roster is passed to estimate) gets the segment's average.
    roster.forEach((rep, r) => { conversion[s * R + r] = mean(s, seg.key, rep.rep_id) ?? seg.rate.mean; });
  });
  return conversion;
}

/** The segments whose value of every named field is among the listed values. */
function juniorSegments(estimates: Estimates, byField: Record<string, string[]>): number[] {
  const fields = Object.entries(byField);
  const known = new Set(estimates.segments.flatMap((s) => Object.keys(s.fields)));
  for (const [field] of fields) {
    if (!known.has(field)) throw notSegmentField('constraints.juniorShare.segments', field, [...known], `constraints.juniorShare.segments.${field}`);
  }
  const out = estimates.segments.flatMap((seg, s) => (fields.every(([field, values]) => values.includes(seg.fields[field] ?? '')) ? [s] : []));
  if (fields.length && out.length === 0) throw noMatchingSegment('constraints.juniorShare.segments', fields.map(([f, v]) => `${f} = ${v.join(' / ')}`));
  return out;
}

/** The (segment, rep) pairs a pin or exclusion names: every segment whose fields hold the given values. */
function matchingPairs(estimates: Estimates, roster: readonly Rep[], named: { segment: Record<string, string>; rep: string }, path: string): Array<{ segment: number; rep: number }> {
  const rep = roster.findIndex((r) => r.rep_id === named.rep);
  if (rep < 0) throw scenarioError('rep_not_in_roster', { setting: `${path}.rep`, rep: named.rep }, `${path}.rep: "${named.rep}" is not in the roster.`, { path: `${path}.rep` });
  const fields = Object.entries(named.segment);
  const known = new Set(estimates.segments.flatMap((s) => Object.keys(s.fields)));
  for (const [field] of fields) {
    if (!known.has(field)) throw notSegmentField(`${path}.segment`, field, [...known], `${path}.segment.${field}`);
  }
  const segments = estimates.segments.flatMap((seg, s) => (fields.every(([field, value]) => seg.fields[field] === value) ? [s] : []));
  if (segments.length === 0) throw noMatchingSegment(`${path}.segment`, fields.map(([f, v]) => `${f} = "${v}"`));
  return segments.map((segment) => ({ segment, rep }));
}

function notSegmentField(setting: string, field: string, fields: string[], path: string) {
  const known = fields.join(', ') || 'none';
  return scenarioError('not_segment_field', { setting, field, fields: known }, `${setting}: "${field}" is not one of the segment fields (${known}).`, { path });
}

export function eligibilityNotSegment(field: string, fields: string[]) {
  return notSegmentField('eligibility.field', field, fields, 'eligibility.field');
}

function noMatchingSegment(setting: string, values: string[]) {
  const named = values.join(' and ');
  return scenarioError('no_matching_segment', { setting, values: named }, `${setting}: no segment has ${named}.`, { path: setting });
}
