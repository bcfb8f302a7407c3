/**
 * The LinearModel as the arrays HiGHS takes (compressed rows, bounds, costs): no LP text to write
 * and parse, no names to look columns up by. Rows with the same terms (capacity and the load
 * band's top and bottom are all "this rep's load") become one ranged row, which HiGHS would
 * otherwise have to find in presolve.
 */
import type { LinearModel } from './model';

export interface HighsLp {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row i's terms are starts[i]..starts[i+1] of indices (columns) and values. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export function toHighsLp(model: LinearModel): HighsLp {
  const numCols = model.colNames.length;
  const kept: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const byKey = new Map<number, number[]>();
  let nnz = 0;
  model.rows.forEach((row, i) => {
    const lo = row.sense === '<=' ? -Infinity : row.rhs;
    const up = row.sense === '>=' ? Infinity : row.rhs;
    const key = termsHash(row.cols, row.coefs);
    const twin = byKey.get(key)?.find((k) => sameTerms(model.rows[kept[k]!]!, row));
    if (twin !== undefined) {
      lower[twin] = Math.max(lower[twin]!, lo);
      upper[twin] = Math.min(upper[twin]!, up);
      return;
    }
    byKey.set(key, [...(byKey.get(key) ?? []), kept.length]);
    kept.push(i);
    lower.push(lo);
    upper.push(up);
    nnz += row.cols.length;
  });
  const starts = new Int32Array(kept.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  kept.forEach((i, r) => {
    const { cols, coefs } = model.rows[i]!;
    starts[r] = k;
    for (let q = 0; q < cols.length; q++, k++) { indices[k] = cols[q]!; values[k] = coefs[q]!; }
  });
  starts[kept.length] = k;
  return {
    numCols,
    numRows: kept.length,
    colCost: Float64Array.from(model.objective),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(Infinity),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    starts,
    indices,
    values,
  };
}

/** Whether two LPs have their terms in the same places (same columns, rows and nonzeros), whatever their values. */
export function samePattern(a: HighsLp, b: HighsLp): boolean {
  return a.numCols === b.numCols && a.numRows === b.numRows && equalArrays(a.starts, b.starts) && equalArrays(a.indices, b.indices);
}

/** Whether two LPs are the same LP: terms, costs and bounds. */
export function sameLp(a: HighsLp, b: HighsLp): boolean {
  return samePattern(a, b) && equalArrays(a.values, b.values) && equalArrays(a.colCost, b.colCost) && equalArrays(a.colLower, b.colLower) && equalArrays(a.colUpper, b.colUpper)
    && equalArrays(a.rowLower, b.rowLower) && equalArrays(a.rowUpper, b.rowUpper);
}

function equalArrays(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sameTerms(a: { cols: readonly number[]; coefs: readonly number[] }, b: { cols: readonly number[]; coefs: readonly number[] }): boolean {
  return equalArrays(a.cols, b.cols) && equalArrays(a.coefs, b.coefs);
}

function termsHash(cols: readonly number[], coefs: readonly number[]): number {
  let h = cols.length;
  for (let q = 0; q < cols.length; q++) h = (Math.imul(h, 31) + cols[q]! + Math.imul(Math.round(coefs[q]! * 1e6) | 0, 7)) | 0;
  return h;
}
