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
  const table = seenCells(n, y);
  let seg = new Float64Array(S).fill(overall);
  let rep = new Float64Array(R);
  const objective = (sg: Float64Array, rp: Float64Array) => {
    let value = -0.5 * RIDGE * (sg.reduce((a, m) => a + (m - overall) ** 2, 0) + rp.reduce((a, b) => a + b * b, 0));
    const { segOf, repOf, count, won } = table;
    for (let c = 0; c < count.length; c++) {
      const eta = sg[segOf[c]!]! + rp[repOf[c]!]!;
      value += won[c]! * eta - count[c]! * softplus(eta);
    }
    return value;
  };

  // Always the full 100 iterations when the line search stalls: the results are pinned to this path.
  let current = objective(seg, rep);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = newtonStep(table, seg, rep, overall);
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
  const { segCurvature, repCurvature } = curvatures(table, seg, rep);
  const segLeads = n.map((row) => row.reduce((a, b) => a + b, 0));
  return {
    segment: Array.from(seg, (value, s) => ({ value, variance: segLeads[s]! > 0 ? 1 / segCurvature[s]! : Infinity })),
    rep: Array.from(rep, (value, r) => ({ value, variance: repLeads[r]! > 0 ? 1 / repCurvature[r]! : Infinity })),
  };
}

/**
 * The cells with decided leads, segment by segment and rep by rep within one (the order every sum
 * runs in): a large team's table is mostly empty, and each Newton step visits it many times.
 */
interface SeenCells {
  segments: number;
  reps: number;
  segOf: Int32Array;
  repOf: Int32Array;
  count: Float64Array;
  won: Float64Array;
  /** Cells of segment s are [segStart[s], segStart[s + 1]). */
  segStart: Int32Array;
}

function seenCells(n: Float64Array[], y: Float64Array[]): SeenCells {
  const S = n.length;
  const R = n[0]?.length ?? 0;
  let size = 0;
  for (const row of n) for (const count of row) if (count !== 0) size++;
  const table: SeenCells = {
    segments: S, reps: R, segOf: new Int32Array(size), repOf: new Int32Array(size),
    count: new Float64Array(size), won: new Float64Array(size), segStart: new Int32Array(S + 1),
  };
  let c = 0;
  for (let s = 0; s < S; s++) {
    table.segStart[s] = c;
    for (let r = 0; r < R; r++) {
      const count = n[s]![r]!;
      if (count === 0) continue;
      table.segOf[c] = s;
      table.repOf[c] = r;
      table.count[c] = count;
      table.won[c] = y[s]![r]!;
      c++;
    }
  }
  table.segStart[S] = c;
  return table;
}

/** Each unit's curvature, and each seen cell's weight (`cross`, indexed like the cells). */
function curvatures(table: SeenCells, seg: Float64Array, rep: Float64Array) {
  const segCurvature = new Float64Array(seg.length).fill(RIDGE);
  const repCurvature = new Float64Array(rep.length).fill(RIDGE);
  const { segOf, repOf, count } = table;
  const cross = new Float64Array(count.length);
  for (let c = 0; c < count.length; c++) {
    const s = segOf[c]!;
    const r = repOf[c]!;
    const p = 1 / (1 + Math.exp(-(seg[s]! + rep[r]!)));
    const w = count[c]! * p * (1 - p);
    segCurvature[s]! += w;
    repCurvature[r]! += w;
    cross[c] = w;
  }
  return { segCurvature, repCurvature, cross };
}

/** Solves [Ds W; Wᵀ Dr] [δs; δr] = [gs; gr] by eliminating the segments (Schur complement on reps). */
function newtonStep(table: SeenCells, seg: Float64Array, rep: Float64Array, overall: number) {
  const S = seg.length;
  const R = rep.length;
  const { segOf, repOf, count, won, segStart } = table;
  const gSeg = seg.map((m) => -RIDGE * (m - overall));
  const gRep = rep.map((b) => -RIDGE * b);
  for (let c = 0; c < count.length; c++) {
    const s = segOf[c]!;
    const r = repOf[c]!;
    const residual = won[c]! - count[c]! / (1 + Math.exp(-(seg[s]! + rep[r]!)));
    gSeg[s]! += residual;
    gRep[r]! += residual;
  }
  const { segCurvature: dSeg, repCurvature: dRep, cross: w } = curvatures(table, seg, rep);
  // Row-major R × R; a cell without weight subtracts an exact +0, so only weighted pairs are visited.
  const schur = new Float64Array(R * R);
  const rhs = Float64Array.from(gRep);
  for (let i = 0; i < R; i++) schur[i * R + i] = dRep[i]!;
  for (let s = 0; s < S; s++) {
    const inv = 1 / dSeg[s]!;
    const from = segStart[s]!;
    const to = segStart[s + 1]!;
    for (let ci = from; ci < to; ci++) {
      const wi = w[ci]!;
      if (wi === 0) continue;
      const i = repOf[ci]!;
      rhs[i]! -= wi * inv * gSeg[s]!;
      const scaled = wi * inv;
      const base = i * R;
      for (let cj = from; cj < to; cj++) {
        const wj = w[cj]!;
        if (wj !== 0) schur[base + repOf[cj]!]! -= scaled * wj;
      }
    }
  }
  const dRepStep = choleskySolve(schur, rhs);
  const dSegStep = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    let a = 0;
    for (let c = segStart[s]!; c < segStart[s + 1]!; c++) a += w[c]! * dRepStep[repOf[c]!]!;
    dSegStep[s] = (gSeg[s]! - a) / dSeg[s]!;
  }
  return { seg: dSegStep, rep: dRepStep };
}

/** Solves A x = b for a symmetric positive definite A (the ridge keeps it so); A is row-major. */
function choleskySolve(a: Float64Array, b: Float64Array): Float64Array {
  const size = b.length;
  const l = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const li = i * size;
    for (let j = 0; j <= i; j++) {
      const lj = j * size;
      let sum = a[li + j]!;
      for (let k = 0; k < j; k++) sum -= l[li + k]! * l[lj + k]!;
      l[li + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[lj + j]!;
    }
  }
  const z = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * size + k]! * z[k]!;
    z[i] = sum / l[i * size + i]!;
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let k = i + 1; k < size; k++) sum -= l[k * size + i]! * x[k]!;
    x[i] = sum / l[i * size + i]!;
  }
  return x;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
