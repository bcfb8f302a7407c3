import type { Database } from '../data/database';
import { decayMultiplier } from '../estimate/decay';
import type { Rep } from '../model/roster';
import type { Scenario } from '../model/scenario';
import { scenarioError } from '../model/scenario-errors';
import { openScenario } from './open-scenario';
import type { BacktestReport, BacktestResult } from '../model/backtest';
import type { Estimates } from '../model/estimates';

export interface EstimateArgs {
  scenario: string;
  json: boolean;
  backtest: boolean;
}

/** `allot estimate --scenario s.json [--json] [--backtest]` (DESIGN §2.5). */
export async function estimateCommand(db: Database, args: EstimateArgs): Promise<string> {
  const { scenario, pipeline } = await openScenario(db, args.scenario);
  // The estimates first: without leads to learn from, that is what the user must hear.
  const estimates = await pipeline.estimates(scenario);
  const roster = await pipeline.roster(scenario);
  const report = args.backtest ? await pipeline.backtest(scenario) : undefined;
  if (report === null) throw scenarioError('no_created_at', { capability: 'backtest' }, `${args.scenario}: backtest: no lead has a creation time, so there is no earlier and later period.`, { file: args.scenario, path: 'leads.mapping.fields.created_at' });
  const rosterNotes = roster.origin.kind === 'inferred' ? roster.origin.notes : [];
  if (args.json) return JSON.stringify({ ...toJson(estimates, roster.reps, report), roster: { origin: rosterNotes.length ? 'inferred' : 'scenario', notes: rosterNotes } }, null, 2);
  return [formatEstimates(scenario, estimates, roster.reps, report), ...rosterNotes.map((n) => `Roster: ${n}`)].join('\n');
}

function toJson(estimates: Estimates, roster: Rep[], backtestReport?: BacktestReport) {
  const byId = new Map(roster.map((r) => [r.rep_id, r]));
  return {
    segments: estimates.segments,
    reps: estimates.reps.map(({ rep, ...effect }) => ({ id: rep, name: byId.get(rep)?.name ?? rep, active: byId.get(rep)?.active ?? null, inRoster: byId.has(rep), ...effect })),
    conversion: estimates.conversion,
    decay: estimates.decay,
    arrivals: estimates.arrivals,
    model: estimates.model,
    notes: estimates.notes,
    ...(backtestReport ? { backtest: backtestReport } : {}),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** Terminal width of text: CJK characters take two columns. */
const width = (text: string) => [...text].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));
const padStart = (text: string, to: number) => ' '.repeat(Math.max(0, to - width(text))) + text;

