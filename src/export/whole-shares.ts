/**
 * Splits `total` whole units in proportion to `weights` by largest remainder, so the parts sum to
 * exactly `total` and none is off by more than one from its exact share. Targets that take whole
 * percents (HubSpot's split branches) or whole quotas (Odoo) get the closest thing to the weights.
 */
export function wholeShares(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}
