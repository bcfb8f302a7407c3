import { salesforceSlotTable } from '../export/salesforce/slots';
import type { HistoryLeads } from '../model/history';
import type { RuleConfig } from '../model/rules';
import type { Rep } from '../model/roster';
import type { PolicyName, Scenario } from '../model/scenario';
import { scenarioError } from '../model/scenario-errors';
import { buildPolicy, type PolicyContext } from '../optimize/policies';
import { simulationNote, type SimulationNote } from './notes';
import { isAvailable, type SalesforceSlots, type SimPolicy } from './policy';
import { buildWorld, type SimulationWorld } from './world';
import type { Estimates } from '../model/estimates';

/**
 * What the replications run: the world (arrivals, reps, posteriors) and every policy, built as
 * the scenario asks. With `cross_fit` scoring (the default) the history is cut in two folds by
 * row; the policies scored on fold f are built from the estimates of the other fold, so a policy
 * never meets the noise it was fitted to (the optimizer's curse, DESIGN §3.3). Arrivals, demand
 * and values come from the whole history: they do not choose between policies.
 */
export interface PreparedComparison {
  world: SimulationWorld;
  names: string[];
  policiesByFold: SimPolicy[][];
  /** Each policy built on the whole history: what the user would export. Null for as_is. */
  rules: Array<RuleConfig | null>;
  baseline: string;
  scoring: Scenario['simulation']['scoring'];
  estimates: Estimates;
  notes: SimulationNote[];
}

export interface ExtraPolicy {
  name: string;
  config: RuleConfig;
}

/** The pieces a comparison is assembled from; the pipeline (src/pipeline) reads and caches each. */
export interface ComparisonParts {
  scenario: Scenario;
  roster: Rep[];
  history: HistoryLeads;
  /** The whole history's estimates. */
  estimates: Estimates;
  /** The estimates each fold is scored on (`foldEstimates`); one, the whole history's, in sample. */
  folds: Estimates[];
  /** Per fold, the policies scored on it (built on the other fold, or on everything in sample). */
  policiesByFold: SimPolicy[][];
  /** The policies built on the whole history. */
  onAll: SimPolicy[];
  names: string[];
  /**
   * The world these very parts built before at another lead volume, if a caller kept it: the
   * volume is the only thing a world takes from the scenario that a volume what-if changes, and
   * building one again (posteriors, arrivals, reps) is a large team's longest wait after the moves.
   */
  world?: SimulationWorld;
}

/** The names compared: the scenario's policies, then the rule files given; each once. */
export function comparedNames(scenario: Scenario, extra: readonly ExtraPolicy[]): string[] {
  const names = [...scenario.policies, ...extra.map((e) => e.name)];
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw scenarioError('duplicate_policy', { policy: duplicate }, `policies: "${duplicate}" is named twice; give rule files names of their own.`, { path: 'policies' });
  return names;
}

export function assembleComparison(parts: ComparisonParts): PreparedComparison {
  const { scenario, roster, history, estimates } = parts;
  const sim = scenario.simulation;
  const names = parts.names;
  const baseline = sim.baseline ?? (names.includes('round_robin') ? 'round_robin' : names[0]!);
  if (!names.includes(baseline)) {
    throw scenarioError('baseline_not_compared', { baseline, policies: names.join(', ') }, `simulation.baseline: "${baseline}" is not one of the policies (${names.join(', ')}).`, { path: 'simulation.baseline' });
  }
  const unknownAbsent = sim.absent.filter((id) => !roster.some((r) => r.rep_id === id));
  if (unknownAbsent.length) {
    const reps = unknownAbsent.map((id) => `"${id}"`).join(', ');
    const at = `simulation.absent[${sim.absent.indexOf(unknownAbsent[0]!)}]`;
    throw scenarioError('rep_not_in_roster', { setting: at, rep: unknownAbsent.join(', ') }, `${at}: ${reps} not in the roster.`, { path: at });
  }
  const highValueSegments = juniorSegments(scenario, estimates);
  const world = parts.world ? { ...parts.world, horizon: { ...parts.world.horizon, volumeMultiplier: sim.volumeMultiplier } } : buildWorld({
    estimatesByFold: parts.folds,
    estimates,
    roster,
    history,
    horizon: { weeks: sim.weeks, volumeMultiplier: sim.volumeMultiplier, slaHours: sim.slaHours, reclaimAfterHours: sim.reclaimAfterHours },
    arrivals: sim.arrivals,
    absent: sim.absent,
    highValueSegments,
  });
  return {
    world,
    names,
    policiesByFold: parts.policiesByFold,
    rules: parts.onAll.map((p) => (p.kind === 'as_is' ? null : p.config)),
    baseline,
    scoring: sim.scoring,
    estimates,
    notes: [...comparisonNotes(sim.scoring, world, history, highValueSegments), ...(names.includes('as_is') ? asIsNotes(world, history) : [])],
  };
}

/** Every policy of `names` as the simulator runs it, built from `ctx`, then the rule files given. */
export async function buildSimPolicies(names: readonly PolicyName[], ctx: PolicyContext, extra: readonly ExtraPolicy[]): Promise<SimPolicy[]> {
  const built: SimPolicy[] = [];
  let optimized: RuleConfig | null = null;
  const optimizedConfig = async () => (optimized ??= (await buildPolicy('optimized', ctx)).config);
  for (const name of names) {
    // A historical owner who cannot take leads now is skipped by every policy; as is routes their
    // leads as territory would (round robin among the available reps eligible for the lead).
    if (name === 'as_is') built.push({ name, kind: 'as_is', fallback: (await buildPolicy('territory', ctx)).config });
    else if (name === 'salesforce_mod') {
      const config = await optimizedConfig();
      built.push({ name, kind: 'salesforce', config, slots: salesforceSlots(config) });
    } else if (name === 'optimized') built.push({ name, kind: 'rules', config: await optimizedConfig() });
    else built.push({ name, kind: 'rules', config: (await buildPolicy(name, ctx)).config });
  }
  return [...built, ...extra.map((e): SimPolicy => ({ name: e.name, kind: 'rules', config: e.config }))];
}