function table(header: string[], rows: string[][], rightAligned: (column: number) => boolean): string[] {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned(i) ? padStart(c, widths[i]!) : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

/** The estimates as a person reads them in a terminal. */
function formatEstimates(scenario: Scenario, e: Estimates, roster: Rep[], bt?: BacktestReport): string {
  const names = new Map(roster.map((r) => [r.rep_id, r.name]));
  const decided = e.segments.reduce((s, x) => s + x.decided, 0);
  const leads = e.segments.reduce((s, x) => s + x.leads, 0);
  const out = [`${scenario.name}: ${num(leads)} leads, ${num(decided)} decided, ${e.segments.length} segments × ${e.reps.length} reps, over ${e.arrivals.weeks} weeks`, ''];
  out.push('Segments (conversion of an average rep, 90% interval):');
  out.push(...table(
    ['segment', 'leads/week', '± sd', 'decided', 'conversion', '90% interval', 'revenue/win'],
    e.segments.map((s) => [
      s.key, num(s.perWeek, 1), num(s.sdPerWeek, 1), num(s.decided), pct(s.rate.mean), `${pct(s.rate.lo)} – ${pct(s.rate.hi)}`,
      s.revenuePerWin.perWin === null ? '–' : `${num(s.revenuePerWin.perWin)}${s.revenuePerWin.source === 'overall' ? ' (all segments)' : ''}`,
    ]),
    (i) => i > 0 && i !== 5,
  ));
  out.push('', `Reps (effect: log-odds against the average rep on the same segments; * = the 90% interval excludes 0):`);
  const named = roster.length > 0;
  out.push(...table(
    ['rep', ...(named ? ['name'] : []), 'decided', 'won', 'effect', '90% interval', ''],
    e.reps.map((r) => [r.rep, ...(named ? [names.get(r.rep) ?? ''] : []), num(r.n), num(r.won), r.effect.toFixed(2), `${r.lo.toFixed(2)} … ${r.hi.toFixed(2)}`, r.significant ? '*' : r.seen ? '' : 'never seen']),
    (i) => i >= (named ? 2 : 1) && i <= (named ? 4 : 3),
  ));
  out.push(`  Spread of true rep effects (τ): ${e.model.repSpread.mean.toFixed(2)} (90%: ${e.model.repSpread.lo.toFixed(2)} … ${e.model.repSpread.hi.toFixed(2)}); a cell's prior is worth ${num(Math.min(e.model.cellStrength, 99_999))} leads.`);
  out.push('', 'Conversion by segment × rep (posterior mean; in brackets: never seen, the prior alone):');
  out.push(...conversionMatrix(e));
  const d = e.decay;
  const at = (h: number) => `${h} h ${pct(decayMultiplier(d, h))}`;
  out.push('', `Response-time decay (${d.source}): multiplier = ${d.floor.toFixed(2)} + ${(1 - d.floor).toFixed(2)}·exp(−hours / ${d.tauHours.toFixed(1)}); ${[1, 4, 24].map(at).join(', ')}.`);
  out.push(`  ${d.note}${d.untouched.decided ? ` Without a first-touch time: ${num(d.untouched.decided)} decided, ${num(d.untouched.won)} won.` : ''}`);
  if (bt) out.push('', ...formatBacktest(bt));
  out.push('', ...e.notes.map((n) => `Note: ${n}`));
  return out.join('\n');
}

/** Rows are whichever of segments and reps is longer, so the table grows down, not across. */
function conversionMatrix(e: Estimates): string[] {
  const segments = e.segments.map((s) => s.key);
  const reps = e.reps.map((r) => r.rep);
  const byRep = reps.length > segments.length;
  const [rows, columns] = byRep ? [reps, segments] : [segments, reps];
  const cell = new Map(e.conversion.map((c) => [`${c.segment}\u0000${c.rep}`, c]));
  const shown = (row: string, column: string) => {
    const c = cell.get(byRep ? `${column}\u0000${row}` : `${row}\u0000${column}`)!;
    return c.priorOnly ? `(${(100 * c.mean).toFixed(0)}%)` : `${(100 * c.mean).toFixed(0)}%`;
  };
  return table([byRep ? 'rep' : 'segment', ...columns], rows.map((row) => [row, ...columns.map((column) => shown(row, column))]), (i) => i > 0);
}

function formatBacktest(bt: BacktestReport): string[] {
  const cover = (x: number | null) => (x === null ? '–' : pct(x));
  const row = (label: string, l: BacktestResult['total']) => [label, num(l.decided), num(l.actual), num(l.expected, 1), `${num(l.lo, 1)} – ${num(l.hi, 1)}`, l.covered ? 'yes' : 'NO'];
  return [
    `Backtest: fitted on ${num(bt.fit.decided)} decided leads created before ${bt.cutoff}, forecast the ${num(bt.heldOut.decided)} decided since (last ${bt.holdOut * 100}% of the dates):`,
    ...table(
      ['', 'decided', 'won', 'forecast', '90% interval', 'inside'],
      [...bt.segments.map((s) => row(s.segment!, s)), ...bt.reps.map((r) => row(r.rep!, r)), row('total', bt.total)],
      (i) => i >= 1 && i <= 3,
    ),
    `  Coverage of the 90% intervals: segments ${cover(bt.coverage.segments)}, reps ${cover(bt.coverage.reps)}, rep × segment cells ${cover(bt.coverage.cells)} (the ${bt.coverage.cellsCounted} with 10+ held-out leads).`,
  ];
}
