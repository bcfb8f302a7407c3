import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { importLeads } from '../data/import-leads';
import { readRolloutRows } from '../data/rollout-leads';
import { effectForecast } from '../experiment/forecast';
import { armRuleOfExperiment, armsOf, readingArmColumn, readoutReport, type ArmRule, type ReadoutReport } from '../experiment/readout-report';
import { monitorOfPolicy } from '../experiment/monitor-report';
import type { MonitorReport } from '../experiment/monitor';
import type { Scenario } from '../model/scenario';
import { specOf } from '../pipeline/pipeline';
import { nodeWorkerPool } from '../simulate/node-pool';
import { UsageError } from './cli-error';
import { policyPair } from './policy-pair';
import { share, wholeNumber } from './flag-values';
import { leadFiles, leadMapping, openScenario } from './open-scenario';
import { namingMapping, readRulesFile, readSourceFile } from './read-files';

/** Long enough for most deals to close; the flag sets another. */
export const DEFAULT_WINDOW_DAYS = 30;

/**
 * `allot readout --scenario s.json <post-rollout export> [<joined table> …] [--control as_is]
 * [--candidate optimized] (--arm-column C | --share P --salt S | --rules rules.json [--slot-column C])
 * [--window D] [--json]` (DESIGN
 * §3.4): reads the leads created since the rollout with the scenario's mapping, reads out the
 * candidate's effect over the control per lead with a 90% interval, and sets Compare's forecast
 * for the same two policies beside it.
 */
export async function readoutCommand(db: Database, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scenario: { type: 'string' }, control: { type: 'string' }, candidate: { type: 'string' }, 'arm-column': { type: 'string' },
      share: { type: 'string' }, salt: { type: 'string' }, window: { type: 'string' }, json: { type: 'boolean', default: false },
      rules: { type: 'string' }, 'slot-column': { type: 'string' },
    },
  });
  if (!values.scenario) throw new UsageError('readout needs --scenario <file.json>.');
  if (positionals.length === 0) throw new UsageError('readout needs the export of the leads created since the rollout.');
  const arms = values.rules === undefined ? armRule(values) : await armRuleOfRules(values.rules, values);
  const windowDays = wholeNumber(values.window, '--window', 1, 730) ?? DEFAULT_WINDOW_DAYS;
  const opened = await openScenario(db, values.scenario, { runner: nodeWorkerPool() });
  const { scenario, pipeline } = opened;
  const { control, candidate } = policyPair(opened.file, scenario, values);
  // The forecast first: reading the rollout's export replaces the history in the database.
  const comparison = await pipeline.comparison(scenario);
  const forecast = effectForecast(comparison, control, candidate);
  const [estimates, history] = await Promise.all([pipeline.estimates(scenario), pipeline.history(scenario)]);
  const dir = path.dirname(path.resolve(values.scenario));
  const mapping = await leadMapping(scenario, dir);
  const { column: armColumn, mapping: withArm } = readingArmColumn(arms, mapping);
  const joined = positionals.length > 1 ? await Promise.all(positionals.slice(1).map(readSourceFile)) : (await leadFiles(scenario, dir)).slice(1);
  const leads = await namingMapping(importLeads(db, [await readSourceFile(positionals[0]!), ...joined], withArm), values.scenario, 'leads.mapping.');
  if (armColumn !== null && !leads.columns.includes(armColumn)) {
    const flag = arms.kind === 'column' ? '--arm-column' : '--slot-column';
    throw new UsageError(`${flag}: "${armColumn}" is not a column of ${path.basename(positionals[0]!)} (columns: ${leads.columns.join(', ')}).`);
  }
  const rows = await readRolloutRows(db, specOf(scenario), armColumn);
  const report = readoutReport(rows, { control, candidate, arms, windowDays, forecast });
  const weekly = monitorOfPolicy(rows, {
    policy: candidate, arms: armsOf(rows, { control, candidate, arms }), comparison, estimates, history, windowDays,
    slaHours: scenario.simulation.slaHours, volumeMultiplier: scenario.simulation.volumeMultiplier,
  });
  return values.json ? JSON.stringify({ ...report, monitor: weekly }, null, 2) : `${formatReadout(report, scenario)}\n\n${formatMonitor(weekly, candidate)}`;
}

