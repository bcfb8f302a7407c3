import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { aboutWeeks, DEFAULT_DESIGN_REPLICATIONS, DEFAULT_MAX_WEEKS, POWER_TARGET, simulateDesign, UNITS, type DesignResult, type Unit } from '../experiment/design';
import { withExperiment, type SplitSpec } from '../experiment/experiment-rules';
import type { RuleConfig } from '../model/rules';
import { MAX_REPLICATIONS, type RulePolicy, type Scenario } from '../model/scenario';
import type { Pipeline } from '../pipeline';
import { dayNumber, isMonday } from '../route';
import { checkOutputFile } from './output-path';
import { UsageError } from './cli-error';
import { policyPair } from './policy-pair';
import { share, wholeNumber } from './flag-values';
import { openScenario } from './open-scenario';

export const EXPERIMENT_USAGE = `experiment --scenario s.json [--control as_is] [--candidate optimized] [--unit lead|slot|week] [--share 0.5]
        [--max-weeks 26] [--replications N] [--seed K] [--out rules.json [--salt S] [--week-start YYYY-MM-DD]] [--json]
    Design a rollout: simulate the experiment itself (both arms sharing the reps) and report the
    weeks of enrolment to detect the forecast gain at 80% power, the power curve, and the bias the
    design carries against deploying the candidate to everyone (interference, carry-over).
    --out writes the rollout's rule file (allot.rules/v2 with its experiment block) for "allot export":
    the candidate's rules, the control's (as_is: left to the current process), the split; --salt sets
    the lead split's hash salt, --week-start the Monday a week split starts on (required for --unit week).`;

const MAX_WEEKS = 104;
const UNIT_WORDS: Record<Unit, string> = { lead: 'a stable hash of the lead id', slot: 'the Salesforce slot (AutoNumber mod 100)', week: 'whole weeks alternating (switchback)' };

/**
 * `allot experiment --scenario s.json …` (DESIGN §3.4, issue 15): the power and the bias of a
 * rollout design, measured by simulating the experiment with the scenario's simulator.
 */
export async function experimentCommand(db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' }, control: { type: 'string' }, candidate: { type: 'string' }, unit: { type: 'string' }, share: { type: 'string' },
      'max-weeks': { type: 'string' }, replications: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean', default: false },
      out: { type: 'string' }, salt: { type: 'string' }, 'week-start': { type: 'string' },
    },
  });
  if (!values.scenario) throw new UsageError('experiment needs --scenario <file.json>.');
  const unit = (values.unit ?? 'lead') as Unit;
  if (!UNITS.includes(unit)) throw new UsageError(`--unit: "${values.unit}": give lead, slot or week.`);
  const candidateShare = share(values.share, '--share') ?? 0.5;
  const maxWeeks = wholeNumber(values['max-weeks'], '--max-weeks', 1, MAX_WEEKS) ?? DEFAULT_MAX_WEEKS;
  const replications = wholeNumber(values.replications, '--replications', 1, MAX_REPLICATIONS) ?? DEFAULT_DESIGN_REPLICATIONS;
  const seedFlag = wholeNumber(values.seed, '--seed', -2_147_483_648, 2_147_483_647);
  const split = splitFlags(values, unit, candidateShare);
  await checkOutputFile('--out', values.out, 'rules.json');
  const opened = await openScenario(db, values.scenario);
  const { scenario, pipeline } = opened;
  const { control, candidate } = policyPair(opened.file, scenario, values);
  // The file first: a refused pairing (as_is as the candidate) must not wait for the simulation.
  const rules = values.out === undefined ? null : await rolloutRules(pipeline, scenario, { control, candidate }, split);
  const seed = seedFlag ?? scenario.simulation.seed;
  const progress = !values.json && process.stderr.isTTY;
  const prepared = await pipeline.prepared(scenario);
  const started = performance.now();
  const result = simulateDesign(prepared, { control, candidate, unit, share: candidateShare, maxWeeks }, {
    replications, seed,
    onProgress: progress ? (done, total) => process.stderr.write(`\rsimulating the experiment: ${done}/${total} replications`) : undefined,
  });
  if (progress) process.stderr.write('\n');
  const ms = performance.now() - started;
  if (rules !== null) await writeRules(values.out!, rules);
  if (values.json) return JSON.stringify({ ...result, simulateMs: Math.round(ms), ...(rules ? { rules: values.out, experiment: rules.experiment } : {}) }, null, 2);
  const written = rules === null ? '' : `\n\n${describeWritten(values.out!, rules)}`;
  return formatDesign(scenario.name, result, ms) + written;
}

type Split = Pick<SplitSpec, 'unit' | 'candidateShare' | 'salt' | 'weekStart'>;

