import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEstimationInputs } from '../../src/data/estimation-inputs';
import { estimate } from '../../src/estimate/estimate';
import { firstIssue } from '../../src/model/errors';
import { EstimatesSchema, type Estimates } from '../../src/model/estimates';
import { loadLeads, REGION_PRODUCT, ROOT } from '../estimate/support';

describe('what the estimator hands the optimizer, the simulator and the faces matches its contract in src/model', () => {
  let estimates: Estimates;
  beforeAll(async () => {
    const db = await loadLeads([{ name: 'leads.csv', path: path.join(ROOT, 'data/sample/leads.csv') }]);
    try {
      estimates = estimate(await readEstimationInputs(db, REGION_PRODUCT));
    } finally {
      await db.close();
    }
  });

  it('the estimates of the sample parse strictly, as they cross to and from the engine worker', () => {
    expect(estimates.conversion.length).toBeGreaterThan(0);
    expect(estimates.decay.points.length).toBeGreaterThan(0);
    const copy = structuredClone(estimates);
    expect(EstimatesSchema.parse(copy)).toEqual(copy);
  });

  it('estimates with a key the contract does not know fail, naming where the key is', () => {
    const broken = structuredClone(estimates);
    (broken.segments[1]!.revenuePerWin as Record<string, unknown>).currency = 'CNY';
    const result = EstimatesSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const { path: at, message } = firstIssue(result.error!);
    expect(at).toBe('segments[1].revenuePerWin.currency');
    expect(message).toContain('currency');
  });
});
