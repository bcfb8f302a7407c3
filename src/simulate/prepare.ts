import type { Database } from '../data/database';
import { readEstimationInputs, type SegmentSpec } from '../data/estimation-inputs';
import { readHistoryLeads, type HistoryLeads } from '../data/history-leads';
import { ImportError } from '../model/errors';
import { estimate, type Estimates } from '../estimate/estimate';
import { salesforceSlotTable } from '../export/salesforce/slots';
import type { RuleConfig } from '../model/rules';
import type { Rep } from '../model/roster';
import type { PolicyName, Scenario } from '../model/scenario';
import { buildPolicy, type BuildablePolicy, type PolicyContext } from '../optimize/policies';
import { simulationNote, type SimulationNote } from './notes';
import type { SalesforceSlots, SimPolicy } from './policy';
import { buildWorld, type SimulationWorld } from './world';

/**
 * From a scenario to what the replications run: the world (arrivals, reps, posteriors) and every
 * policy, built as the scenario asks. With `cross_fit` scoring (the default) the history is cut
 * in two folds by row; the policies scored on fold f are built from the estimates of the other
 * fold, so a policy never meets the noise it was fitted to (the optimizer's curse, DESIGN §3.3).
 * Arrivals, demand and values come from the whole history: they do not choose between policies.
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

export interface PrepareOptions {
  /** Rule files to compare besides the scenario's policies. */
  extra?: ExtraPolicy[];
  /** The whole history's estimates for this scenario and roster, when the caller has them already. */
  estimates?: Estimates;
}

export async function prepareComparison(db: Database, scenario: Scenario, roster: Rep[], options: PrepareOptions = {}): Promise<PreparedComparison> {
  const extra = options.extra ?? [];
  const spec: SegmentSpec = scenario.segments;
  const sim = scenario.simulation;
  if (roster.length === 0) throw new ImportError('roster: the simulation needs reps; give a roster or leads with owners.', { path: 'roster' });
  const history = await readHistoryLeads(db, spec);
  if (history.created.length === 0) throw new ImportError('leads: no lead has a creation time, so arrivals cannot be simulated (map created_at).', { path: 'leads.mapping.created_at' });
  const repIds = [...new Set([...roster.map((r) => r.rep_id), ...history.owners])];
  const decay = scenario.decay ? { decay: scenario.decay } : {};
  const full = options.estimates ?? estimate(await readEstimationInputs(db, spec), { reps: repIds, ...decay });
  const segmentKeys = full.segments.map((s) => s.key);

  const folds = sim.scoring === 'cross_fit'
    ? await Promise.all([0, 1].map(async (index) => foldEstimates(full, estimate(await readEstimationInputs(db, spec, { fold: { index, of: 2 } }), { reps: repIds, segments: segmentKeys, ...decay }))))
    : [full];
  const names = [...scenario.policies, ...extra.map((e) => e.name)];
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new ImportError(`policies: "${duplicate}" is named twice; give rule files names of their own.`, { path: 'policies' });
  const context = (estimates: Estimates): PolicyContext => ({ scenario, roster, estimates, segmentFields: spec.fields, valueBands: spec.valueBands });

  // Scored on fold f: chosen on the other fold (or, in sample, on everything).
  const choosers = folds.length === 2 ? [folds[1]!, folds[0]!] : [full];
  const policiesByFold = await Promise.all(choosers.map((chooser) => buildAll(scenario.policies, context(chooser), extra)));
  const onAll = await buildAll(scenario.policies, context(full), extra);
  const baseline = sim.baseline ?? (names.includes('round_robin') ? 'round_robin' : names[0]!);
  if (!names.includes(baseline)) throw new ImportError(`simulation.baseline: "${baseline}" is not one of the policies (${names.join(', ')}).`, { path: 'simulation.baseline' });

  const highValueSegments = juniorSegments(scenario, full);
  const world = buildWorld({
    estimatesByFold: folds,
    estimates: full,
    roster,
    history,
    horizon: { weeks: sim.weeks, volumeMultiplier: sim.volumeMultiplier, slaHours: sim.slaHours, reclaimAfterHours: sim.reclaimAfterHours },
    arrivals: sim.arrivals,
    absent: sim.absent,
    highValueSegments,
  });
  const unknownAbsent = sim.absent.filter((id) => !roster.some((r) => r.rep_id === id));
  if (unknownAbsent.length) throw new ImportError(`simulation.absent: ${unknownAbsent.map((id) => `"${id}"`).join(', ')} not in the roster.`, { path: 'simulation.absent' });

  return {
    world,
    names,
    policiesByFold,
    rules: onAll.map((p) => (p.kind === 'as_is' ? null : p.config)),
    baseline,
    scoring: sim.scoring,
    estimates: full,
    notes: comparisonNotes(sim.scoring, world, history, highValueSegments),
  };
}

async function buildAll(names: readonly PolicyName[], ctx: PolicyContext, extra: ExtraPolicy[]): Promise<SimPolicy[]> {
  const built: SimPolicy[] = [];
  let optimized: RuleConfig | null = null;
  const optimizedConfig = async () => (optimized ??= (await buildPolicy('optimized', ctx)).config);
  for (const name of names) {
    if (name === 'as_is') built.push({ name, kind: 'as_is' });
    else if (name === 'salesforce_mod') {
      const config = await optimizedConfig();
      built.push({ name, kind: 'salesforce', config, slots: salesforceSlots(config) });
    } else if (name === 'optimized') built.push({ name, kind: 'rules', config: await optimizedConfig() });
    else built.push({ name, kind: 'rules', config: (await buildPolicy(name as BuildablePolicy, ctx)).config });
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
function foldEstimates(full: Estimates, fold: Estimates): Estimates {
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
    simulationNote('decay', { floor: world.decay.floor, tauHours: world.decay.tauHours, referenceFrom: world.decay.referenceFrom }, `Decay: ${world.decay.floor} + (1 − ${world.decay.floor})·exp(−h / ${world.decay.tauHours}) relative to the history's response times (${world.decay.referenceFrom}).`),
    simulationNote('work_model', { cycleDays }, `Work: each rep first-touches their new leads first in, first out, in working hours (default Mon–Fri 9–18); a lead stays open ${cycleDays} days (the median sales cycle) after its first touch.`),
    // The same choice world.ts made: named segments when the junior share names some, else the top quarter by value.
    highValueNamed?.length ? simulationNote('high_value_named', { segments: highValueNamed.join(', ') }, highValue) : simulationNote('high_value_top_quarter', {}, highValue),
    ...(history.withoutCreatedAt > 0 ? [simulationNote('without_created_at', { count: history.withoutCreatedAt }, `${history.withoutCreatedAt} lead(s) without a creation time are not in the arrivals.`)] : []),
  ];
}
