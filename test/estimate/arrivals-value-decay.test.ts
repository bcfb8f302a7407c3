import { describe, expect, it } from 'vitest';
import { TOUCH_BUCKET_HOURS } from '../../src/data/estimation-inputs';
import type { OutcomeRow } from '../../src/model/estimation-inputs';
import { DECAY_PRESET, decayMultiplier, estimateDecay, withScenarioDecay } from '../../src/estimate/decay';
import { arrivalShape, estimateDemand } from '../../src/estimate/demand';
import { revenuePerWin } from '../../src/estimate/revenue';

const BUCKETS = [...TOUCH_BUCKET_HOURS];
/** Representative hours of each bucket (its middle; 200 h for the open one). */
const MID = BUCKETS.map((h, b) => (BUCKETS[b + 1] === undefined ? 200 : (h + BUCKETS[b + 1]!) / 2));

function row(rep: string, touch: number | null, decided: number, won: number): OutcomeRow {
  return { segment: 'S', rep, touch, decided, won, wonValueSum: 0, wonWithValue: 0, touchHoursSum: touch === null ? 0 : decided * MID[touch]! };
}

describe('demand per segment', () => {
  it('counts weeks without a lead as zero weeks', () => {
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'];
    const [a, b] = estimateDemand([{ segment: 'A', week: '2026-01-05', leads: 4 }, { segment: 'A', week: '2026-01-19', leads: 4 }], weeks, ['A', 'B']);
    expect(a).toMatchObject({ leads: 8, perWeek: 2 });
    expect(a!.sdPerWeek).toBeCloseTo(Math.sqrt(16 / 3), 10);
    expect(b).toMatchObject({ leads: 0, perWeek: 0, sdPerWeek: 0 });
  });

  it('gives the weekly and daily shape as shares', () => {
    const shape = arrivalShape([{ weekday: 1, hour: 9, leads: 3 }, { weekday: 7, hour: 22, leads: 1 }], 1);
    expect(shape.weekday).toEqual([0.75, 0, 0, 0, 0, 0, 0.25]);
    expect(shape.hour[9]).toBe(0.75);
    expect(shape.hour.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('revenue per won lead', () => {
  it("uses a segment's own mean with enough wins and the overall mean below that, saying so", () => {
    const [big, small, none] = revenuePerWin(
      [{ segment: 'big', wonWithValue: 12, wonValueSum: 120_000 }, { segment: 'small', wonWithValue: 3, wonValueSum: 300_000 }],
      ['big', 'small', 'none'],
    );
    expect(big).toEqual({ segment: 'big', wins: 12, perWin: 10_000, source: 'segment' });
    expect(small).toEqual({ segment: 'small', wins: 3, perWin: 420_000 / 15, source: 'overall' });
    expect(none).toMatchObject({ wins: 0, source: 'overall' });
  });
});

describe('response-time decay', () => {
  const truth = { floor: 0.35, tauHours: 8 };
  /** Expected counts (no noise) from two reps with different base rates, each spread over every bucket. */
  const exact = (['good', 'weak'] as const).flatMap((rep) =>
    BUCKETS.map((_, b) => row(rep, b, 400, 400 * (rep === 'good' ? 0.4 : 0.2) * decayMultiplier(truth, MID[b]!))),
  );

  it('recovers a known curve from first-touch times', () => {
    const fit = estimateDecay(exact, BUCKETS);
    expect(fit.source).toBe('fitted');
    expect(fit.floor).toBeCloseTo(0.35, 2);
    expect(fit.tauHours).toBeCloseTo(8, 1);
    expect(fit.points).toHaveLength(BUCKETS.length);
    expect(fit.points[0]!.relative).toBeCloseTo(decayMultiplier(truth, MID[0]!), 3);
  });

  it('does not mistake a fast strong rep and a slow weak rep for decay', () => {
    // No decay within either rep, but the good rep answers fast and the weak one slowly:
    // unadjusted, fast leads would look twice as good as slow ones.
    const confounded = [
      ...BUCKETS.map((_, b) => row('good', b, b < 3 ? 500 : 50, (b < 3 ? 500 : 50) * 0.4)),
      ...BUCKETS.map((_, b) => row('weak', b, b < 3 ? 50 : 500, (b < 3 ? 50 : 500) * 0.2)),
    ];
    const fit = estimateDecay(confounded, BUCKETS);
    expect(fit.source).toBe('fitted');
    for (const h of [1, 8, 48]) expect(decayMultiplier(fit, h)).toBeGreaterThan(0.97);
  });

  it('falls back to the documented preset without first-touch times, and says why', () => {
    const fit = estimateDecay([row('good', null, 500, 100)], BUCKETS);
    expect(fit).toMatchObject({ source: 'preset', floor: DECAY_PRESET.floor, tauHours: DECAY_PRESET.tauHours, points: [], untouched: { decided: 500, won: 100 } });
    expect(fit.note).toMatch(/0 decided leads have a first-touch time .* preset/);
    expect(estimateDecay([row('good', 0, 80, 30), row('good', 5, 80, 20)], BUCKETS).note).toMatch(/fitting needs 200/);
    expect(estimateDecay([row('good', 0, 300, 30), row('good', 5, 300, 20)], BUCKETS).note).toMatch(/only 2 time buckets/);
  });

  it("keeps the scenario's own curve over a fit, with the fitted points to compare against", () => {
    const own = withScenarioDecay(estimateDecay(exact, BUCKETS), { floor: 0.6, tauHours: 10 });
    expect(own).toMatchObject({ source: 'scenario', floor: 0.6, tauHours: 10 });
    expect(own.points.length).toBeGreaterThan(2);
    expect(own.note).toMatch(/scenario sets the curve/);
  });

  it('lets the user edit the preset', () => {
    expect(estimateDecay([], BUCKETS, { floor: 0.5, tauHours: 12 })).toMatchObject({ source: 'preset', floor: 0.5, tauHours: 12 });
    expect(decayMultiplier({ floor: 0.5, tauHours: 12 }, 0)).toBe(1);
  });
});
