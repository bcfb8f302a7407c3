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
  const cache = cellCache(table);
  const objective = (sg: Float64Array, rp: Float64Array) => {
    let segPenalty = 0;
    for (let s = 0; s < S; s++) segPenalty += (sg[s]! - overall) ** 2;
    let repPenalty = 0;
    for (let r = 0; r < R; r++) repPenalty += rp[r]! * rp[r]!;
    let value = -0.5 * RIDGE * (segPenalty + repPenalty);
    const { term } = cache.likelihoodAt(sg, rp);
    for (let c = 0; c < term.length; c++) value += term[c]!;
    return value;
  };

  // Always the full 100 iterations when the line search stalls: the results are pinned to this path.
  // Stopping at the first shortened step without gain (iteration 6 of 100 on the large team) moved
  // the Maven export's rep effects and cell posteriors by up to 4.9e-9 relative, so the stalled
  // iterations stay and are made cheap instead (cellCache, factorCache).
  let current = objective(seg, rep);
  // The line search's trial point, written in place: the stalled iterations try up to 30 of them each.
  let trialSeg = new Float64Array(S);
  let trialRep = new Float64Array(R);
  const factor = factorCache(table);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = newtonStep(table, cache.slopesAt(seg, rep), seg, rep, overall, factor);
    let scale = 1;
    let next = current;
    for (let halvings = 0; halvings < 30; halvings++, scale /= 2) {
      for (let s = 0; s < S; s++) trialSeg[s] = seg[s]! + scale * step.seg[s]!;
      for (let r = 0; r < R; r++) trialRep[r] = rep[r]! + scale * step.rep[r]!;
      next = objective(trialSeg, trialRep);
      if (next >= current - 1e-12) break;
    }
    [seg, trialSeg] = [trialSeg, seg];
    [rep, trialRep] = [trialRep, rep];
    const gain = next - current;
    current = next;
    if (gain < 1e-10 && scale === 1) break;
  }

  const repLeads = Array.from({ length: R }, (_, r) => n.reduce((a, row) => a + row[r]!, 0));
  const mean = totalN > 0 ? rep.reduce((a, b, r) => a + b * repLeads[r]!, 0) / totalN : 0;
  rep = rep.map((b) => b - mean);
  seg = seg.map((m) => m + mean);
  const { segCurvature, repCurvature } = curvatures(table, cellCache(table).slopesAt(seg, rep));
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

/** What each seen cell contributes at its linear predictor η = segment + rep. */
interface CellTerms {
  /** won·η − n·softplus(η): the cell's log-likelihood. */
  term: Float64Array;
  /** won − n·p: the cell's gradient. */
  residual: Float64Array;
  /** n·p·(1 − p): the cell's curvature. */
  weight: Float64Array;
}

/**
 * The cells' terms, recomputed only for the cells whose η changed since the last call. Once the
 * fit has converged, the line search's trial points and the Newton steps move a handful of units
 * by an ulp or leave them where they are, so almost every cell keeps its η; the terms are the same
 * expressions of the same η, and every sum over them still runs over all cells in the same order,
 * so the fit's numbers are bit for bit those of recomputing everything.
 */
function cellCache(table: SeenCells) {
  const size = table.count.length;
  // The η each kind of term was last computed at: the line search needs only the likelihood at
  // its trial points, the Newton step only the gradient and curvature at the point accepted.
  const termEta = new Float64Array(size).fill(NaN);
  const slopeEta = new Float64Array(size).fill(NaN);
  const terms: CellTerms = { term: new Float64Array(size), residual: new Float64Array(size), weight: new Float64Array(size) };
  // The term at the η before the last one: a stalled line search's trials leave a cell and come
  // back to it (a long step moves it by an ulp, a shorter one does not), and each return would
  // cost a softplus again.
  const earlierEta = new Float64Array(size).fill(NaN);
  const earlierTerm = new Float64Array(size);
  const { segOf, repOf, segStart, count, won } = table;
  return {
    /** `term` at (seg, rep). */
    likelihoodAt(seg: Float64Array, rep: Float64Array): CellTerms {
      for (let s = 0; s < table.segments; s++) {
        const segment = seg[s]!;
        for (let c = segStart[s]!; c < segStart[s + 1]!; c++) {
          const x = segment + rep[repOf[c]!]!;
          // ±0 give the same terms; NaN (never computed) differs from everything.
          if (x === termEta[c]) continue;
          const last = termEta[c]!;
          const lastTerm = terms.term[c]!;
          terms.term[c] = x === earlierEta[c] ? earlierTerm[c]! : won[c]! * x - count[c]! * softplus(x);
          termEta[c] = x;
          earlierEta[c] = last;
          earlierTerm[c] = lastTerm;
        }
      }
      return terms;
    },
    /** `residual` and `weight` at (seg, rep). */
    slopesAt(seg: Float64Array, rep: Float64Array): CellTerms {
      for (let c = 0; c < size; c++) {
        const x = seg[segOf[c]!]! + rep[repOf[c]!]!;
        if (x === slopeEta[c]) continue;
        slopeEta[c] = x;
        const e = 1 + Math.exp(-x);
        terms.residual[c] = won[c]! - count[c]! / e;
        const p = 1 / e;
        terms.weight[c] = count[c]! * p * (1 - p);
      }
      return terms;
    },
  };
}

