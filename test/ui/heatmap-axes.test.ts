import { describe, expect, it } from 'vitest';
import { heatmapAxes } from '../../src/ui/charts/conversion-heatmap';
import type { RepEffect, SegmentEstimate } from '../../src/model/estimates';

const segment = (key: string, leads: number) => ({ key, leads }) as SegmentEstimate;
const rep = (id: string, n: number) => ({ rep: id, n }) as RepEffect;

describe('the conversion heatmap of a large team', () => {
  it('keeps every segment and rep of a small team, in their order', () => {
    const axes = heatmapAxes([segment('b', 1), segment('a', 9)], [rep('r2', 0), rep('r1', 5)]);
    expect(axes).toEqual({ segments: ['b', 'a'], reps: ['r2', 'r1'] });
  });

  it('keeps the segments with the most leads and the reps with the most decided leads, still in their order', () => {
    const segments = Array.from({ length: 300 }, (_, i) => segment(`s${i}`, i % 7 === 0 ? 1000 + i : i));
    const reps = Array.from({ length: 200 }, (_, i) => rep(`r${i}`, 200 - i));
    const axes = heatmapAxes(segments, reps, 40);
    expect(axes.segments).toHaveLength(40);
    expect(axes.segments.slice(0, 3)).toEqual(['s21', 's28', 's35']);
    expect(axes.segments.every((key) => Number(key.slice(1)) % 7 === 0)).toBe(true);
    expect(axes.reps).toEqual(reps.slice(0, 40).map((r) => r.rep));
  });
});