/** Salesforce's slot formula field, where an export of leads from a slot experiment keeps the slot. */
export const DEFAULT_SLOT_COLUMN = 'Allot_Slot__c';

/**
 * The arms as the rollout's rule file splits them (its experiment block): unit, share and salt or
 * week start from the file, so the readout cannot disagree with what was exported. Flags that
 * would say it a second time are refused.
 */
async function armRuleOfRules(file: string, values: { 'arm-column'?: string; share?: string; salt?: string; 'slot-column'?: string }): Promise<ArmRule> {
  const clash = (['arm-column', 'share', 'salt'] as const).find((flag) => values[flag] !== undefined);
  if (clash) throw new UsageError(`--${clash}: the split comes from --rules ${file}; give one or the other.`);
  const config = await readRulesFile(file);
  const { experiment } = config;
  if (!experiment) throw new UsageError(`${file}: experiment: missing; this rule file carries no rollout split (write one with allot experiment --out).`);
  if (experiment.unit === 'lead' && (experiment.idField ?? 'lead_id') !== 'lead_id') throw new UsageError(`${file}: experiment.idField: the readout recomputes the hash from lead_id only, and this split hashes "${experiment.idField}"; give the arm column with --arm-column instead of --rules.`);
  if (experiment.unit !== 'slot' && values['slot-column'] !== undefined) throw new UsageError(`--slot-column: ${file} splits by ${experiment.unit}, not by slot.`);
  return armRuleOfExperiment(experiment, values['slot-column'] ?? DEFAULT_SLOT_COLUMN);
}

function armRule(values: { 'arm-column'?: string; share?: string; salt?: string; 'slot-column'?: string }): ArmRule {
  if (values['slot-column'] !== undefined) throw new UsageError('--slot-column: the slot split comes from the rollout\'s rule file: give --rules rules.json too.');
  const column = values['arm-column'];
  if (column !== undefined) {
    if (values.share !== undefined || values.salt !== undefined) throw new UsageError('readout: give either --arm-column or --share with --salt, not both.');
    return { kind: 'column', column };
  }
  const candidateShare = share(values.share, '--share');
  if (candidateShare === undefined || values.salt === undefined) throw new UsageError('readout needs the arms: --arm-column <column>, or --share <candidate share> --salt <the experiment\'s salt> to recompute the split from the lead ids.');
  return { kind: 'hash', share: candidateShare, salt: values.salt };
}


const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function formatReadout(report: ReadoutReport, scenario: Scenario): string {
  const { readout: r, forecast } = report;
  const by = describeArms(report.arms);
  const lines = [
    `Readout of ${scenario.name}: ${report.candidate} (candidate) against ${report.control} (control), arms by ${by}.`,
    `Leads created ${day(report.firstCreatedMs)} … ${day(report.lastCreatedMs)}; outcomes as of ${day(report.asOfMs)} (the export's latest date).`,
    `A lead counts as converted when won within ${report.windowDays} days of creation. ${r.tooYoung.toLocaleString('en-US')} leads younger than that are left out, not counted as lost.`,
    ...(r.unmatched ? [`${r.unmatched.toLocaleString('en-US')} leads in segments only one arm reached are left out.`] : []),
    ...(report.withoutArm ? [`${report.withoutArm.toLocaleString('en-US')} leads with no arm are left out.`] : []),
    ...(r.wonWithoutDate ? [`${r.wonWithoutDate.toLocaleString('en-US')} won leads have no close date and count as won within the window.`] : []),
    '',
    `arm         leads   won in ${report.windowDays} d   rate`,
    ...(['control', 'candidate'] as const).map((arm) => `${arm.padEnd(10)}${r[arm].leads.toLocaleString('en-US').padStart(7)}${r[arm].converted.toLocaleString('en-US').padStart(11)}   ${(100 * r[arm].rate).toFixed(1)}%`),
    '',
    `Effect of the candidate, adjusted for the segment mix (${r.segments} segments): ${points(r.effect)} conversions per 100 leads, 90% interval ${points(r.low)} … ${points(r.high)}.`,
    forecast
      ? `Forecast (Compare, ${forecast.replications} replications): ${points(forecast.mean)} conversions per 100 leads, 90% interval ${points(forecast.lo)} … ${points(forecast.hi)}.`
      : 'No forecast to compare with.',
    verdictLine(report),
  ];
  return lines.join('\n');
}

