import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { BLANK, valueBandLabels } from '../data/estimation-inputs';
import { ImportError } from '../data/import-error';
import type { SegmentEstimate } from '../estimate/estimate';
import type { Condition } from '../model/rules';
import { optimize, planToRuleConfig, toCplexLp } from '../optimize';
import { problemFromEstimates } from '../optimize/from-estimates';
import { UsageError } from './cli-error';
import { loadEstimates } from './estimate';

/** `allot optimize --scenario s.json --out rules.json [--lp model.lp] [--json]` (DESIGN §2.5). */
export async function optimizeCommand(db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { scenario: { type: 'string' }, out: { type: 'string' }, lp: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.scenario || !values.out) throw new UsageError('optimize needs --scenario <file.json> and --out <rules.json>.');
  const { scenario, roster, spec, estimates } = await loadEstimates(db, values.scenario);
  if (roster.length === 0) throw new ImportError(`${values.scenario}: roster: optimize needs a roster (reps with capacity); add "roster": { "path": … }.`, { file: values.scenario, path: 'roster' });
  const problem = problemFromEstimates(estimates, roster, scenario);
  const result = await optimize(problem, { solver: 'auto' });
  if (result.status === 'infeasible') throw new ImportError(`${values.scenario}: infeasible: ${result.conflicts.join('; ')}`, { file: values.scenario });
  if (result.status === 'invalid') throw new ImportError(`${values.scenario}: ${result.errors.join('; ')}`, { file: values.scenario });
  if (result.status === 'solver-error') throw new Error(result.message);

  const byId = new Map(roster.map((r) => [r.rep_id, r]));
  const config = planToRuleConfig(problem, result, {
    name: scenario.name,
    segmentFields: spec.fields,
    when: (s) => segmentCondition(estimates.segments[s]!, spec.valueBands),
    repDetails: (r) => {
      const rep = byId.get(problem.reps[r]!.id)!;
      return { name: rep.name, crmUser: rep.crm_user || rep.rep_id };
    },
  });
  await writeFile(values.out, JSON.stringify(config, null, 2) + '\n');
  if (values.lp) {
    const [title, size, ...rest] = toCplexLp(result.model, `allot: ${scenario.name}`).split('\n');
    const legend = [
      ...problem.reps.map((rep, r) => `\\ rep ${r}: ${rep.id} (${byId.get(rep.id)!.name}), capacity ${rep.capacityPerWeek}/week${rep.active ? '' : ', inactive'}`),
      ...problem.segments.map((seg, s) => `\\ segment ${s}: ${seg.key}, ${+seg.demandPerWeek.toFixed(3)} leads/week`),
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
      warnings: [...result.warnings, ...result.overflowNotes],
    }, null, 2);
  }
  const unit = scenario.objective.maximize === 'revenue' ? 'expected won value/week' : 'expected conversions/week';
  const out = [
    `${scenario.name}: ${result.status} (${result.solver}, ${result.ms.toFixed(0)} ms; ${result.model.colNames.length} variables, ${result.model.rows.length} constraints)`,
    `Objective: ${objective.toFixed(2)} ${unit}; ${result.totals.conversionsPerWeek.toFixed(2)} conversions from ${result.totals.leadsPerWeek.toFixed(1)} leads/week${result.totals.overflowPerWeek > 1e-9 ? `, ${result.totals.overflowPerWeek.toFixed(1)} to overflow` : ''}.`,
    '',
    'Expected load per rep (leads/week vs capacity):',
    ...result.perRep.map((p, r) => {
      const rep = problem.reps[r]!;
      const name = byId.get(rep.id)!.name;
      const use = rep.capacityPerWeek > 0 ? ` (${(100 * p.leadsPerWeek / rep.capacityPerWeek).toFixed(0)}%)` : '';
      return `  ${rep.id} ${name}: ${p.leadsPerWeek.toFixed(1)} / ${rep.capacityPerWeek}${use}, ${p.conversionsPerWeek.toFixed(2)} conversions${rep.active ? '' : ' [inactive]'}`;
    }),
    '',
    `Rules: ${values.out}${values.lp ? `; LP: ${values.lp}` : ''}`,
    ...[...result.overflowNotes, ...result.warnings].map((w) => `Note: ${w}`),
  ];
  return out.join('\n');
}

/** The leads of one segment: each segment field equals its value (blank: empty), and its value band. */
export function segmentCondition(segment: SegmentEstimate, valueBands: number[]): Condition {
  const parts: Condition[] = Object.entries(segment.fields).map(([field, value]) => (value === BLANK ? { field, op: 'empty' } : { field, op: 'eq', value }));
  if (segment.valueBand !== null) {
    const i = valueBandLabels(valueBands).indexOf(segment.valueBand);
    if (i < 0) parts.push({ field: 'value', op: 'empty' });
    else {
      if (i > 0) parts.push({ field: 'value', op: 'gte', value: valueBands[i - 1]! });
      if (i < valueBands.length) parts.push({ field: 'value', op: 'lt', value: valueBands[i]! });
    }
  }
  return parts.length === 1 ? parts[0]! : { all: parts };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
