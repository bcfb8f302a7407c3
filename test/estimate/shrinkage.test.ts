import { describe, expect, it } from 'vitest';
import { betaBinomialInterval, betaBinomialLogPmf, betaCdf, betaQuantile } from '../../src/estimate/beta';
import { fitAdditiveLogit } from '../../src/estimate/additive-logit';
import { estimateConversion, type ConversionCount, type ConversionModel } from '../../src/estimate/conversion';
import { poolNormal } from '../../src/estimate/normal-hierarchy';

/** Two segments where reps really differ by segment (A is strong in S1, B in S2), so cells are not all alike. */
const BACKGROUND: ConversionCount[] = [
  { segment: 'S1', rep: 'A', decided: 200, won: 80 }, { segment: 'S2', rep: 'A', decided: 200, won: 20 },
  { segment: 'S1', rep: 'B', decided: 200, won: 20 }, { segment: 'S2', rep: 'B', decided: 200, won: 80 },
  { segment: 'S1', rep: 'C', decided: 200, won: 50 }, { segment: 'S2', rep: 'C', decided: 200, won: 50 },
  { segment: 'S1', rep: 'D', decided: 200, won: 50 }, { segment: 'S2', rep: 'D', decided: 200, won: 50 },
  { segment: 'S2', rep: 'E', decided: 400, won: 100 },
];

/** Rep E's S1 cell at the same raw rate, 2/3, from 3 deals or from 300. */
const withCell = (decided: number, won: number): ConversionModel =>
  estimateConversion([...BACKGROUND, { segment: 'S1', rep: 'E', decided, won }], ['S1', 'S2', 'S3'], ['A', 'B', 'C', 'D', 'E', 'Z']);
const small = withCell(3, 2);
const large = withCell(300, 200);
const cellOf = (model: ConversionModel, segment: string, rep: string) => model.cells.find((c) => c.segment === segment && c.rep === rep)!;
/** How far the estimate moved from the raw rate toward the prior: 0 = not at all, 1 = all the way. */
const pull = (model: ConversionModel) => {
  const c = cellOf(model, 'S1', 'E');
  return (c.raw! - c.mean) / (c.raw! - c.prior);
};

describe('conversion by hierarchical shrinkage', () => {
  it('pulls a cell with 3 deals toward its prior far more than a cell with 300', () => {
    expect(pull(small)).toBeGreaterThan(0.5);
    expect(pull(large)).toBeLessThan(0.5);
    expect(pull(small)).toBeGreaterThan(pull(large) + 0.3);
    expect(cellOf(large, 'S1', 'E').mean).toBeGreaterThan(0.55);
  });

  it('gives a never-seen rep, segment or cell its prior, flagged, with a wider interval', () => {
    for (const cell of small.cells.filter((c) => c.rep === 'Z' || c.segment === 'S3')) {
      expect(cell.priorOnly).toBe(true);
      expect(cell.n).toBe(0);
      expect(cell.raw).toBeNull();
      expect(cell.mean).toBeCloseTo(cell.prior, 10);
    }
    expect(small.cells.filter((c) => c.priorOnly)).toHaveLength(6 + 2);
    expect(cellOf(small, 'S1', 'C').priorOnly).toBe(false);
    const z = small.reps.find((r) => r.rep === 'Z')!;
    expect(z).toMatchObject({ seen: false, significant: false, n: 0 });
    expect(Math.abs(z.effect)).toBeLessThan(1e-9);
    const widthOf = (r: { lo: number; hi: number }) => r.hi - r.lo;
    for (const rep of small.reps.filter((r) => r.seen)) expect(widthOf(z)).toBeGreaterThan(widthOf(rep));
    const s3 = small.segments.find((s) => s.segment === 'S3')!;
    expect(s3.seen).toBe(false);
    expect(widthOf(s3)).toBeGreaterThan(widthOf(small.segments.find((s) => s.segment === 'S1')!));
  });

  it('gives every estimate a 90% interval that holds its mean and narrows as evidence grows', () => {
    for (const model of [small, large]) {
      for (const c of model.cells) {
        expect(c.lo).toBeGreaterThanOrEqual(0);
        expect(c.hi).toBeLessThanOrEqual(1);
        expect(c.lo).toBeLessThan(c.mean);
        expect(c.hi).toBeGreaterThan(c.mean);
      }
    }
    const width = (m: ConversionModel) => cellOf(m, 'S1', 'E').hi - cellOf(m, 'S1', 'E').lo;
    expect(width(small)).toBeGreaterThan(2 * width(large));
  });

  it('learns that cells differ when they do, and that they do not when they do not', () => {
    const flat = estimateConversion(
      ['A', 'B', 'C', 'D'].flatMap((rep) => ['S1', 'S2'].map((segment) => ({ segment, rep, decided: 200, won: 50 }))),
      ['S1', 'S2'], ['A', 'B', 'C', 'D'],
    );
    expect(small.hyper.cellStrength).toBeLessThan(200);
    expect(flat.hyper.cellStrength).toBeGreaterThan(10_000);
  });

  it('calls a rep significant only when the rep stands out beyond chance', () => {
    const reps = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const equal = estimateConversion(reps.map((rep) => ({ segment: 'S', rep, decided: 500, won: 100 })), ['S'], reps);
    expect(equal.reps.filter((r) => r.significant)).toEqual([]);
    const oneStar = estimateConversion(reps.map((rep) => ({ segment: 'S', rep, decided: 500, won: rep === 'r6' ? 175 : 100 })), ['S'], reps);
    expect(oneStar.reps.filter((r) => r.significant).map((r) => r.rep)).toContain('r6');
    expect(oneStar.reps.find((r) => r.rep === 'r6')!.lo).toBeGreaterThan(0);
  });
});

