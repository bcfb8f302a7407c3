import { errorFunction } from 'simple-statistics';
import type { FieldRanking } from '../model/proposal';
import { fitAdditiveLogit } from './additive-logit';

/** Decided leads of one value of a candidate field × one rep. */
export interface FieldRepCount {
  value: string;
  rep: string;
  decided: number;
  won: number;
}

/** A cell with fewer decided leads than this counts as thin: its own rate is shrunk toward the additive one. */
export const THIN_CELL = 10;
/** The pseudo-leads of the additive rate each cell's own rate is shrunk with (Bayes with a weak prior). */
const SHRINK_LEADS = 5;

/**
 * Ranks candidate segment fields by how much they separate conversion *between reps* (DESIGN
 * §2.3): a field is worth segmenting by when who converts best depends on its value, i.e. when
 * the rep × value interaction is real. For each field the likelihood of the data under each cell's
 * own rate (shrunk toward the additive fit by SHRINK_LEADS pseudo-leads, so a cell of three leads
 * cannot fake a difference) is set against the additive logit model rep + value; the ratio is
 * judged against its χ² null with one degree of freedom per cell beyond the additive terms. Many
 * thin cells add degrees of freedom faster than evidence, so cardinality alone does not win.
 */
export function rankSegmentFields(byField: ReadonlyMap<string, readonly FieldRepCount[]>): FieldRanking[] {
  const ranked: FieldRanking[] = [];
  for (const [field, counts] of byField) {
    const ranking = rankField(field, counts);
    if (ranking) ranked.push(ranking);
  }
  return ranked.sort((a, b) => b.score - a.score || a.field.localeCompare(b.field));
}

function rankField(field: string, counts: readonly FieldRepCount[]): FieldRanking | null {
  const rows = counts.filter((c) => c.decided > 0);
  const values = [...new Set(rows.map((r) => r.value))];
  const reps = [...new Set(rows.map((r) => r.rep))];
  if (values.length < 2 || reps.length < 2) return null;
  const valueIndex = new Map(values.map((v, i) => [v, i]));
  const repIndex = new Map(reps.map((r, i) => [r, i]));
  const n = values.map(() => new Float64Array(reps.length));
  const y = values.map(() => new Float64Array(reps.length));
  for (const row of rows) {
    n[valueIndex.get(row.value)!]![repIndex.get(row.rep)!]! += row.decided;
    y[valueIndex.get(row.value)!]![repIndex.get(row.rep)!]! += row.won;
  }
  const fit = fitAdditiveLogit(n, y);
  let lr = 0;
  let cells = 0;
  let thinCells = 0;
  let decided = 0;
  for (let v = 0; v < values.length; v++) {
    for (let r = 0; r < reps.length; r++) {
      const total = n[v]![r]!;
      if (total === 0) continue;
      cells++;
      decided += total;
      if (total < THIN_CELL) thinCells++;
      const additive = clamp(1 / (1 + Math.exp(-(fit.segment[v]!.value + fit.rep[r]!.value))));
      const own = clamp((y[v]![r]! + SHRINK_LEADS * additive) / (total + SHRINK_LEADS));
      const won = y[v]![r]!;
      lr += 2 * (won * Math.log(own / additive) + (total - won) * Math.log((1 - own) / (1 - additive)));
    }
  }
  const df = cells - (values.length + reps.length - 1);
  if (df <= 0) return null;
  lr = Math.max(0, lr);
  return { field, values: values.length, cells, thinCells, decided, lr, df, score: (lr - df) / Math.sqrt(2 * df), pValue: chiSquaredUpperTail(lr, df) };
}

const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

/** P(χ²(df) > x) by the Wilson–Hilferty cube-root normal approximation (good to ~1e-3 for df ≥ 1). */
export function chiSquaredUpperTail(x: number, df: number): number {
  if (x <= 0) return 1;
  const h = 2 / (9 * df);
  const z = (Math.cbrt(x / df) - (1 - h)) / Math.sqrt(h);
  return 0.5 * (1 - errorFunction(z / Math.SQRT2));
}