/** The split the rule file will carry; each flag that does not fit the unit named in one line. */
function splitFlags(values: { salt?: string; 'week-start'?: string; out?: string }, unit: Unit, candidateShare: number): Split {
  const salt = values.salt;
  const weekStart = values['week-start'];
  if ((salt !== undefined || weekStart !== undefined) && values.out === undefined) throw new UsageError(`${salt !== undefined ? '--salt' : '--week-start'} only shapes the rule file: give --out rules.json too.`);
  if (salt !== undefined && unit !== 'lead') throw new UsageError(`--salt: only a lead split (--unit lead) hashes lead ids; --unit ${unit} takes no salt.`);
  if (salt !== undefined && salt.trim() === '') throw new UsageError('--salt: give some text (a new salt reshuffles the leads).');
  if (weekStart !== undefined && unit !== 'week') throw new UsageError(`--week-start: only a week split (--unit week) starts on a Monday; --unit ${unit} takes no --week-start.`);
  if (unit === 'week' && values.out !== undefined && weekStart === undefined) throw new UsageError('--week-start: a week split (--unit week) needs the Monday its first week starts on, e.g. --week-start 2026-12-07.');
  if (weekStart !== undefined && !isMondayText(weekStart)) throw new UsageError(`--week-start: "${weekStart}" is not a Monday written YYYY-MM-DD (e.g. 2026-12-07).`);
  if (values.out !== undefined && unit === 'slot' && Math.abs(candidateShare * 100 - Math.round(candidateShare * 100)) > 1e-6) throw new UsageError(`--share: "${candidateShare}": a slot split is in whole slots of 1% (e.g. 0.3 or 30%).`);
  return { unit, candidateShare, ...(salt !== undefined ? { salt } : {}), ...(weekStart !== undefined ? { weekStart } : {}) };
}

function isMondayText(text: string): boolean {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayNumber(text) : null;
  return day !== null && isMonday(day);
}

/**
 * The rollout's rule file: both policies built by the pipeline (the builder `allot optimize` uses),
 * the control `as_is` left to the current process (it has no rules: it is whatever the team does now).
 */
async function rolloutRules(pipeline: Pipeline, scenario: Scenario, pair: { control: string; candidate: string }, split: Split): Promise<RuleConfig> {
  if (pair.candidate === 'as_is') throw new UsageError('--candidate as_is: today\'s practice has no rules to roll out; pick a policy for the candidate (e.g. optimized).');
  const build = async (name: string) => (await pipeline.policy(scenario, name as RulePolicy)).config;
  const candidate = await build(pair.candidate);
  const control = pair.control === 'as_is' ? 'keepCurrent' : await build(pair.control);
  return withExperiment(candidate, control, { ...split, name: `${pair.candidate} vs ${pair.control}`, controlName: pair.control === 'as_is' ? 'as is' : undefined });
}

async function writeRules(file: string, rules: RuleConfig): Promise<void> {
  await writeFile(file, JSON.stringify(rules, null, 2) + '\n').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--out ${file}: cannot write the rule file (${error.code ?? error.message}).`);
  });
}

function describeWritten(file: string, rules: RuleConfig): string {
  const e = rules.experiment!;
  const how = e.unit === 'lead' ? `lead ids hashed with salt "${e.salt}"` : e.unit === 'slot' ? 'the slot (sequence mod 100)' : `whole weeks from Monday ${e.weekStart}`;
  const control = 'keepCurrent' in e.control ? `${e.control.name} (left to the current process)` : e.control.name;
  return `Wrote ${file} (allot.rules/v2): ${rules.name} as the candidate on ${pct(e.candidateShare)} of the ${e.unit === 'week' ? 'weeks' : 'leads'} by ${how}, against ${control}. Export it with: allot export --rules ${file} --target <target> --out <folder>`;
}

const points = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(2)}` : '—');
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

export function formatDesign(name: string, r: DesignResult, ms: number): string {
  const { design } = r;
  const split = design.unit === 'week' ? `${pct(design.share)} of the weeks` : `${pct(design.share)} of the leads`;
  const shown = r.powerCurve.filter((pt) => pt.weeks % 2 === 0 || pt.weeks === design.maxWeeks);
  const lines = [
    `Rollout design for ${name}: ${design.candidate} (candidate) against ${design.control} (control), split by ${UNIT_WORDS[design.unit]}, ${split} to the candidate.`,
    `${r.replications} replications of the experiment itself (both arms sharing the reps and their capacity), seed ${r.seed}, ${(ms / 1000).toFixed(1)} s.`,
    `Forecast gain (candidate everywhere − control everywhere, same draws): ${points(r.fullDeployment.mean)} conversions per 100 leads, 90% interval ${points(r.fullDeployment.lo)} … ${points(r.fullDeployment.hi)}.`,
    '',
    r.weeksToPower === null
      ? `Weeks to ${pct(POWER_TARGET)} power: not within ${design.maxWeeks} weeks${r.weeksExtrapolated === null ? '' : ` (${aboutWeeks(r.weeksExtrapolated)} by extrapolation, not simulated)`}.`
      : `Weeks to ${pct(POWER_TARGET)} power: ${r.weeksToPower} weeks of enrolment, then the readout's window for the last leads' outcomes.`,
    'Power: share of simulated rollouts whose readout (segment-adjusted, 90% interval) excludes 0 on the side of the gain.',
    'weeks  power  estimate  ± 90%',
    ...shown.map((pt) => `${String(pt.weeks).padStart(5)}  ${pct(pt.power).padStart(5)}  ${points(pt.meanEstimate).padStart(8)}  ${`±${(100 * pt.meanHalfWidth).toFixed(2)}`.padStart(6)}`),
    '(estimate and ± in conversions per 100 leads, mean over the replications)',
    '',
    `Bias over ${design.maxWeeks} weeks: ${points(r.bias.mean)} conversions per 100 leads (90% interval ${points(r.bias.lo)} … ${points(r.bias.hi)}): the experiment's estimate ${points(r.designEstimate.mean)} against full deployment's ${points(r.fullDeployment.mean)}.`,
    ...r.statements.map((s) => `Note: ${s}`),
  ];
  return lines.join('\n');
}