function describeArms(arms: ArmRule): string {
  switch (arms.kind) {
    case 'column':
      return `the arm column "${arms.column}"`;
    case 'hash':
      return `the lead ids (split ${+(arms.share * 100).toFixed(2)}% to the candidate, salt "${arms.salt}")`;
    case 'slot':
      return `the slot in "${arms.column}" (mod 100: below ${Math.round(arms.share * 100)} is the candidate's)`;
    case 'week':
      return `the creation week (whole weeks from Monday ${arms.weekStart}, ${+(arms.share * 100).toFixed(2)}% of them to the candidate)`;
  }
}

function verdictLine(report: ReadoutReport): string {
  switch (report.verdict) {
    case 'held':
      return 'The forecast held: its expected effect lies within the measured 90% interval.';
    case 'above':
      return 'The forecast did not hold: the candidate did better than forecast (the measured interval lies above the forecast).';
    case 'below':
      return 'The forecast did not hold: the candidate did worse than forecast (the measured interval lies below the forecast).';
    case 'no_forecast':
      return '';
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const whole = (x: number) => Math.round(x).toLocaleString('en-US');

export function formatMonitor(report: MonitorReport, policy: string): string {
  const lines = [
    `Week by week, ${policy}'s leads: won within ${report.windowDays} days against the 90% band the estimates give for those leads.`,
    'week of      leads   won   band          SLA breach',
  ];
  for (const w of report.weeks) {
    const head = `${day(w.fromMs)}${whole(w.leads).padStart(8)}`;
    if (!w.complete) {
      lines.push(`${head}     —   (leads younger than ${report.windowDays} days: not judged yet)`);
      continue;
    }
    const moved = !w.moved ? '' : w.moved.kind === 'rep_rate'
      ? `: ${w.moved.rep} won ${w.moved.won} of ${w.moved.leads} (${w.moved.expected.toFixed(1)} expected)`
      : `: ${w.moved.segment} brought ${w.moved.leads} leads (${w.moved.expected.toFixed(0)} expected)`;
    const flag = w.outside ? `   ${w.outside} the band${moved}` : '';
    const sla = Number.isNaN(w.slaBreachRate) ? 'no first touches' : `${pct(w.slaBreachRate)}${w.slaOutside ? ` (${w.slaOutside} forecast)` : ''}`;
    lines.push(`${head}${whole(w.won).padStart(6)}   ${`${whole(w.lo)} … ${whole(w.hi)}`.padEnd(12)}  ${sla}${flag}`);
  }
  const reps = report.reps.filter((r) => r.forecast).map((r) => `${r.rep} ${r.leadsPerWeek.toFixed(1)}${r.outside ? ` (${r.outside} ${r.forecast!.lo.toFixed(1)} … ${r.forecast!.hi.toFixed(1)})` : ''}`);
  if (reps.length) lines.push(`Leads per week per rep, against Compare's forecast (flagged when outside its 90% interval): ${reps.join(', ')}.`);
  return lines.join('\n');
}
