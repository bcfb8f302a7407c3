import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createNativeDatabase } from '../../src/data/adapters/native-node';
import type { Database } from '../../src/data/database';
import { readEstimationInputs } from '../../src/data/estimation-inputs';
import { importLeads } from '../../src/data/import-leads';
import { firstIssue } from '../../src/model/errors';
import { EstimationInputsSchema } from '../../src/model/estimation-inputs';
import { QualityReportSchema, type QualityReport } from '../../src/model/quality';

const SAMPLE_LEADS = path.resolve(import.meta.dirname, '../../data/sample/leads.csv');

/** The path and message a face would show for a value that breaks `schema`. */
function failureOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success, 'the broken value parses').toBe(false);
  return firstIssue(result.error!);
}

describe('what the data layer hands the engine matches the contracts in src/model', () => {
  let db: Database;
  let report: QualityReport;
  beforeAll(async () => {
    db = await createNativeDatabase();
    ({ report } = await importLeads(db, [{ name: 'leads.csv', bytes: new Uint8Array(readFileSync(SAMPLE_LEADS)) }]));
  });
  afterAll(() => db?.close());

  it('the quality report of the sample leads parses strictly, as read and as JSON', () => {
    expect(report.rowsRead).toBeGreaterThan(6000);
    expect(report.columns.length).toBeGreaterThan(10);
    expect(report.issues.length).toBeGreaterThan(0);
    expect(QualityReportSchema.parse(report)).toEqual(report);
    expect(QualityReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('a report with a key the contract does not know fails, naming where the key is', () => {
    const broken = structuredClone(report);
    (broken.columns[2] as Record<string, unknown>).colour = 'red';
    const { path: at, message } = failureOf(QualityReportSchema, broken);
    expect(at).toBe('columns[2].colour');
    expect(message).toContain('colour');
  });

  it('a report with a value of the wrong type fails, naming its JSON path', () => {
    const broken = structuredClone(report) as unknown as { summary: Record<string, unknown>; columns: Array<{ top: Array<Record<string, unknown>> }> };
    broken.summary.leads = String(broken.summary.leads);
    expect(failureOf(QualityReportSchema, broken).path).toBe('summary.leads');

    const again = structuredClone(report) as unknown as typeof broken;
    const region = report.columns.findIndex((c) => c.column === 'region');
    again.columns[region]!.top[0]!.count = -1;
    expect(failureOf(QualityReportSchema, again).path).toBe(`columns[${region}].top[0].count`);
  });

  it('an issue with a code no face can word fails at its code', () => {
    const broken = structuredClone(report);
    broken.issues.push({ severity: 'warning', code: 'made_up' as never, message: 'x', count: 1, examples: [] });
    expect(failureOf(QualityReportSchema, broken).path).toBe(`issues[${broken.issues.length - 1}].code`);
  });

  it('the estimation inputs of the sample parse strictly, with value bands and a backtest window', async () => {
    const inputs = await readEstimationInputs(db, { fields: ['region', 'product'], valueBands: [10000, 50000] });
    expect(EstimationInputsSchema.parse(inputs)).toEqual(inputs);
    const before = await readEstimationInputs(db, { fields: ['region'], valueBands: [] }, { createdBefore: '2025-06-01 00:00:00', decidedBefore: '2025-06-01 00:00:00', fold: { index: 1, of: 2 } });
    expect(before.leads).toBeLessThan(inputs.leads);
    expect(EstimationInputsSchema.parse(before)).toEqual(before);
  });
});
