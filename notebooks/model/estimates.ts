import * as Plot from '@observablehq/plot';
import type { Display } from '../lib/cell';
import type { Loaded } from './load';
import type { Estimates } from '../../src/model/estimates';

// The estimate the CLI and the optimizer use: segment rates (an average rep), rep effects on the
// log-odds scale, and p(segment, rep) for every cell, each with a 90% interval.
export default async function estimates({ pipeline, scenario }: Loaded, display: Display): Promise<Estimates> {
  const e = await pipeline.estimates(scenario);
  const segments = e.segments.map((s) => ({ segment: s.key, decided: s.decided, won: s.won, ...s.rate }));
  display(Plot.plot({
    width: 900,
    height: 260,
    marginLeft: 120,
    x: { label: 'conversion of an average rep (90% interval)', percent: true, grid: true },
    y: { label: null },
    marks: [
      Plot.ruleY(segments, { y: 'segment', x1: 'lo', x2: 'hi', stroke: '#6b7385' }),
      Plot.dot(segments, { y: 'segment', x: 'mean', r: 4, fill: '#2b5fab', tip: true }),
    ],
  }));
  display(Plot.plot({
    width: 900,
    height: 320,
    marginLeft: 60,
    x: { label: 'rep effect, log-odds against the average rep on the same segments (90% interval)', grid: true },
    y: { label: null, domain: [...e.reps].sort((a, b) => b.effect - a.effect).map((r) => r.rep) },
    color: { domain: [false, true], range: ['#9aa3b5', '#c2410c'], legend: true, tickFormat: (s: boolean) => (s ? 'interval excludes 0' : 'interval covers 0') },
    marks: [
      Plot.ruleX([0]),
      Plot.ruleY(e.reps, { y: 'rep', x1: 'lo', x2: 'hi', stroke: 'significant' }),
      Plot.dot(e.reps, { y: 'rep', x: 'effect', fill: 'significant', tip: true }),
    ],
  }));
  for (const note of e.notes) display(`Note: ${note}`);
  return e;
}
