import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBacktestSplit } from '../../src/data/backtest-split';
import { backtestReport } from '../../src/estimate/run-backtest';
import { backtest, defaultCutoff, MIN_CELL_LEADS } from '../../src/estimate/backtest';
import { estimateConversion } from '../../src/estimate/conversion';
import { loadLeads, REGION_PRODUCT, ROOT } from './support';
import type { BacktestReport } from '../../src/model/backtest';

describe('backtest arithmetic', () => {
  const fitted = estimateConversion(
    [{ segment: 'S', rep: 'a', decided: 1000, won: 200 }, { segment: 'S', rep: 'b', decided: 1000, won: 400 }],
    ['S'], ['a', 'b', 'new'],
  ).cells;

  it('forecasts wins as Σ p̂ with an interval, and flags an actual outside it', () => {
    const result = backtest(fitted, [
      { segment: 'S', rep: 'a', decided: 100, won: 21 },
      { segment: 'S', rep: 'b', decided: 100, won: 80 },
      { segment: 'S', rep: 'new', decided: 20, won: 5 },
    ]);
    const [a, b, fresh] = result.cells;
    expect(a!.expected).toBeCloseTo(100 * fitted.find((c) => c.rep === 'a')!.mean, 10);
    expect(a).toMatchObject({ actual: 21, covered: true });
    expect(a!.lo).toBeLessThan(a!.expected);
    expect(a!.hi).toBeGreaterThan(a!.expected);
    expect(b).toMatchObject({ actual: 80, covered: false });
    expect(fresh!.hi - fresh!.lo).toBeGreaterThan(0);
    expect(result.total.expected).toBeCloseTo(a!.expected + b!.expected + fresh!.expected, 10);
    expect(result.coverage).toEqual({ cells: 2 / 3, cellsCounted: 3, segments: 0, reps: 2 / 3 });
    expect(MIN_CELL_LEADS).toBeLessThanOrEqual(20);
  });

  it('holds out the last quarter of the dates by default', () => {
    expect(defaultCutoff(Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 5))).toBe('2025-01-04 00:00:00');
  });
});

describe('backtest on the sample', () => {
  let report: BacktestReport;
  beforeAll(async () => {
    const db = await loadLeads([{ name: 'leads.csv', path: path.join(ROOT, 'data/sample/leads.csv') }]);
    report = backtestReport((await readBacktestSplit(db, REGION_PRODUCT))!, []);
    await db.close();
  });

  it('fits on the first 75% of the dates with the outcomes known then, and forecasts the rest', () => {
    expect(report.cutoff).toBe('2025-10-05 21:37:30');
    expect(report.fit.leads + report.heldOut.leads).toBe(6866);
    expect(report.heldOut.decided).toBe(report.total.decided);
    expect(report.segments).toHaveLength(9);
    expect(report.reps).toHaveLength(15);
  });

  it('has 90% intervals that cover about 90% of the time, and covers the total', () => {
    // Measured: cells 91% (of 34 with 10+ held-out leads), segments 89%, reps 80%.
    expect(report.coverage.cellsCounted).toBeGreaterThanOrEqual(30);
    expect(report.coverage.cells).toBeGreaterThanOrEqual(0.75);
    expect(report.coverage.segments).toBeGreaterThanOrEqual(0.75);
    expect(report.coverage.reps).toBeGreaterThanOrEqual(0.7);
    expect(report.total.covered).toBe(true);
    expect(Math.abs(report.total.actual - report.total.expected) / report.total.actual).toBeLessThan(0.1);
  });
});
