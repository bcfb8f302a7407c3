import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { readEstimationInputs } from '../../src/data/estimation-inputs';
import type { EstimationInputs, SegmentSpec } from '../../src/model/estimation-inputs';
import { importLeads } from '../../src/data/import-leads';
import type { MappingInput } from '../../src/model/mapping';
import { decayMultiplier, logistic, parseTimestamp, type LeadRow, type Truth } from '../../data/generator/index';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_SCENARIO = path.join(ROOT, 'data/sample/scenario.json');
export const REGION_PRODUCT: SegmentSpec = { fields: ['region', 'product'], valueBands: [] };

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A fresh native DuckDB holding `files` as the canonical leads. */
export async function loadLeads(files: Array<{ name: string; text?: string; path?: string }>, mapping: MappingInput = {}): Promise<Database> {
  const db = await createNativeDatabase();
  await importLeads(db, files.map((f) => ({ name: f.name, bytes: f.path ? new Uint8Array(readFileSync(f.path)) : utf8(f.text ?? '') })), mapping);
  return db;
}

export async function inputsOf(files: Parameters<typeof loadLeads>[0], spec: SegmentSpec = REGION_PRODUCT, mapping: MappingInput = {}): Promise<EstimationInputs> {
  const db = await loadLeads(files, mapping);
  try {
    return await readEstimationInputs(db, spec);
  } finally {
    await db.close();
  }
}

/**
 * The truth a rep × segment conversion estimate is compared against: the mean, over the cell's
 * decided leads, of the planted p(won) of each lead at its actual first-touch time
 * (logistic(segmentBase + skill + effect) × decay(hours), 0 when never touched). That is the rate
 * the cell's history was drawn from, which is what the estimate claims to be (rates at the
 * history's response times); the raw rate won / decided is an unbiased but noisy estimate of it.
 */
export function plantedCellRates(leads: readonly LeadRow[], truth: Truth): Map<string, number> {
  const conversion = truth.conversion;
  const skill = new Map(conversion.reps.map((r) => [r.rep_id, r.skill]));
  const sums = new Map<string, { p: number; n: number }>();
  for (const lead of leads) {
    if (lead.outcome === 'Open') continue;
    const segment = `${lead.region}|${lead.product}` as keyof typeof conversion.segmentBase;
    const hours = lead.first_touch_at === null ? null : (parseTimestamp(lead.first_touch_at) - parseTimestamp(lead.created_at)) / 60;
    const logOdds = conversion.segmentBase[segment] + skill.get(lead.owner)! + conversion.repSegmentEffects[lead.owner]![segment];
    const p = hours === null ? 0 : logistic(logOdds) * decayMultiplier(conversion.decay, hours);
    const key = `${segment}\u0000${lead.owner}`;
    const s = sums.get(key) ?? { p: 0, n: 0 };
    s.p += p;
    s.n += 1;
    sums.set(key, s);
  }
  return new Map([...sums].map(([key, s]) => [key, s.p / s.n]));
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  let term = (1 - p) ** n;
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= ((n - i + 1) / i) * (p / (1 - p));
    sum += term;
  }
  return sum;
}

/** The smallest k with P(X ≤ k) ≥ q. */
export function binomialQuantile(q: number, n: number, p: number): number {
  let k = 0;
  while (binomialCdf(k, n, p) < q) k++;
  return k;
}
