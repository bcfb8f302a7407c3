/**
 * Every solution is checked here before anyone sees it: x ≥ 0 and every row within tolerance.
 * Solvers have returned infeasible answers marked feasible before (DESIGN §6).
 */
import type { LinearModel, Row } from './model';

/** Absolute tolerance, scaled by the row's size (a 1e-6 slip on a 500-lead row is rounding). */
export const CHECK_TOLERANCE = 1e-6;

export interface Violation { row: string; group: Row['group'] | 'bounds'; lhs: number; sense: Row['sense']; rhs: number; by: number }

export function checkSolution(model: LinearModel, x: Float64Array): Violation[] {
  const out: Violation[] = [];
  x.forEach((v, j) => {
    if (!(v >= -CHECK_TOLERANCE)) out.push({ row: `${model.colNames[j]} ≥ 0`, group: 'bounds', lhs: v, sense: '>=', rhs: 0, by: -v });
  });
  for (const row of model.rows) {
    let lhs = 0, scale = Math.abs(row.rhs);
    row.cols.forEach((col, k) => { const term = row.coefs[k]! * x[col]!; lhs += term; scale = Math.max(scale, Math.abs(term)); });
    const slack = row.sense === '<=' ? row.rhs - lhs : row.sense === '>=' ? lhs - row.rhs : -Math.abs(lhs - row.rhs);
    if (!(slack >= -CHECK_TOLERANCE * Math.max(1, scale))) out.push({ row: row.name, group: row.group, lhs, sense: row.sense, rhs: row.rhs, by: -slack });
  }
  return out;
}

export function objectiveValue(model: LinearModel, x: Float64Array): number {
  let sum = 0;
  model.objective.forEach((c, j) => { sum += c * x[j]!; });
  return sum;
}

export function describeViolation(v: Violation): string {
  return `${v.row}: ${+v.lhs.toPrecision(10)} ${v.sense} ${v.rhs} is off by ${v.by.toPrecision(3)}`;
}
