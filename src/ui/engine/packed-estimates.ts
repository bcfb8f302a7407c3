import type { ConversionCell, Estimates } from '../../model/estimates';

/**
 * The estimates as the engine worker posts them to the main thread: everything as in `Estimates`
 * but the conversion cells, which go column by column in typed arrays. A large team has one cell
 * per segment × rep (60k for 300 × 200); as objects, the main thread spent ~0.3 s taking them in
 * (structured clone builds every object and string), in one task that froze the page, though the
 * heatmap draws only the largest segments and reps. Typed arrays are copied as blocks, and only
 * the cells drawn are made into objects (`cellsOf`). The CLI and the pipeline keep `Estimates`.
 */
export interface PackedEstimates extends Omit<Estimates, 'conversion'> {
  conversion: PackedCells;
}

/** The cells in their order in `Estimates.conversion`; cell i's segment is `segments[segment[i]]`. */
export interface PackedCells {
  size: number;
  segments: string[];
  reps: string[];
  segment: Int32Array;
  rep: Int32Array;
  mean: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  n: Float64Array;
  won: Float64Array;
  /** NaN where the cell has no decided lead (`raw: null`): a rate of decided leads is never NaN. */
  raw: Float64Array;
  prior: Float64Array;
  alpha: Float64Array;
  beta: Float64Array;
  priorOnly: Uint8Array;
}

/** The conversion cells packed in place: every other part, and the parts' order, as they are. */
export function packEstimates(estimates: Estimates): PackedEstimates {
  return { ...estimates, conversion: packCells(estimates.conversion) };
}

function packCells(cells: readonly ConversionCell[]): PackedCells {
  const size = cells.length;
  const index = (names: string[], of: Map<string, number>, name: string) => {
    let i = of.get(name);
    if (i === undefined) of.set(name, (i = names.push(name) - 1));
    return i;
  };
  const segments: string[] = [];
  const reps: string[] = [];
  const segmentIndex = new Map<string, number>();
  const repIndex = new Map<string, number>();
  const packed: PackedCells = {
    size, segments, reps, segment: new Int32Array(size), rep: new Int32Array(size),
    mean: new Float64Array(size), lo: new Float64Array(size), hi: new Float64Array(size), n: new Float64Array(size), won: new Float64Array(size),
    raw: new Float64Array(size), prior: new Float64Array(size), alpha: new Float64Array(size), beta: new Float64Array(size), priorOnly: new Uint8Array(size),
  };
  cells.forEach((c, i) => {
    packed.segment[i] = index(segments, segmentIndex, c.segment);
    packed.rep[i] = index(reps, repIndex, c.rep);
    packed.mean[i] = c.mean;
    packed.lo[i] = c.lo;
    packed.hi[i] = c.hi;
    packed.n[i] = c.n;
    packed.won[i] = c.won;
    packed.raw[i] = c.raw ?? NaN;
    packed.prior[i] = c.prior;
    packed.alpha[i] = c.alpha;
    packed.beta[i] = c.beta;
    packed.priorOnly[i] = c.priorOnly ? 1 : 0;
  });
  return packed;
}

/**
 * The cells of the given segments and reps (all of them when a list is left out), in their order
 * in `Estimates.conversion`, as the objects the CLI's estimates hold.
 */
export function cellsOf(packed: PackedCells, segments?: readonly string[], reps?: readonly string[]): ConversionCell[] {
  const wanted = (names: string[], shown?: readonly string[]) => {
    const set = shown ? new Set(shown) : null;
    return Uint8Array.from(names, (name) => (set === null || set.has(name) ? 1 : 0));
  };
  const segmentShown = wanted(packed.segments, segments);
  const repShown = wanted(packed.reps, reps);
  const cells: ConversionCell[] = [];
  for (let i = 0; i < packed.size; i++) {
    if (!segmentShown[packed.segment[i]!] || !repShown[packed.rep[i]!]) continue;
    const raw = packed.raw[i]!;
    cells.push({
      segment: packed.segments[packed.segment[i]!]!,
      rep: packed.reps[packed.rep[i]!]!,
      mean: packed.mean[i]!,
      lo: packed.lo[i]!,
      hi: packed.hi[i]!,
      n: packed.n[i]!,
      won: packed.won[i]!,
      raw: Number.isNaN(raw) ? null : raw,
      prior: packed.prior[i]!,
      priorOnly: packed.priorOnly[i] === 1,
      alpha: packed.alpha[i]!,
      beta: packed.beta[i]!,
    });
  }
  return cells;
}

/** The estimates as the pipeline made them (every cell). */
export function unpackEstimates(packed: PackedEstimates): Estimates {
  return { ...packed, conversion: cellsOf(packed.conversion) };
}
