/**
 * The model in CPLEX LP format: one writer, two uses — HiGHS reads it as its input, and `--lp`
 * hands it to anyone who wants to check our answer with another solver.
 */
import type { LinearModel } from './model';

/** LP readers cap line length (CPLEX at 255 bytes); expressions are wrapped this many terms a line. */
const TERMS_PER_LINE = 8;

export function toCplexLp(model: LinearModel, title = 'allot assignment LP'): string {
  const lines: string[] = [`\\ ${title.replace(/[\r\n]/g, ' ')}`, `\\ ${model.S} segments x ${model.R} reps, ${model.colNames.length} columns, ${model.rows.length} rows`, 'Maximize'];
  const objCols: number[] = [];
  const objCoefs: number[] = [];
  model.objective.forEach((c, j) => { if (c !== 0) { objCols.push(j); objCoefs.push(c); } });
  // An objective with no terms still needs one, and every column should appear somewhere.
  if (objCols.length === 0 && model.colNames.length > 0) { objCols.push(0); objCoefs.push(0); }
  lines.push(...expression('obj', objCols, objCoefs, model.colNames));
  lines.push('Subject To');
  for (const row of model.rows) {
    const expr = expression(row.name, row.cols, row.coefs, model.colNames);
    expr[expr.length - 1] += ` ${row.sense} ${num(row.rhs)}`;
    lines.push(...expr);
  }
  // Columns are ≥ 0 by default in the LP format; nothing to add under Bounds.
  lines.push('End', '');
  return lines.join('\n');
}

function expression(name: string, cols: readonly number[], coefs: readonly number[], names: readonly string[]): string[] {
  const out: string[] = [];
  let line = ` ${name}:`;
  cols.forEach((col, k) => {
    const c = coefs[k]!;
    line += `${c < 0 ? ' - ' : k === 0 ? ' ' : ' + '}${num(Math.abs(c))} ${names[col]}`;
    if ((k + 1) % TERMS_PER_LINE === 0 && k < cols.length - 1) { out.push(line); line = '  '; }
  });
  out.push(line);
  return out;
}

/** Shortest round-trip decimal; LP readers take exponents (1e-07) as well. */
function num(x: number): string {
  return String(x);
}
