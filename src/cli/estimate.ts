import path from 'node:path';
import type { Database } from '../data/database';
import { readEstimationInputs, type SegmentSpec } from '../data/estimation-inputs';
import { ImportError } from '../model/errors';
import { importLeads } from '../data/import-leads';
import { inferRoster, readRoster } from '../data/roster';
import type { BacktestResult } from '../estimate/backtest';
import { decayMultiplier } from '../estimate/decay';
import { estimate, type Estimates } from '../estimate/estimate';
import { runBacktest, type BacktestReport } from '../estimate/run-backtest';
import type { MappingInput } from '../model/mapping';
import type { Rep, Roster } from '../model/roster';
import { ScenarioSchema, type Scenario } from '../model/scenario';
import { readJsonFile, readMappingFile, readSourceFile } from './read-files';

// Re-exported: the backtest moved to src/estimate (browser-safe, for the notebooks); callers import it from here too.
export { runBacktest, type BacktestReport };

export interface EstimateArgs {
  scenario: string;
  json: boolean;
  backtest: boolean;
}

/** `allot estimate --scenario s.json [--json] [--backtest]` (DESIGN §2.5). */
export async function estimateCommand(db: Database, args: EstimateArgs): Promise<string> {
  const { scenario, roster, rosterNotes, spec, estimates } = await loadEstimates(db, args.scenario);
  const report = args.backtest ? await runBacktest(db, spec, estimates.reps.map((r) => r.rep)) : undefined;
  if (args.json) return JSON.stringify({ ...toJson(estimates, roster, report), roster: { origin: rosterNotes.length ? 'inferred' : 'scenario', notes: rosterNotes } }, null, 2);
  return [formatEstimates(scenario, estimates, roster, report), ...rosterNotes.map((n) => `Roster: ${n}`)].join('\n');
}

/** Reads a scenario, imports its leads and roster, and estimates; shared by `estimate` and `optimize`. */
export async function loadEstimates(db: Database, scenarioFile: string): Promise<LoadedScenario> {
  const args = { scenario: scenarioFile };
  const scenario = await readScenario(args.scenario);
  const dir = path.dirname(path.resolve(args.scenario));
  const leads = await importLeads(db, await leadFiles(scenario, dir), await leadMapping(scenario, dir));
  const { reps: roster, notes: rosterNotes } = await scenarioRoster(db, scenario.roster, dir, leads.attributes);
  const spec: SegmentSpec = scenario.segments;
  const inputs = await readEstimationInputs(db, spec).catch((error: unknown) => {
    throw error instanceof ImportError && error.where.path ? new ImportError(`${args.scenario}: ${error.message}`, error.where) : error;
  });
  const leadsFile = scenario.leads.path;
  if (inputs.leads === 0) throw new ImportError(`${leadsFile}: no leads to estimate from (the file has a header and no rows).`, { file: leadsFile });
  if (inputs.outcomes.length === 0) throw new ImportError(`${leadsFile}: no decided (won or lost) lead, so conversion cannot be learned. Check the outcome column's mapping.`, { file: leadsFile });
  const estimates = estimate(inputs, { reps: roster.map((r) => r.rep_id), ...(scenario.decay ? { decay: scenario.decay } : {}) });
  return { scenario, roster, rosterNotes, spec, estimates };
}

export interface LoadedScenario {
  scenario: Scenario;
  roster: Rep[];
  /** Empty for a roster the scenario gives; for one inferred from the history, how each value was guessed. */
  rosterNotes: string[];
  spec: SegmentSpec;
  estimates: Estimates;
}

/** The scenario's roster (a file, or inline); without one, inferred from the owners in the history (DESIGN §2.2). */
async function scenarioRoster(db: Database, roster: Scenario['roster'], dir: string, attributes: string[]): Promise<Pick<Roster, 'reps' | 'notes'>> {
  if (!roster) {
    const inferred = await inferRoster(db, attributes);
    return { reps: inferred.reps, notes: ['No roster in the scenario: it is inferred from the history.', ...inferred.notes] };
  }
  if ('reps' in roster) return { reps: roster.reps, notes: [] };
  return { reps: (await readRoster(db, await readSourceFile(path.resolve(dir, roster.path)))).reps, notes: [] };
}

export async function readScenario(file: string): Promise<Scenario> {
  const parsed = ScenarioSchema.safeParse(await readJsonFile(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = jsonPath(issue.path);
    throw new ImportError(`${file}: ${where}: ${issue.message}`, { file, path: where });
  }
  return parsed.data;
}

/** `['segments', 'fields', 0]` → `segments.fields[0]`. */
function jsonPath(parts: PropertyKey[]): string {
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(root)';
}

/** The lead file, then the tables a mapping joins onto it; paths relative to the file that names them. */
async function leadFiles(scenario: Scenario, dir: string) {
  const mapping = scenario.leads.mapping;
  const joined = typeof mapping === 'string'
    ? (await readMappingFile(path.resolve(dir, mapping))).tablePaths
    : (mapping?.tables ?? []).map((t) => path.resolve(dir, t.path));
  return Promise.all([path.resolve(dir, scenario.leads.path), ...joined.slice(1)].map(readSourceFile));
}

async function leadMapping(scenario: Scenario, dir: string): Promise<MappingInput> {
  const mapping = scenario.leads.mapping;
  return typeof mapping === 'string' ? (await readMappingFile(path.resolve(dir, mapping))).mapping : (mapping ?? {});
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