describe('segment + rep main effects', () => {
  it('recovers known log-odds from a table without noise, rep effects centered on the average rep', () => {
    const segments = [-1.5, -0.5, 0.3];
    const reps = [-0.4, 0, 0.1, 0.3];
    const leads = [[100, 300, 0, 50], [200, 100, 400, 50], [0, 100, 100, 800]];
    const n = leads.map((row) => Float64Array.from(row));
    const y = segments.map((m, s) => Float64Array.from(reps, (b, r) => n[s]![r]! / (1 + Math.exp(-(m + b)))));
    const fit = fitAdditiveLogit(n, y);
    const repLeads = reps.map((_, r) => leads.reduce((t, row) => t + row[r]!, 0));
    const shift = reps.reduce((t, b, r) => t + b * repLeads[r]!, 0) / repLeads.reduce((a, b) => a + b, 0);
    reps.forEach((b, r) => expect(fit.rep[r]!.value).toBeCloseTo(b - shift, 3));
    segments.forEach((m, s) => expect(fit.segment[s]!.value).toBeCloseTo(m + shift, 3));
    expect(fit.rep[3]!.variance).toBeLessThan(fit.rep[0]!.variance);
  });
});

describe('partial pooling of unit effects', () => {
  it('pools units that agree all the way, and cannot rule out that they are equal', () => {
    const pooled = poolNormal([0.1, 0.1, 0.1, 0.1].map((value) => ({ value, variance: 0.01 })), { center: 'estimated' });
    expect(pooled.tau.lo).toBe(0);
    for (const u of pooled.units) expect(u.mean).toBeCloseTo(0.1, 2);
  });

  it('barely moves units that clearly differ, and gives an unseen unit the center', () => {
    const values = [-1, -0.5, 0, 0.5, 1];
    const pooled = poolNormal([...values.map((value) => ({ value, variance: 0.0004 })), { value: 0, variance: Infinity }], { center: 'zero' });
    values.forEach((v, i) => expect(pooled.units[i]!.mean).toBeCloseTo(v, 2));
    expect(pooled.tau.lo).toBeGreaterThan(0.3);
    expect(pooled.units[5]!.mean).toBeCloseTo(0, 6);
    expect(pooled.units[5]!.hi - pooled.units[5]!.lo).toBeGreaterThan(1.5);
  });
});

describe('beta and beta-binomial numerics', () => {
  it('inverts the Beta CDF (checked against the closed form of Beta(1, b))', () => {
    for (const q of [0.05, 0.5, 0.95]) {
      for (const b of [1, 3, 40]) expect(betaQuantile(q, 1, b)).toBeCloseTo(1 - (1 - q) ** (1 / b), 8);
      for (const [a, b] of [[2.5, 7], [30, 170], [0.4, 0.6]] as const) expect(betaCdf(betaQuantile(q, a, b), a, b)).toBeCloseTo(q, 8);
    }
  });

  it('has beta-binomial probabilities that sum to 1 and intervals that tighten to the binomial', () => {
    const total = Array.from({ length: 51 }, (_, k) => Math.exp(betaBinomialLogPmf(k, 50, 3, 9))).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 10);
    const loose = betaBinomialInterval(100, 2, 8);
    const tight = betaBinomialInterval(100, 2000, 8000);
    expect(loose.hi - loose.lo).toBeGreaterThan(2 * (tight.hi - tight.lo));
    expect(tight.lo).toBeGreaterThanOrEqual(12);
    expect(tight.hi).toBeLessThanOrEqual(27);
  });
});