/** The exported Salesforce rotation (src/export/salesforce), slot by slot, rules then the fallback. */
export function salesforceSlots(config: RuleConfig): SalesforceSlots {
  const table = salesforceSlotTable(config);
  return [...table.rules, table.fallback].map((rule) => [...rule.repBySlot]);
}

/**
 * A fold's conversion evidence on the whole history's demand: the optimizer must see every lead
 * that will arrive, and only the choosing fold's outcomes.
 */
export function foldEstimates(full: Estimates, fold: Estimates): Estimates {
  const bySegment = new Map(fold.segments.map((s) => [s.key, s]));
  return {
    ...full,
    conversion: fold.conversion,
    reps: fold.reps,
    model: fold.model,
    segments: full.segments.map((s) => {
      const own = bySegment.get(s.key);
      return own ? { ...s, rate: own.rate, decided: own.decided, won: own.won } : s;
    }),
  };
}

function juniorSegments(scenario: Scenario, estimates: Estimates): string[] | undefined {
  const named = scenario.constraints.juniorShare?.segments;
  if (!named) return undefined;
  const fields = Object.entries(named);
  return estimates.segments.filter((s) => fields.every(([field, values]) => values.includes(s.fields[field] ?? ''))).map((s) => s.key);
}

function comparisonNotes(scoring: Scenario['simulation']['scoring'], world: SimulationWorld, history: HistoryLeads, highValueNamed: string[] | undefined): SimulationNote[] {
  const cycleDays = Math.round(world.horizon.cycleHours / 24);
  const highValue = `High-value leads for the juniors' share: ${world.highValueRule}.`;
  return [
    scoring === 'cross_fit'
      ? simulationNote('scoring_cross_fit', {}, 'Scoring: cross-fit. The leads are split in two folds by row; each replication scores the policies on one fold\'s posterior after building them (the optimized one included) from the other fold, so the optimizer\'s curse does not flatter the optimized policy.')
      : simulationNote('scoring_in_sample', {}, 'Scoring: in sample. The policies are built and scored on the same history; the optimized policy\'s advantage is overstated (the optimizer\'s curse).'),
    world.arrivals.kind === 'history'
      ? simulationNote('arrivals_history', { weeks: world.arrivals.weekStarts.length, multiplier: world.horizon.volumeMultiplier }, `Arrivals: whole weeks of the history (${world.arrivals.weekStarts.length} complete weeks) drawn with replacement, × ${world.horizon.volumeMultiplier}.`)
      : simulationNote('arrivals_fitted', {}, 'Arrivals: Poisson per segment from the fitted weekly demand, placed by the weekly and daily shape.'),
    decayNote(world.decay),
    simulationNote('work_model', { cycleDays }, `Work: each rep first-touches their new leads first in, first out, in working hours (default Mon–Fri 9–18); a lead stays open ${cycleDays} days (the median sales cycle) after its first touch.`),
    // The same choice world.ts made: named segments when the junior share names some, else the top quarter by value.
    highValueNamed?.length ? simulationNote('high_value_named', { segments: highValueNamed.join(', ') }, highValue) : simulationNote('high_value_top_quarter', {}, highValue),
    ...(history.withoutCreatedAt > 0 ? [simulationNote('without_created_at', { count: history.withoutCreatedAt }, `${history.withoutCreatedAt} lead(s) without a creation time are not in the arrivals.`)] : []),
  ];
}

/** Whose historical leads "as is" re-routes, and what share of the history they had. */
function asIsNotes(world: SimulationWorld, history: HistoryLeads): SimulationNote[] {
  const worldIndex = new Map(world.reps.map((r, i) => [r.id, i]));
  const gone = history.owners.map((id) => { const r = worldIndex.get(id); return r === undefined || !isAvailable(world.reps[r]!); });
  let moved = 0;
  for (let i = 0; i < history.owner.length; i++) if (history.owner[i]! >= 0 && gone[history.owner[i]!]) moved++;
  if (moved === 0) return [];
  const reps = history.owners.filter((_, o) => gone[o]).map((id) => { const rep = world.reps[worldIndex.get(id) ?? -1]; return rep && rep.name !== id ? `${id} ${rep.name}` : id; }).join(', ');
  const count = gone.filter(Boolean).length;
  const share = moved / Math.max(1, history.owner.length);
  return [simulationNote('as_is_rerouted', { reps, count, share }, `As is: ${reps} cannot take leads now (inactive, away or off the roster); their ${(100 * share).toFixed(1)}% of the history goes by round robin among the available reps eligible for each lead, as territory routing would send it, and counts as reaching the fallback.`)];
}

/** The decay curve in words, its parameters rounded as a reader takes them in (0.39, 21.5 h), not as fitted. */
function decayNote({ floor, tauHours, referenceFrom }: { floor: number; tauHours: number; referenceFrom: string }): SimulationNote {
  const [f, tau] = [+floor.toFixed(2), +tauHours.toFixed(1)];
  return simulationNote('decay', { floor: f, tauHours: tau, referenceFrom }, `Decay: ${f} + (1 − ${f})·exp(−h / ${tau} h) relative to the history's response times (${referenceFrom}).`);
}
