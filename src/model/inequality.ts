/**
 * How unevenly something is shared among reps, for the optimizer's frontier, the simulator's
 * fairness metrics and the charts: one definition each, so every screen reports the same number.
 */

/** Gini coefficient of non-negative amounts: mean absolute difference over twice the mean (0 = all equal, towards 1 = one has all). */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || !(total > 0)) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_(i) for sorted x (0-based i).
  const weighted = sorted.reduce((sum, x, i) => sum + (2 * i - n + 1) * x, 0);
  return weighted / (n * total);
}

/** Jain's fairness index: 1 when all are equal, 1/n when one has everything. */
export function jain(values: readonly number[]): number {
  const sum = values.reduce((a, b) => a + b, 0);
  const squares = values.reduce((a, b) => a + b * b, 0);
  return squares > 0 ? (sum * sum) / (values.length * squares) : 1;
}
