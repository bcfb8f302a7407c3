import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { ImportError } from '../model/errors';
import { repLabel } from '../model/roster';
import { textsOf } from '../model/message';
import { isPlanFlag, PolicyError, toCplexLp, type OptimalPlan } from '../optimize';
import { UsageError } from './cli-error';
import { openScenario } from './open-scenario';
import { checkOutputFile } from './output-path';

/** `allot optimize --scenario s.json --out rules.json [--lp model.lp] [--json]` (DESIGN §2.5). */
export async function optimizeCommand(db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { scenario: { type: 'string' }, out: { type: 'string' }, lp: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.scenario || !values.out) throw new UsageError('optimize needs --scenario <file.json> and --out <rules.json>.');
  await checkOutputFile('--out', values.out, 'rules.json');
  await checkOutputFile('--lp', values.lp, 'model.lp');
  const { scenario, pipeline } = await openScenario(db, values.scenario);
  const estimates = await pipeline.estimates(scenario);
  const { reps: roster, origin } = await pipeline.roster(scenario);
  const rosterNotes = origin.kind === 'inferred' ? origin.notes : [];
  const policy = await pipeline.policy(scenario, 'optimized').catch((error: unknown) => {
    if (error instanceof PolicyError && error.result.status !== 'solver-error') throw new ImportError(`${values.scenario}: ${error.message}`, { file: values.scenario });
    throw error;
  });
  const result = policy.plan as OptimalPlan;
  const config = policy.config;
  const view = await pipeline.plan(scenario);
  const floor = view.status === 'optimal' ? await pipeline.floorCost(scenario) : null;
  const flags = result.warnings.filter(isPlanFlag);
  await writeFile(values.out, JSON.stringify(config, null, 2) + '\n');
  if (values.lp) {
    const [title, size, ...rest] = toCplexLp(result.model, `allot: ${scenario.name}`).split('\n');
    const legend = [
      ...roster.map((rep, r) => `\\ rep ${r}: ${repLabel(rep)}, capacity ${rep.capacity_per_week}/week${rep.active ? '' : ', inactive'}`),
      ...estimates.segments.map((seg, s) => `\\ segment ${s}: ${seg.key}, ${+seg.perWeek.toFixed(3)} leads/week`),
    ];
    await writeFile(values.lp, [title, size, ...legend, ...rest].join('\n'));
  }

  // What the plan would harm is a warning, one line each on stderr, whatever the output format;
  // only once the files are written, so a refusal stays the one line on stderr.
  for (const flag of flags) process.stderr.write(`allot: warning: ${flag.text}\n`);
  const objective = scenario.objective.maximize === 'revenue' ? result.totals.valuePerWeek : result.totals.conversionsPerWeek;
  if (values.json) {
    return JSON.stringify({
      status: result.status,
      objective: round(objective),
      solveMs: round(result.ms),
      variables: result.model.colNames.length,
      constraints: result.model.rows.length,
      rules: values.out,
      ...(values.lp ? { lp: values.lp } : {}),
      warnings: textsOf([...result.warnings, ...result.overflowNotes]),
      flags,
      headroom: scenario.constraints.headroom,
      floorCost: floor && { floor: floor.floor, conversionsPerWeek: round(floor.conversionsPerWeek), weeks: floor.weeks, conversions: round(floor.conversions), valuePerWeek: round(floor.valuePerWeek), withFloor: floor.withFloor, withoutFloor: floor.withoutFloor, lifted: floor.lifted, text: floor.note.text },
      ...(rosterNotes.length ? { roster: { origin: 'inferred', notes: rosterNotes } } : {}),
    }, null, 2);
  }
  const unit = scenario.objective.maximize === 'revenue' ? 'expected won value/week' : 'expected conversions/week';
  const out = [
    `${scenario.name}: ${result.status} (${result.solver}, ${result.ms.toFixed(0)} ms; ${result.model.colNames.length} variables, ${result.model.rows.length} constraints)`,
    `Objective: ${objective.toFixed(2)} ${unit}; ${result.totals.conversionsPerWeek.toFixed(2)} conversions from ${result.totals.leadsPerWeek.toFixed(1)} leads/week${result.totals.overflowPerWeek > 1e-9 ? `, ${result.totals.overflowPerWeek.toFixed(1)} to overflow` : ''}.`,
    planning(scenario.constraints),
    ...(floor ? [`Floor: ${floor.note.text}`] : []),
    '',
    'Expected load per rep (leads/week vs capacity):',
    ...result.perRep.map((p, r) => {
      const rep = roster[r]!;
      const use = rep.capacity_per_week > 0 ? ` (${(100 * p.leadsPerWeek / rep.capacity_per_week).toFixed(0)}%)` : '';
      return `  ${rep.rep_id} ${rep.name}: ${p.leadsPerWeek.toFixed(1)} / ${rep.capacity_per_week}${use}, ${p.conversionsPerWeek.toFixed(2)} conversions${rep.active ? '' : ' [inactive]'}`;
    }),
    '',
    `Rules: ${values.out}${values.lp ? `; LP: ${values.lp}` : ''}`,
    ...[...rosterNotes, ...textsOf([...result.overflowNotes, ...result.warnings.filter((w) => !isPlanFlag(w))])].map((w) => `Note: ${w}`),
  ];
  return out.join('\n');
}

/** The two defaults a reader should know the plan was made with. */
function planning(c: { capacity: boolean; headroom: number; repFloor: number }): string {
  const pct = (x: number) => `${+(100 * x).toFixed(1)}%`;
  const room = !c.capacity ? 'capacity not enforced (constraints.capacity false)'
    : c.headroom > 0 ? `reps planned to ${pct(1 - c.headroom)} of capacity (constraints.headroom ${c.headroom})` : 'reps planned to full capacity (constraints.headroom 0)';
  const floor = c.repFloor > 0 ? `every active eligible rep gets at least ${pct(c.repFloor)} of capacity where demand allows (constraints.repFloor ${c.repFloor})` : 'no floor per rep (constraints.repFloor 0)';
  return `Planning: ${room}; ${floor}.`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
