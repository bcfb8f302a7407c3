import { describe, expect, it } from 'vitest';
import type { ConversionCell, Estimates } from '../../src/model/estimates';
import { cellsOf, packEstimates, unpackEstimates } from '../../src/ui/engine/packed-estimates';

const cell = (segment: string, rep: string, n: number): ConversionCell => ({
  segment, rep, mean: 0.1 + n / 100, lo: 0.05, hi: 0.2, n, won: Math.floor(n / 3), raw: n > 0 ? Math.floor(n / 3) / n : null,
  prior: 0.12, priorOnly: n === 0, alpha: 1.5 + n, beta: 8.5,
});
const conversion = ['s1', 's2', 's3'].flatMap((s, i) => ['r1', 'r2'].map((r, j) => cell(s, r, (i * 2 + j) * 3)));
const estimates = { segments: [], reps: [], conversion, notes: ['n'] } as unknown as Estimates;

describe('the estimates posted to the main thread', () => {
  it('unpack to the pipeline\'s estimates exactly, in order, null rates included', () => {
    const packed = packEstimates(estimates);
    expect(packed.conversion.mean).toBeInstanceOf(Float64Array);
    const back = unpackEstimates(structuredClone(packed));
    expect(JSON.stringify(back)).toBe(JSON.stringify(estimates));
  });

  it('give the cells of the segments and reps a chart shows, and only those', () => {
    const packed = packEstimates(estimates).conversion;
    expect(cellsOf(packed, ['s3', 's1'], ['r2'])).toEqual([conversion[1], conversion[5]]);
    expect(cellsOf(packed, [], ['r1'])).toEqual([]);
  });
});
