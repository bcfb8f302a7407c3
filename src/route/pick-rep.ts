import { BLOCK_ABSENT, BLOCK_CAPACITY, BLOCK_INACTIVE, BLOCK_MAX_OPEN, BLOCK_NONE, type CompiledPool } from './compile';
import type { SkippedRep } from './decision';
import type { RouterState } from './state';

/**
 * Picks a rep of `pool` for the next lead and books the lead to them; -1 when nobody in the pool
 * can take it. Before the pick, `state.scratch[i]` is filled with why entry i is blocked (or 0),
 * which `skippedReps` then reads for the audit trail.
 */
export function pickRep(pool: CompiledPool, state: RouterState): number {
  const blocked = state.scratch;
  const n = pool.reps.length;
  for (let i = 0; i < n; i++) blocked[i] = blockOf(state, pool.reps[i]!);
  return book(pool, state, chooseEntry(pool, state, false));
}

/**
 * `pickRep` without the audit trail: the same rep, booked the same way, but each entry's block is
 * worked out only when the method looks at it (round robin stops at the first free rep) and
 * `state.scratch` is left alone. For callers that never ask `skippedReps` (the simulator).
 */
export function takeRep(pool: CompiledPool, state: RouterState): number {
  return book(pool, state, chooseEntry(pool, state, true));
}

/** The pool entry the method picks, or -1; `lazy`: entries' blocks are computed here rather than read from the scratch. */
function chooseEntry(pool: CompiledPool, state: RouterState, lazy: boolean): number {
  switch (pool.method) {
    case 'round_robin':
      return nextInRotation(pool, state, lazy);
    case 'weighted_round_robin':
      return smoothWeighted(pool, state, lazy);
    case 'least_loaded':
      return leastLoaded(pool, state, lazy);
    case 'fixed':
      return pool.reps.length > 0 && isFree(pool, state, 0, lazy) ? 0 : -1;
    case 'manual_review':
      return -1;
  }
}

function book(pool: CompiledPool, state: RouterState, entry: number): number {
  if (entry < 0) return -1;
  const rep = pool.reps[entry]!;
  state.assignedInPeriod[rep]! += 1;
  state.open[rep]! += 1;
  return rep;
}

/** Whether pool entry i can take a lead now: from the scratch `pickRep` filled, or worked out now. */
function isFree(pool: CompiledPool, state: RouterState, i: number, lazy: boolean): boolean {
  return (lazy ? blockOf(state, pool.reps[i]!) : state.scratch[i]!) === BLOCK_NONE;
}

function blockOf(state: RouterState, rep: number): number {
  const { rules } = state;
  const byConfig = rules.blockedByConfig[rep]!;
  if (byConfig !== BLOCK_NONE) return byConfig;
  if (state.away[rep]) return BLOCK_ABSENT;
  if (state.assignedInPeriod[rep]! >= rules.capacityPerWeek[rep]!) return BLOCK_CAPACITY;
  if (state.open[rep]! >= rules.maxOpen[rep]!) return BLOCK_MAX_OPEN;
  return BLOCK_NONE;
}

/** The next available rep after the last one served, in pool order. */
function nextInRotation(pool: CompiledPool, state: RouterState, lazy: boolean): number {
  const n = pool.reps.length;
  const start = state.cursor[pool.slot]!;
  // i runs start, start + 1, …, n − 1, 0, …, start − 1 (a wrap, not a modulo per step).
  for (let k = 0, i = start; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
    if (isFree(pool, state, i, lazy)) {
      state.cursor[pool.slot] = i + 1 === n ? 0 : i + 1;
      return i;
    }
  }
  return -1;
}

/**
 * Smooth weighted round robin (nginx): every available rep's current value grows by its weight,
 * the largest takes the lead and gives back the total. Shares converge to the weights with the
 * least burstiness. Only available reps take part, which renormalises the weights among them; an
 * unavailable rep's current value stays where it was, so on return it neither bursts nor starves.
 */
function smoothWeighted(pool: CompiledPool, state: RouterState, lazy: boolean): number {
  const { current } = state;
  const offset = pool.entryOffset;
  let total = 0;
  let best = -1;
  for (let i = 0; i < pool.reps.length; i++) {
    const weight = pool.weights[i]!;
    if (weight <= 0 || !isFree(pool, state, i, lazy)) continue;
    current[offset + i]! += weight;
    total += weight;
    if (best < 0 || current[offset + i]! > current[offset + best]!) best = i;
  }
  if (best >= 0) current[offset + best]! -= total;
  return best;
}

/** Lowest open load per unit of capacity; ties go round in pool order, so equal reps alternate. */
function leastLoaded(pool: CompiledPool, state: RouterState, lazy: boolean): number {
  const n = pool.reps.length;
  const start = state.cursor[pool.slot]!;
  let best = -1;
  let bestLoad = Infinity;
  for (let k = 0, i = start; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
    if (!isFree(pool, state, i, lazy)) continue;
    const rep = pool.reps[i]!;
    const load = state.open[rep]! / state.rules.capacityPerWeek[rep]!;
    if (best < 0 || load < bestLoad) {
      best = i;
      bestLoad = load;
    }
  }
  if (best >= 0) state.cursor[pool.slot] = best + 1 === n ? 0 : best + 1;
  return best;
}

const NOBODY_SKIPPED: readonly SkippedRep[] = Object.freeze([]);

/** The reps `pickRep` found blocked in its last call, for the decision's audit trail. */
export function skippedReps(pool: CompiledPool, state: RouterState): readonly SkippedRep[] {
  let skipped: SkippedRep[] | null = null;
  for (let i = 0; i < pool.reps.length; i++) {
    const code = state.scratch[i]!;
    if (code === BLOCK_NONE) continue;
    (skipped ??= []).push(describeBlock(state.rules.repIds[pool.reps[i]!]!, code));
  }
  return skipped ?? NOBODY_SKIPPED;
}

function describeBlock(rep: string, code: number): SkippedRep {
  if (code === BLOCK_INACTIVE) return { rep, why: 'inactive' };
  if (code === BLOCK_ABSENT) return { rep, why: 'absent' };
  return { rep, why: 'capped', limit: code === BLOCK_CAPACITY ? 'capacityPerWeek' : 'maxOpen' };
}

export function mergeSkipped(first: readonly SkippedRep[], second: readonly SkippedRep[]): readonly SkippedRep[] {
  if (first.length === 0) return second;
  if (second.length === 0) return first;
  const listed = new Set(first.map((s) => s.rep));
  return [...first, ...second.filter((s) => !listed.has(s.rep))];
}
