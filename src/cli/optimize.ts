import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { ImportError } from '../model/errors';
import { textsOf } from '../model/message';
import { PolicyError, toCplexLp, type OptimalPlan } from '../optimize';
import { UsageError } from './cli-error';
import { openScenario } from './open-scenario';

/** `allot optimize --scenario s.json --out rules.json [--lp model.lp] [--json]` (DESIGN §2.5). */
export async function optimizeCommand(db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { scenario: { type: 'string' }, out: { type: 'string' }, lp: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.scenario || !values.out) throw new UsageError('optimize needs --scenario <file.json> and --out <rules.json>.');
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
  await writeFile(values.out, JSON.stringify(config, null, 2) + '\n');
  if (values.lp) {
    const [title, size, ...rest] = toCplexLp(result.model, `allot: ${scenario.name}`).split('\n');
    const legend = [
      ...roster.map((rep, r) => `\\ rep ${r}: ${rep.rep_id} (${rep.name}), capacity ${rep.capacity_per_week}/week${rep.active ? '' : ', inactive'}`),
      ...estimates.segments.map((seg, s) => `\\ segment ${s}: ${seg.key}, ${+seg.perWeek.toFixed(3)} leads/week`),
    ];
    await writeFile(values.lp, [title, size, ...legend, ...rest].join('\n'));
  }

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
      ...(rosterNotes.length ? { roster: { origin: 'inferred', notes: rosterNotes } } : {}),
    }, null, 2);
  }
  const unit = scenario.objective.maximize === 'revenue' ? 'expected won value/week' : 'expected conversions/week';
  const out = [
    `${scenario.name}: ${result.status} (${result.solver}, ${result.ms.toFixed(0)} ms; ${result.model.colNames.length} variables, ${result.model.rows.length} constraints)`,
    `Objective: ${objective.toFixed(2)} ${unit}; ${result.totals.conversionsPerWeek.toFixed(2)} conversions from ${result.totals.leadsPerWeek.toFixed(1)} leads/week${result.totals.overflowPerWeek > 1e-9 ? `, ${result.totals.overflowPerWeek.toFixed(1)} to overflow` : ''}.`,
    '',
    'Expected load per rep (leads/week vs capacity):',
    ...result.perRep.map((p, r) => {
      const rep = roster[r]!;
      const use = rep.capacity_per_week > 0 ? ` (${(100 * p.leadsPerWeek / rep.capacity_per_week).toFixed(0)}%)` : '';
      return `  ${rep.rep_id} ${rep.name}: ${p.leadsPerWeek.toFixed(1)} / ${rep.capacity_per_week}${use}, ${p.conversionsPerWeek.toFixed(2)} conversions${rep.active ? '' : ' [inactive]'}`;
    }),
    '',
    `Rules: ${values.out}${values.lp ? `; LP: ${values.lp}` : ''}`,
    ...[...rosterNotes, ...textsOf([...result.overflowNotes, ...result.warnings])].map((w) => `Note: ${w}`),
  ];
  return out.join('\n');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
