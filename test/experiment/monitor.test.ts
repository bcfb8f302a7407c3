import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/generator/random';
import type { Estimates } from '../../src/model/estimates';
import { monitor, wonWithinShare, type MonitorLead } from '../../src/experiment/monitor';

const DAY = 86_400_000;
const START = Date.UTC(2026, 2, 2);
const SEGMENTS = ['East|Pro', 'North|Pro', 'South|Starter'];
const REPS = ['r1', 'r2', 'r3', 'r4'];
const P = [[0.3, 0.2, 0.25, 0.35], [0.15, 0.3, 0.2, 0.1], [0.4, 0.3, 0.35, 0.2]];
const PER_WEEK = 60;

/** Estimates as the monitor reads them: well-known cells (Beta with 2,000 leads each) and each segment's demand. */
function estimates(): Estimates {
  return {
    segments: SEGMENTS.map((key, s) => ({ key, perWeek: PER_WEEK, rate: { mean: P[s]!.reduce((a, b) => a + b, 0) / REPS.length, lo: 0, hi: 1 } })),
    conversion: SEGMENTS.flatMap((segment, s) => REPS.map((rep, r) => ({ segment, rep, mean: P[s]![r]!, alpha: 2000 * P[s]![r]!, beta: 2000 * (1 - P[s]![r]!) }))),
  } as unknown as Estimates;
}

function leads(seed: number, weeks: number, change: (week: number, rep: string) => number = () => 1): MonitorLead[] {
  const rng = createRng(seed);
  const out: MonitorLead[] = [];
  for (let w = 0; w < weeks; w++) {
    for (let i = 0; i < PER_WEEK * SEGMENTS.length; i++) {
      const s = rng.int(0, SEGMENTS.length - 1), r = rng.int(0, REPS.length - 1);
      const won = rng.bernoulli(P[s]![r]! * change(w, REPS[r]!));
      out.push({ createdMs: START + (w * 7 + rng.uniform() * 7) * DAY, segment: SEGMENTS[s]!, owner: REPS[r]!, outcome: won ? 1 : 0, daysToWin: won ? rng.uniform() * 10 : NaN, touchHours: rng.exponential(10) });
    }
  }
  return out;
}

const options = (weeks: number) => ({
  asOfMs: START + (weeks * 7 + 5) * DAY, windowDays: 30, inWindowShare: 1, estimates: estimates(), volumeMultiplier: 1,
  slaHours: 24, slaBreach: { mean: 0.09, lo: 0.07, hi: 0.12 }, repLoad: Object.fromEntries(REPS.map((r) => [r, { mean: 45, lo: 40, hi: 50 }])),
});

describe('the monitor', () => {
  it('keeps weeks where nothing changed inside their band (about 9 in 10), and judges no week younger than the window', () => {
    let judged = 0, flagged = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const report = monitor(leads(seed, 10), options(10));
      expect(report.weeks).toHaveLength(10);
      const young = report.weeks.filter((w) => !w.complete);
      expect(young.length).toBeGreaterThan(0);
      expect(young.every((w) => w.outside === null && w.slaOutside === null)).toBe(true);
      for (const w of report.weeks.filter((x) => x.complete)) {
        judged++;
        if (w.outside) flagged++;
        expect(w.lo).toBeLessThan(w.expected);
        expect(w.hi).toBeGreaterThan(w.expected);
      }
    }
    expect(flagged / judged).toBeGreaterThan(0.02);
    expect(flagged / judged).toBeLessThan(0.2);
  });

  it('flags the week a rep stopped converting, and names the rep', () => {
    const report = monitor(leads(5, 10, (week, rep) => (week === 3 && rep === 'r4' ? 0 : 1)), options(10));
    const week = report.weeks[3]!;
    expect(week.outside).toBe('below');
    expect(week.moved).toMatchObject({ kind: 'rep_rate', rep: 'r4', won: 0 });
  });

  it('sets each rep\'s load and the SLA beside their forecasts', () => {
    const report = monitor(leads(2, 10), options(10));
    for (const rep of report.reps) {
      expect(rep.leadsPerWeek).toBeGreaterThan(35);
      expect(rep.leadsPerWeek).toBeLessThan(55);
    }
    // touch ~ exponential(10 h): a breach of 24 h is e^-2.4 ≈ 9%: inside the forecast band in most weeks.
    expect(report.weeks.filter((w) => w.complete && w.slaOutside !== null).length).toBeLessThan(4);
  });

  it('reads the share of wins closed within the window from the history', () => {
    expect(wonWithinShare([24 * 10, 24 * 40, NaN, 24 * 5], [1, 1, 1, 0], 30)).toBe(0.5);
    expect(wonWithinShare([NaN], [1], 30)).toBe(1);
  });
});
