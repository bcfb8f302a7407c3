import { gammaln } from 'simple-statistics';

/**
 * The beta and beta-binomial distributions the conversion model and the backtest need: the
 * posterior of a rate is a Beta, and the wins among n future leads at an uncertain rate are
 * beta-binomial. Deterministic numerics only; no sampling here.
 */

/** z for a two-sided 90% interval. */
export const Z90 = 1.6448536269514722;


export function logBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/**
 * Regularized incomplete beta I_x(a, b), by the continued fraction (Lentz's method). `logNorm` is
 * log B(a, b), for a caller that evaluates many x of one distribution (a quantile's Newton steps).
 */
export function betaCdf(x: number, a: number, b: number, logNorm = logBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logNorm);
  // The fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  // Each step m applies its even term, then its odd one, in that order (written out, with no array
  // of the two made at every step).
  for (let m = 1; m <= 500; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = 1 + even / c;
    if (Math.abs(c) < tiny) c = tiny;
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = 1 + odd / c;
    if (Math.abs(c) < tiny) c = tiny;
    h *= d * c;
    if (Math.abs(d * c - 1) < 1e-14) break;
  }
  return h;
}

/**
 * The q-quantile of Beta(a, b): Newton's method from the normal approximation, kept inside a
 * bracket that shrinks every step (a step that would leave it bisects instead), so it always
 * converges and usually within a handful of CDF evaluations.
 */
export function betaQuantile(q: number, a: number, b: number, logNorm = logBeta(a, b)): number {
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  let lo = 0;
  let hi = 1;
  let x = Math.min(Math.max(mean + probitApprox(q) * sd, 1e-12), 1 - 1e-12);
  for (let i = 0; i < 100; i++) {
    const f = betaCdf(x, a, b, logNorm) - q;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logNorm);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-12 * Math.max(x, 1e-6) || hi - lo < 1e-14) return next;
    x = next;
  }
  return x;
}

/** A rough standard normal quantile (Tukey's λ approximation); only a starting point. */
function probitApprox(q: number): number {
  return 4.91 * (q ** 0.14 - (1 - q) ** 0.14);
}

/**
 * log P(k wins of n) when the rate is Beta(a, b). `logGammaN1` is log Γ(n + 1) and `logNorm`
 * log B(a, b), for a caller that sums the pmf over every k of one n, a and b.
 */
export function betaBinomialLogPmf(k: number, n: number, a: number, b: number, logGammaN1 = gammaln(n + 1), logNorm = logBeta(a, b)): number {
  const logChoose = logGammaN1 - gammaln(k + 1) - gammaln(n - k + 1);
  return logChoose + logBeta(k + a, n - k + b) - logNorm;
}

/** The lower and upper quantiles of the beta-binomial(n, a, b) number of wins. */
export function betaBinomialInterval(n: number, a: number, b: number, lower = 0.05, upper = 0.95): { lo: number; hi: number } {
  const logGammaN1 = gammaln(n + 1);
  const logNorm = logBeta(a, b);
  let cumulative = 0;
  let lo = -1;
  for (let k = 0; k <= n; k++) {
    cumulative += Math.exp(betaBinomialLogPmf(k, n, a, b, logGammaN1, logNorm));
    if (lo < 0 && cumulative >= lower) lo = k;
    if (cumulative >= upper) return { lo, hi: k };
  }
  return { lo: Math.max(lo, 0), hi: n };
}

export const logit = (p: number): number => Math.log(p / (1 - p));
export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
