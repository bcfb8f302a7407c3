import * as Plot from '@observablehq/plot';
import type { Display } from '../lib/cell';
import { table } from '../lib/table';
import type { Loaded } from './load';
import type { Estimates } from '../../src/model/estimates';
import type { ForecastLine } from '../../src/model/backtest';

// `allot estimate --backtest`: fit on the leads created before the cutoff (with only the outcomes
// known then), forecast the wins among the later decided leads, and check each 90% interval.
export default async function calibration({ pipeline, scenario }: Loaded, _e: Estimates, display: Display): Promise<void> {
  const bt = await pipeline.backtest(scenario);
  if (!bt) return display('The leads have no creation dates: there is no earlier and later period to backtest.');
  display(`Fitted on ${bt.fit.decided} decided leads created before ${bt.cutoff}; forecast the ${bt.heldOut.decided} decided since (the last ${100 * bt.holdOut}% of the dates).`);
  display(forecastChart('segment', bt.segments.map((l) => ({ ...l, label: l.segment! }))));
  display(forecastChart('rep', bt.reps.map((l) => ({ ...l, label: l.rep! }))));
  const t = bt.total;
  display(`All held-out leads: ${t.actual} won against ${t.expected.toFixed(1)} forecast (90% interval ${t.lo.toFixed(1)} – ${t.hi.toFixed(1)}): ${t.covered ? 'inside' : 'OUTSIDE'}.`);
  const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(0)}%`);
  display(`Coverage of the 90% intervals: segments ${pct(bt.coverage.segments)}, reps ${pct(bt.coverage.reps)}, rep × segment cells ${pct(bt.coverage.cells)} (the ${bt.coverage.cellsCounted} cells with 10+ held-out leads).`);
  display(table(bt.segments.map((l) => ({ segment: l.segment!, decided: l.decided, actual: l.actual, forecast: l.expected, lo: l.lo, hi: l.hi, inside: l.covered ? 'yes' : 'NO' })), { format: { forecast: (v) => Number(v).toFixed(1), lo: (v) => Number(v).toFixed(1), hi: (v) => Number(v).toFixed(1) } }));
}

/** One row per segment (or rep): the forecast's 90% interval as a bar, the forecast as a tick, what happened as a dot. */
function forecastChart(by: string, lines: Array<ForecastLine & { label: string }>): SVGSVGElement | HTMLElement {
  const rows = lines.map((l) => ({ ...l, inside: l.covered ? 'inside the interval' : 'outside' }));
  return Plot.plot({
    width: 900,
    height: 40 + 24 * rows.length,
    marginLeft: 120,
    x: { label: `wins among the held-out decided leads, per ${by}: forecast (90% interval) and actual`, grid: true },
    y: { label: null, domain: rows.map((l) => l.label) },
    color: { domain: ['inside the interval', 'outside'], range: ['#1c7c4a', '#c2410c'], legend: true },
    marks: [
      Plot.ruleY(rows, { y: 'label', x1: 'lo', x2: 'hi', stroke: '#9aa3b5', strokeWidth: 6, strokeOpacity: 0.6 }),
      Plot.tickX(rows, { y: 'label', x: 'expected', stroke: '#1d2330' }),
      Plot.dot(rows, { y: 'label', x: 'actual', fill: 'inside', r: 4, tip: true }),
    ],
  });
}
