import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { aboutWeeks, DEFAULT_DESIGN_REPLICATIONS, DEFAULT_MAX_WEEKS, POWER_TARGET, simulateDesign, UNITS, type DesignResult, type Unit } from '../experiment/design';
import { MAX_REPLICATIONS } from '../model/scenario';
import { UsageError } from './cli-error';
import { policyPair } from './policy-pair';
import { share, wholeNumber } from './flag-values';
import { openScenario } from './open-scenario';

export const EXPERIMENT_USAGE = `experiment --scenario s.json [--control as_is] [--candidate optimized] [--unit lead|slot|week] [--share 0.5]
        [--max-weeks 26] [--replications N] [--seed K] [--json]
    Design a rollout: simulate the experiment itself (both arms sharing the reps) and report the
    weeks of enrolment to detect the forecast gain at 80% power, the power curve, and the bias the
    design carries against deploying the candidate to everyone (interference, carry-over).`;

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
    },
  });
  if (!values.scenario) throw new UsageError('experiment needs --scenario <file.json>.');
  const unit = (values.unit ?? 'lead') as Unit;
  if (!UNITS.includes(unit)) throw new UsageError(`--unit: "${values.unit}": give lead, slot or week.`);
  const candidateShare = share(values.share, '--share') ?? 0.5;
  const maxWeeks = wholeNumber(values['max-weeks'], '--max-weeks', 1, MAX_WEEKS) ?? DEFAULT_MAX_WEEKS;
  const replications = wholeNumber(values.replications, '--replications', 1, MAX_REPLICATIONS) ?? DEFAULT_DESIGN_REPLICATIONS;
  const seedFlag = wholeNumber(values.seed, '--seed', -2_147_483_648, 2_147_483_647);
  const opened = await openScenario(db, values.scenario);
  const { scenario, pipeline } = opened;
  const { control, candidate } = policyPair(opened.file, scenario, values);
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
  if (values.json) return JSON.stringify({ ...result, simulateMs: Math.round(ms) }, null, 2);
  return formatDesign(scenario.name, result, ms);
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
