import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { generateSample, SAMPLE_OPTIONS } from '../../../data/generator';
import { parseRuleConfig, type RuleConfig } from '../../../src/model/rules';
import { compileCondition, type Lead } from '../../../src/route';

export const REPLAY_LEADS = 10_000;

export function sampleRules(): RuleConfig {
  const parsed = parseRuleConfig(JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/sample.rules.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.config;
}

/** 10,000 leads of the seeded generator (the sample's world, run long enough), as the router sees them. */
export function generatedLeads(): Lead[] {
  const { leads } = generateSample({ ...SAMPLE_OPTIONS, weeks: 80 });
  if (leads.length < REPLAY_LEADS) throw new Error(`only ${leads.length} leads generated`);
  return leads.slice(0, REPLAY_LEADS).map((l) => ({ lead_id: l.lead_id, region: l.region, product: l.product, industry: l.industry, source: l.source, value: l.value }));
}

/** `rule|crmUser` → leads. */
export type Shares = Map<string, number>;

export function tally(shares: Shares, rule: string, user: string): void {
  const key = `${rule}|${user}`;
  shares.set(key, (shares.get(key) ?? 0) + 1);
}

/**
 * What the RuleConfig says each (rule, rep) should get of these leads: every lead goes to the first
 * rule it matches (else the fallback), and a pool shares its leads by weight (equally otherwise).
 */
export function configShares(config: RuleConfig, leads: readonly Lead[]): Shares {
  const tests = config.rules.map((r) => compileCondition(r.when));
  const users = new Map(config.reps.map((r) => [r.id, r.crmUser]));
  const shares: Shares = new Map();
  for (const lead of leads) {
    const index = tests.findIndex((t) => t(lead));
    const [id, assign] = index < 0 ? ['fallback', config.fallback] : [config.rules[index]!.id, config.rules[index]!.assign];
    const pool = assign.pool.filter((e) => config.reps.find((r) => r.id === e.rep)!.active);
    for (const e of pool) {
      const key = `${id}|${users.get(e.rep)}`;
      shares.set(key, (shares.get(key) ?? 0) + (assign.method === 'weighted_round_robin' ? e.weight! : 1 / pool.length));
    }
  }
  return shares;
}

/** Every (rule, rep) share of all leads within one percentage point of the config's. */
export function expectSharesWithin(replayed: Shares, expected: Shares, total: number, points = 1): number {
  let worst = 0;
  for (const key of new Set([...replayed.keys(), ...expected.keys()])) {
    const gap = Math.abs((replayed.get(key) ?? 0) - (expected.get(key) ?? 0)) / total;
    worst = Math.max(worst, gap);
    expect(gap * 100, key).toBeLessThanOrEqual(points);
  }
  return worst;
}

/** A seeded generator for the targets that pick at random (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weightedPick<T>(items: readonly T[], weights: readonly number[], random: () => number): T {
  const total = weights.reduce((s, w) => s + w, 0);
  let r = random() * total;
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}

export function xmlUnescape(text: string): string {
  return text.replace(/&(#\d+|quot|apos|lt|gt|amp);/g, (_, e: string) => (e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' }[e]!));
}