/** Each unit's curvature, and each seen cell's weight (`cross`, indexed like the cells). */
function curvatures(table: SeenCells, cells: CellTerms) {
  const segCurvature = new Float64Array(table.segments).fill(RIDGE);
  const repCurvature = new Float64Array(table.reps).fill(RIDGE);
  const { segOf, repOf } = table;
  const { weight } = cells;
  for (let c = 0; c < weight.length; c++) {
    segCurvature[segOf[c]!]! += weight[c]!;
    repCurvature[repOf[c]!]! += weight[c]!;
  }
  return { segCurvature, repCurvature, cross: weight };
}

/**
 * The Cholesky factor of the reps' Schur complement, kept with the cell weights it was built
 * from. The complement depends on the weights alone (the gradient enters only the right-hand
 * side), and once the fit has converged most Newton steps see every weight bit for bit as the
 * step before (84 of the 100 steps on the large team): those reuse the factor instead of
 * rebuilding the R × R matrix and factorising it again, and get the same doubles.
 */
function factorCache(table: SeenCells) {
  const weights = new Float64Array(table.count.length);
  let factor: Float64Array | null = null;
  return {
    factorOf(w: Float64Array, build: () => Float64Array): Float64Array {
      if (factor && sameDoubles(w, weights)) return factor;
      weights.set(w);
      factor = choleskyFactor(build(), table.reps);
      return factor;
    },
  };
}

function sameDoubles(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Solves [Ds W; Wᵀ Dr] [δs; δr] = [gs; gr] by eliminating the segments (Schur complement on reps). */
function newtonStep(table: SeenCells, cells: CellTerms, seg: Float64Array, rep: Float64Array, overall: number, factors: ReturnType<typeof factorCache>) {
  const S = seg.length;
  const R = rep.length;
  const { segOf, repOf, segStart } = table;
  const { residual } = cells;
  const gSeg = seg.map((m) => -RIDGE * (m - overall));
  const gRep = rep.map((b) => -RIDGE * b);
  for (let c = 0; c < residual.length; c++) {
    gSeg[segOf[c]!]! += residual[c]!;
    gRep[repOf[c]!]! += residual[c]!;
  }
  const { segCurvature: dSeg, repCurvature: dRep, cross: w } = curvatures(table, cells);
  const rhs = Float64Array.from(gRep);
  for (let s = 0; s < S; s++) {
    const inv = 1 / dSeg[s]!;
    for (let ci = segStart[s]!; ci < segStart[s + 1]!; ci++) {
      const wi = w[ci]!;
      if (wi === 0) continue;
      rhs[repOf[ci]!]! -= wi * inv * gSeg[s]!;
    }
  }
  const l = factors.factorOf(w, () => schurComplement(table, dSeg, dRep, w));
  const dRepStep = choleskySolve(l, rhs);
  const dSegStep = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    let a = 0;
    for (let c = segStart[s]!; c < segStart[s + 1]!; c++) a += w[c]! * dRepStep[repOf[c]!]!;
    dSegStep[s] = (gSeg[s]! - a) / dSeg[s]!;
  }
  return { seg: dSegStep, rep: dRepStep };
}

/**
 * Dr − Wᵀ Ds⁻¹ W, row-major R × R; a cell without weight subtracts an exact +0, so only weighted
 * pairs are visited. Only the lower triangle (j ≤ i) is filled: it is all the Cholesky
 * factorisation reads. A segment's cells run in rep order, so the pairs with j ≤ i are those with
 * cj ≤ ci.
 */
function schurComplement(table: SeenCells, dSeg: Float64Array, dRep: Float64Array, w: Float64Array): Float64Array {
  const R = table.reps;
  const { repOf, segStart } = table;
  const schur = new Float64Array(R * R);
  for (let i = 0; i < R; i++) schur[i * R + i] = dRep[i]!;
  for (let s = 0; s < table.segments; s++) {
    const inv = 1 / dSeg[s]!;
    const from = segStart[s]!;
    const to = segStart[s + 1]!;
    for (let ci = from; ci < to; ci++) {
      const wi = w[ci]!;
      if (wi === 0) continue;
      const scaled = wi * inv;
      const base = repOf[ci]! * R;
      for (let cj = from; cj <= ci; cj++) {
        const wj = w[cj]!;
        if (wj !== 0) schur[base + repOf[cj]!]! -= scaled * wj;
      }
    }
  }
  return schur;
}

/** The lower Cholesky factor L (A = L Lᵀ) of a symmetric positive definite A (the ridge keeps it so); A is row-major, read below and on the diagonal only. */
function choleskyFactor(a: Float64Array, size: number): Float64Array {
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
  return l;
}

/** Solves L Lᵀ x = b. */
function choleskySolve(l: Float64Array, b: Float64Array): Float64Array {
  const size = b.length;
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
