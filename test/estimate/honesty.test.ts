import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEstimationInputs } from '../../src/data/estimation-inputs';
import type { SegmentSpec } from '../../src/model/estimation-inputs';
import { estimate } from '../../src/estimate/estimate';
import { generateSample, leadsCsv, SAMPLE_OPTIONS } from '../../data/generator/index';
import { describeWithSharedData, sharedPath } from '../support/shared-data';
import { binomialQuantile, loadLeads, REGION_PRODUCT, ROOT } from './support';
import type { Estimates } from '../../src/model/estimates';

/**
 * Where reps do not differ, a rep flagged "significant" (90% interval of the effect excludes 0)
 * is a false alarm. With unpooled 90% intervals each truly average rep is flagged with
 * probability 10%, so chance alone would flag up to Binomial(R, 0.1)'s 95th percentile: 4 of 15
 * reps, 6 of 30. Issue 3 asks for more: no rep flagged at all. The pooled model earns that by
 * learning that the spread of true rep effects is indistinguishable from 0 (its 90% interval
 * starts at 0), which pulls every rep's effect to the team average. The same model flags more than
 * chance allows on the planted sample, so these tests can fail.
 */
function expectNoRealRepDifferences(estimates: Estimates) {
  const flagged = estimates.reps.filter((r) => r.significant).map((r) => `${r.rep} ${r.effect.toFixed(2)} [${r.lo.toFixed(2)}, ${r.hi.toFixed(2)}]`);
  expect(flagged).toEqual([]);
  expect(estimates.model.repSpread.lo).toBe(0);
}

async function estimateFrom(files: Parameters<typeof loadLeads>[0], spec: SegmentSpec, mapping = {}): Promise<Estimates> {
  const db = await loadLeads(files, mapping);
  try {
    return estimate(await readEstimationInputs(db, spec));
  } finally {
    await db.close();
  }
}

describe('honesty on the control world (no planted skill or cell effects)', () => {
  it('flags no rep as better or worse than the team, by region × product or by industry', async () => {
    const { leads } = generateSample({ ...SAMPLE_OPTIONS, plantedEffects: false });
    const files = [{ name: 'leads.csv', text: leadsCsv(leads) }];
    for (const spec of [REGION_PRODUCT, { fields: ['industry'], valueBands: [] }]) {
      const estimates = await estimateFrom(files, spec);
      expect(estimates.reps).toHaveLength(15);
      expectNoRealRepDifferences(estimates);
    }
  });

  it('is the same model that does flag reps on the planted sample (so the control test can fail)', async () => {
    const estimates = await estimateFrom([{ name: 'leads.csv', path: path.join(ROOT, 'data/sample/leads.csv') }], REGION_PRODUCT);
    // 6 of 15 flagged; chance alone would flag at most 4 (the 95th percentile of Binomial(15, 0.1)).
    expect(estimates.reps.filter((r) => r.significant).length).toBeGreaterThan(binomialQuantile(0.95, 15, 0.1));
    expect(estimates.model.repSpread.lo).toBeGreaterThan(0);
  });
});

describeWithSharedData('honesty on the Maven CRM export, where agents barely differ', 'data/maven-crm', () => {
  const mapping = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/maven-crm.mapping.json'), 'utf8'));
  const files = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((name) => ({ name, path: sharedPath('data/maven-crm', name) }));

  it('flags no agent as better or worse than the team, by product and by sector', async () => {
    for (const fields of [['product'], ['sector']]) {
      const estimates = await estimateFrom(files, { fields, valueBands: [] }, mapping);
      expect(estimates.reps.filter((r) => r.seen)).toHaveLength(30);
      expectNoRealRepDifferences(estimates);
    }
  });
});
