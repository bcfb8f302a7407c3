import type { UnitEstimate } from './normal-hierarchy';

/**
 * Maximum likelihood of logit p(s, r) = segment[s] + rep[r] on a segments × reps table of decided
 * leads `n` and wins `y`: Newton's method on all segment and rep terms at once, with a line
 * search (the log-likelihood is concave, so it converges from anywhere). The Hessian is two
 * diagonal blocks joined by the cell weights; eliminating the segments leaves a reps × reps
 * system, so a step costs segments × reps² and a 500 × 50 table takes milliseconds.
 *
 * Rep effects come out centered (lead-weighted mean 0): a rep's effect reads "log-odds above the
 * average rep on the same segments". A whisper of a ridge (RIDGE) keeps a unit with no wins or
 * no losses finite and the system solvable; such a unit's variance comes out huge, and the pooling
 * step gives it almost no weight. Variances are the inverse curvature of each unit's own
 * likelihood, holding the other side fixed: the other side is estimated from far more leads than
 * any one unit, and the joint inverse would mix in the direction (all segments up, all reps down)
 * that only the centering pins down.
 */

const RIDGE = 0.01;

export interface AdditiveFit {
  /** Per segment: logit of the average rep's rate, and its variance (Infinity when never seen). */
  segment: UnitEstimate[];
  /** Per rep: effect, and its variance (Infinity when never seen). */
  rep: UnitEstimate[];
}

export function fitAdditiveLogit(n: Float64Array[], y: Float64Array[]): AdditiveFit {
  const S = n.length;
  const R = n[0]?.length ?? 0;
  let totalN = 0;
  let totalY = 0;
  n.forEach((row, s) => row.forEach((count, r) => ((totalN += count), (totalY += y[s]![r]!))));
  const overall = Math.log((totalY + 0.5) / (totalN - totalY + 0.5));
  let seg = new Float64Array(S).fill(overall);
  let rep = new Float64Array(R);
  const objective = (sg: Float64Array, rp: Float64Array) => {
    let value = -0.5 * RIDGE * (sg.reduce((a, m) => a + (m - overall) ** 2, 0) + rp.reduce((a, b) => a + b * b, 0));
    for (let s = 0; s < S; s++) {
      for (let r = 0; r < R; r++) {
        const count = n[s]![r]!;
        if (count === 0) continue;
        const eta = sg[s]! + rp[r]!;
        value += y[s]![r]! * eta - count * softplus(eta);
      }
    }
    return value;
  };

  let current = objective(seg, rep);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = newtonStep(n, y, seg, rep, overall);
    let scale = 1;
    let next = current;
    let trialSeg = seg;
    let trialRep = rep;
    for (let halvings = 0; halvings < 30; halvings++, scale /= 2) {
      trialSeg = seg.map((m, s) => m + scale * step.seg[s]!);
      trialRep = rep.map((b, r) => b + scale * step.rep[r]!);
      next = objective(trialSeg, trialRep);
      if (next >= current - 1e-12) break;
    }
    seg = trialSeg;
    rep = trialRep;
    const gain = next - current;
    current = next;
    if (gain < 1e-10 && scale === 1) break;
  }

  const repLeads = Array.from({ length: R }, (_, r) => n.reduce((a, row) => a + row[r]!, 0));
  const mean = totalN > 0 ? rep.reduce((a, b, r) => a + b * repLeads[r]!, 0) / totalN : 0;
  rep = rep.map((b) => b - mean);
  seg = seg.map((m) => m + mean);
  const { segCurvature, repCurvature } = curvatures(n, seg, rep);
  const segLeads = n.map((row) => row.reduce((a, b) => a + b, 0));
  return {
    segment: Array.from(seg, (value, s) => ({ value, variance: segLeads[s]! > 0 ? 1 / segCurvature[s]! : Infinity })),
    rep: Array.from(rep, (value, r) => ({ value, variance: repLeads[r]! > 0 ? 1 / repCurvature[r]! : Infinity })),
  };
}

function curvatures(n: Float64Array[], seg: Float64Array, rep: Float64Array) {
  const segCurvature = new Float64Array(seg.length).fill(RIDGE);
  const repCurvature = new Float64Array(rep.length).fill(RIDGE);
  const cross = n.map(() => new Float64Array(rep.length));
  n.forEach((row, s) =>
    row.forEach((count, r) => {
      if (count === 0) return;
      const p = 1 / (1 + Math.exp(-(seg[s]! + rep[r]!)));
      const w = count * p * (1 - p);
      segCurvature[s]! += w;
      repCurvature[r]! += w;
      cross[s]![r] = w;
    }),
  );
  return { segCurvature, repCurvature, cross };
}

/** Solves [Ds W; Wᵀ Dr] [δs; δr] = [gs; gr] by eliminating the segments (Schur complement on reps). */
function newtonStep(n: Float64Array[], y: Float64Array[], seg: Float64Array, rep: Float64Array, overall: number) {
  const S = seg.length;
  const R = rep.length;
  const gSeg = seg.map((m) => -RIDGE * (m - overall));
  const gRep = rep.map((b) => -RIDGE * b);
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) {
      const count = n[s]![r]!;
      if (count === 0) continue;
      const residual = y[s]![r]! - count / (1 + Math.exp(-(seg[s]! + rep[r]!)));
      gSeg[s]! += residual;
      gRep[r]! += residual;
    }
  }
  const { segCurvature: dSeg, repCurvature: dRep, cross: w } = curvatures(n, seg, rep);
  const schur = Array.from({ length: R }, (_, i) => new Float64Array(R));
  const rhs = Float64Array.from(gRep);
  for (let i = 0; i < R; i++) schur[i]![i] = dRep[i]!;
  for (let s = 0; s < S; s++) {
    const row = w[s]!;
    const inv = 1 / dSeg[s]!;
    for (let i = 0; i < R; i++) {
      if (row[i] === 0) continue;
      rhs[i]! -= row[i]! * inv * gSeg[s]!;
      for (let j = 0; j < R; j++) schur[i]![j]! -= row[i]! * inv * row[j]!;
    }
  }
  const dRepStep = choleskySolve(schur, rhs);
  const dSegStep = gSeg.map((g, s) => (g - w[s]!.reduce((a, x, r) => a + x * dRepStep[r]!, 0)) / dSeg[s]!);
  return { seg: dSegStep, rep: dRepStep };
}

/** Solves A x = b for a symmetric positive definite A (the ridge keeps it so). */
function choleskySolve(a: Float64Array[], b: Float64Array): Float64Array {
  const size = b.length;
  const l = a.map(() => new Float64Array(size));
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j]![j]!;
    }
  }
  const z = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * z[k]!;
    z[i] = sum / l[i]![i]!;
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let k = i + 1; k < size; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
