/**
 * Routing speed: leads per second through the router runtime (src/route) on a territory ×
 * product config: event leads first to the least-loaded rep, then 9 weighted territory rules and
 * the fallback, 15 reps.
 * Reference in the same run: a loop that only finds each lead's rule in a Map keyed by its
 * region and product, the least any router must do, so the ratio says what the router's
 * conditions, pools, caps and audit reasons cost on top.
 * Options: --leads N (default 100000) --reps N (best of, default 5).
 */
import { createRng } from '../data/generator/random';
import { parseRuleConfig, type RuleConfig } from '../src/model/rules';
import { compileRules, createRouterState, route, type Lead } from '../src/route';
import type { BenchBody, BenchOptions } from './report';

const REGIONS = ['East', 'North', 'South'];
const PRODUCTS = ['Starter', 'Pro', 'Enterprise'];
const SOURCES = ['Web', 'Referral', 'Event', 'Ads'];

export async function run({ options, log }: BenchOptions): Promise<BenchBody> {
  const count = Number(options.get('leads') ?? 100_000);
  const repetitions = Number(options.get('reps') ?? 5);
  const config = territoryConfig();
  const leads = makeLeads(count);
  const compiled = compileRules(config);

  const routeAll = () => {
    const state = createRouterState(compiled);
    let assigned = 0;
    for (const lead of leads) if (route(compiled, lead, state).decision.kind === 'assigned') assigned++;
    return assigned;
  };
  const ruleIds = new Map(config.rules.map((r, i) => [r.id, i] as const));
  const lookupAll = () => {
    let found = 0;
    for (const lead of leads) if (ruleIds.get(`${lead.region}-${lead.product}`.toLowerCase()) !== undefined) found++;
    return found;
  };

  const routerSeconds = bestOf(repetitions, routeAll, log, 'router');
  const lookupSeconds = bestOf(repetitions, lookupAll, log, 'rule lookup only');
  return {
    results: [
      { runtime: 'node', rows: count, stage: 'route (router runtime)', seconds: routerSeconds, rowsPerSecond: count / routerSeconds },
      { runtime: 'node', rows: count, stage: 'reference: rule lookup only', seconds: lookupSeconds, rowsPerSecond: count / lookupSeconds },
    ],
    ratios: { 'route / rule lookup only': round(routerSeconds / lookupSeconds) },
    targets: [],
    notes: [`${count.toLocaleString('en-US')} leads, ${config.rules.length} rules, ${config.reps.length} reps, best of ${repetitions} after one warm-up pass`],
  };
}

function bestOf(repetitions: number, task: () => number, log: (line: string) => void, label: string): number {
  task(); // warm-up: the first pass runs before the JIT has compiled the hot path
  let best = Infinity;
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    const result = task();
    best = Math.min(best, (performance.now() - started) / 1000);
    log(`${label}: pass ${i + 1} ${((performance.now() - started) / 1000).toFixed(4)} s (${result} leads)`);
  }
  return best;
}

function territoryConfig(): RuleConfig {
  const reps = Array.from({ length: 15 }, (_, i) => ({
    id: `r${String(i + 1).padStart(2, '0')}`, name: `Rep ${i + 1}`, crmUser: `rep${i + 1}@example.com`, capacityPerWeek: 1e9, active: true,
  }));
  const team = (region: number) => reps.slice(region * 5, region * 5 + 5);
  const rules = REGIONS.flatMap((region, r) =>
    PRODUCTS.map((product, p) => {
      const pool = team(r).slice(0, 3 + (p % 3));
      return {
        id: `${region}-${product}`.toLowerCase(),
        when: { all: [{ field: 'region', op: 'eq', value: region }, { field: 'product', op: 'eq', value: product }] },
        assign: { method: 'weighted_round_robin', pool: pool.map((rep, k) => ({ rep: rep.id, weight: weights(pool.length)[k]! })) },
      };
    }),
  );
  rules.unshift({ id: 'events', when: { all: [{ field: 'source', op: 'eq', value: 'Event' }] }, assign: { method: 'least_loaded', pool: reps.map((r) => ({ rep: r.id })) } } as never);
  const parsed = parseRuleConfig({ schema: 'allot.rules/v1', name: 'bench territories', reps, rules, fallback: { method: 'round_robin', pool: reps.map((r) => ({ rep: r.id })) } });
  if (!parsed.ok) throw new Error(`bench config: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.config;
}

/** Whole percents summing to 1, uneven on purpose so the smooth rotation has work to do. */
function weights(n: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => n - i);
  const total = raw.reduce((s, w) => s + w, 0);
  const percents = raw.map((w) => Math.floor((100 * w) / total));
  percents[0]! += 100 - percents.reduce((s, p) => s + p, 0);
  return percents.map((p) => p / 100);
}

function makeLeads(count: number): Lead[] {
  const rng = createRng(20250106);
  return Array.from({ length: count }, (_, i) => ({
    lead_id: `L${i}`,
    region: REGIONS[rng.int(0, 2)]!,
    product: PRODUCTS[rng.int(0, 2)]!,
    source: SOURCES[rng.int(0, 3)]!,
  }));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
