import * as Plot from '@observablehq/plot';
import type { Display } from '../lib/cell';
import { percent, table } from '../lib/table';
import type { Estimates } from '../../src/model/estimates';

// Each arrow starts at a cell's raw rate (won / decided) and ends at its shrunk estimate, placed
// at the cell's number of decided leads: thin cells travel far toward their prior, thick ones
// hardly move.
export default function shrinkage(e: Estimates, display: Display): void {
  const seen = e.conversion.filter((c) => c.n > 0).map((c) => ({ ...c, raw: c.raw!, moved: Math.abs(c.mean - c.raw!) }));
  display(Plot.plot({
    width: 900,
    height: 420,
    marginLeft: 48,
    x: { type: 'log', label: 'decided leads in the cell (rep × segment), log scale', grid: true },
    y: { label: 'conversion: raw → shrunk', percent: true, grid: true },
    color: { legend: true, label: 'segment' },
    marks: [
      Plot.arrow(seen, { x: 'n', y1: 'raw', y2: 'mean', stroke: 'segment', headLength: 5, strokeOpacity: 0.8 }),
      Plot.dot(seen, { x: 'n', y: 'raw', r: 1.5, fill: 'segment', tip: true, title: (c: (typeof seen)[number]) => `${c.rep} × ${c.segment}\nraw ${c.won}/${c.n} = ${(100 * c.raw).toFixed(1)}%\nshrunk ${(100 * c.mean).toFixed(1)}%\nprior ${(100 * c.prior).toFixed(1)}%` }),
    ],
  }));
  const byMove = [...seen].sort((a, b) => b.moved - a.moved);
  display('The cells the estimate moved most from their raw rate:');
  display(table(byMove.map((c) => ({ rep: c.rep, segment: c.segment, n: c.n, won: c.won, raw: c.raw, shrunk: c.mean, prior: c.prior })), {
    limit: 8,
    format: { raw: percent(), shrunk: percent(), prior: percent() },
  }));
  const unseen = e.conversion.filter((c) => c.priorOnly);
  if (unseen.length) display(`Never seen, so the prior alone: ${unseen.map((c) => `${c.rep} × ${c.segment} (${(100 * c.mean).toFixed(1)}%)`).join(', ')}.`);
}
