import { describe, expect, it } from 'vitest';
import { chiSquaredUpperTail, rankSegmentFields, type FieldRepCount } from '../../src/estimate/segment-ranking';

/** Expected counts (no noise) of `decided` leads per cell at the given rate. */
const cells = (rates: Record<string, Record<string, number>>, decided: number): FieldRepCount[] =>
  Object.entries(rates).flatMap(([value, byRep]) => Object.entries(byRep).map(([rep, p]) => ({ value, rep, decided, won: Math.round(p * decided) })));

describe('segment fields are ranked by how much they separate reps, not by how many values they have', () => {
  it('a field where reps swap places ranks first; one where every rep moves together (additive) shows no interaction', () => {
    const ranking = rankSegmentFields(new Map([
      ['additive', cells({ small: { a: 0.2, b: 0.3 }, big: { a: 0.4, b: 0.5 } }, 200)],
      ['swapping', cells({ east: { a: 0.5, b: 0.2 }, west: { a: 0.2, b: 0.5 } }, 200)],
    ]));
    expect(ranking.map((r) => r.field)).toEqual(['swapping', 'additive']);
    expect(ranking[0]!.pValue).toBeLessThan(1e-6);
    expect(ranking[1]!.lr).toBeLessThan(0.5);
    expect(ranking[1]!.pValue).toBeGreaterThan(0.4);
  });

  it('a many-valued field of thin cells does not win on cardinality: its noise is judged against its degrees of freedom', () => {
    // 25 values × 4 reps with 3 decided leads each, wins scattered with no pattern.
    const thin: FieldRepCount[] = [];
    for (let v = 0; v < 25; v++) for (const [k, rep] of ['a', 'b', 'c', 'd'].entries()) thin.push({ value: `v${v}`, rep, decided: 3, won: (v * 7 + k * 3) % 4 === 0 ? 2 : (v + k) % 3 === 0 ? 1 : 0 });
    const real = cells({ x: { a: 0.45, b: 0.25, c: 0.3, d: 0.3 }, y: { a: 0.25, b: 0.45, c: 0.3, d: 0.3 } }, 60);
    const ranking = rankSegmentFields(new Map([['thin', thin], ['real', real]]));
    expect(ranking[0]!.field).toBe('real');
    const thinRanking = ranking.find((r) => r.field === 'thin')!;
    expect(thinRanking.thinCells).toBe(100);
    expect(thinRanking.pValue).toBeGreaterThan(0.05);
  });

  it('a field with one value or one rep is no candidate', () => {
    expect(rankSegmentFields(new Map([['one', cells({ only: { a: 0.3, b: 0.4 } }, 50)]]))).toEqual([]);
  });

  it('the χ² tail matches known quantiles', () => {
    expect(chiSquaredUpperTail(3.841, 1)).toBeCloseTo(0.05, 2);
    expect(chiSquaredUpperTail(18.307, 10)).toBeCloseTo(0.05, 3);
    expect(chiSquaredUpperTail(0, 5)).toBe(1);
  });
});
