import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import type { Comparison } from '../simulate/compare';
import { nodeWorkerPool } from '../simulate/node-pool';
import type { PreparedComparison } from '../simulate/prepare';
import { verdicts } from '../simulate/verdict';
import { MAX_REPLICATIONS } from '../model/scenario';
import { UsageError } from './cli-error';
import { wholeNumber } from './flag-values';
import { openScenario } from './open-scenario';
import { readRulesFile } from './read-files';
import type { Interval, MetricName } from '../model/comparison';
import type { Scenario } from '../model/scenario';
import { isPlanFlag, type OptimizeMessage } from '../optimize';
import type { Pipeline } from '../pipeline/pipeline';

/**
 * `allot simulate --scenario s.json [--rules a.json …] [--replications N] [--seed K] [--threads T] [--json]`
 * (DESIGN §2.5): builds the scenario's policies (the optimized one included), adds any rule files,
 * and compares them in simulation with 90% intervals and paired differences against the baseline.
 */
export async function simulateCommand(db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' }, rules: { type: 'string', multiple: true }, replications: { type: 'string' }, seed: { type: 'string' },
      threads: { type: 'string' }, json: { type: 'boolean', default: false },
    },
  });
  if (!values.scenario) throw new UsageError('simulate needs --scenario <file.json>.');
  const replications = wholeNumber(values.replications, '--replications', 1, MAX_REPLICATIONS);
  const seed = wholeNumber(values.seed, '--seed', -2_147_483_648, 2_147_483_647);
  const threads = wholeNumber(values.threads, '--threads', 1, MAX_THREADS);
  const { scenario, pipeline } = await openScenario(db, values.scenario, { runner: nodeWorkerPool(threads) });
  const extra = await Promise.all((values.rules ?? []).map(async (file) => ({ name: path.basename(file).replace(/\.json$/i, ''), config: await readRulesFile(file) })));
  // The simulator runs one policy per rule file; an experiment's two arms would be read as its candidate alone.
  const split = extra.findIndex((e) => e.config.experiment !== undefined);
  if (split >= 0) throw new UsageError(`${values.rules![split]}: experiment: simulate compares whole policies; simulate the rollout with allot experiment, or drop the experiment block to compare the candidate.`);
  const started = performance.now();
  const progress = !values.json && process.stderr.isTTY;
  const prepared = await pipeline.prepared(scenario, { extra });
  const result = await pipeline.comparison(scenario, {
    extra,
    ...(replications === undefined ? {} : { replications }),
    ...(seed === undefined ? {} : { seed }),
    onProgress: progress ? ({ done, total, stage }) => stage === 'simulating' && process.stderr.write(`\rsimulating: ${done}/${total} replications`) : undefined,
  });
  if (progress) process.stderr.write('\n');
  const ms = performance.now() - started;
  const said = verdicts(result, scenario.simulation.weeks);
  const warnings = await planWarnings(scenario, pipeline);
  for (const w of warnings) process.stderr.write(`allot: warning: ${w.policy}: ${w.text}\n`);
  if (values.json) return JSON.stringify({ ...toJson(result, prepared.rules, ms), verdict: said.map((v) => v.text), warnings }, null, 2);
  return [format(scenario.name, result, ms), '', ...said.map((v) => `Verdict: ${v.text}`)].join('\n');
}

/**
 * What the optimized plan compared here would harm (the one built on the whole history, which is
 * what an export deploys), named per policy that runs it: never passed quietly.
 */
async function planWarnings(scenario: Scenario, pipeline: Pipeline): Promise<Array<OptimizeMessage & { policy: string }>> {
  const runs = scenario.policies.filter((p) => p === 'optimized' || p === 'salesforce_mod');
  if (runs.length === 0) return [];
  const { plan } = await pipeline.policy(scenario, 'optimized');
  const flags = plan?.status === 'optimal' ? plan.warnings.filter(isPlanFlag) : [];
  return runs.flatMap((policy) => flags.map((flag) => ({ policy, ...flag })));
}

/** Worker threads beyond the cores only queue for them; 64 covers any machine this runs on. */
const MAX_THREADS = 64;


function toJson(result: Comparison, rules: PreparedComparison['rules'], ms: number) {
  return {
    baseline: result.baseline,
    scoring: result.scoring,
    replications: result.replications,
    seed: result.seed,
    simulateMs: Math.round(ms),
    notes: result.notes.map((n) => n.text),
    policies: result.policies.map((p, k) => ({ name: p.name, rules: rules[k], metrics: p.metrics, vsBaseline: p.vsBaseline, reps: p.reps })),
  };
}

const SHOWN: Array<[MetricName, string, (x: number) => string]> = [
  ['conversions', 'conversions', (x) => x.toFixed(1)],
  ['conversionRate', 'conv. rate', (x) => `${(100 * x).toFixed(1)}%`],
  ['revenue', 'revenue', (x) => Math.round(x).toLocaleString('en-US')],
  ['firstTouchHoursP50', '1st touch h (p50)', (x) => x.toFixed(1)],
  ['slaBreachRate', 'SLA breach', (x) => `${(100 * x).toFixed(1)}%`],
  ['fallbackShare', 'to fallback', (x) => `${(100 * x).toFixed(1)}%`],
  ['unassignedShare', 'queued/unassigned', (x) => `${(100 * x).toFixed(1)}%`],
  ['giniLeads', 'Gini leads', (x) => x.toFixed(3)],
  ['maxUtilization', 'max util.', (x) => `${(100 * x).toFixed(0)}%`],
];

function format(name: string, result: Comparison, ms: number): string {
  const range = (i: Interval, f: (x: number) => string) => `${f(i.mean)} (${f(i.lo)} … ${f(i.hi)})`;
  const signed = (f: (x: number) => string) => (x: number) => (x > 0 ? '+' : '') + f(x);
  const lines = [
    `${name}: ${result.replications} replications, seed ${result.seed}, ${result.scoring === 'cross_fit' ? 'cross-fit' : 'in-sample'} scoring, ${(ms / 1000).toFixed(1)} s`,
    `Means with 90% intervals over the replications; Δ = paired difference against ${result.baseline} (same draws).`,
    '',
  ];
  for (const [metric, label, f] of SHOWN) {
    lines.push(`${label}:`);
    for (const p of result.policies) {
      const delta = p.name === result.baseline ? 'baseline' : `Δ ${range(p.vsBaseline[metric], signed(f))}`;
      lines.push(`  ${p.name.padEnd(16)} ${range(p.metrics[metric], f).padEnd(34)} ${delta}`);
    }
  }
  lines.push('', ...result.notes.map((n) => `Note: ${n.text}`));
  return lines.join('\n');
}

