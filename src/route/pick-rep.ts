import { BLOCK_INACTIVE, BLOCK_ABSENT, BLOCK_CAPACITY, BLOCK_NONE, type CompiledPool } from './compile';
import type { SkippedRep } from './decision';
import { leastLoadedEntry } from './load-tree';
import { bookLead, type RouterState } from './state';

/**
 * Picks a rep of `pool` for the next lead and books the lead to them; -1 when nobody in the pool
 * can take it. Before the pick, `state.scratch[i]` is filled with why entry i is blocked (or 0),
 * which `skippedReps` then reads for the audit trail.
 */
export function pickRep(pool: CompiledPool, state: RouterState): number {
  const { block, scratch } = state;
  const n = pool.reps.length;
  for (let i = 0; i < n; i++) scratch[i] = block[pool.reps[i]!]!;
  return takeRep(pool, state);
}

/**
 * `pickRep` without the audit trail: the same rep, booked the same way, with `state.scratch` left
 * alone. For callers that never ask `skippedReps` (the simulator).
 */
export function takeRep(pool: CompiledPool, state: RouterState): number {
  const entry = chooseEntry(pool, state);
  if (entry < 0) return -1;
  const rep = pool.reps[entry]!;
  bookLead(state, rep);
  return rep;
}

/** The pool entry the method picks, or -1. */
function chooseEntry(pool: CompiledPool, state: RouterState): number {
  switch (pool.method) {
    case 'round_robin':
      return nextInRotation(pool, state);
    case 'weighted_round_robin':
      return smoothWeighted(pool, state);
    case 'least_loaded':
      return leastLoaded(pool, state);
    case 'fixed':
      return pool.reps.length > 0 && state.block[pool.reps[0]!] === BLOCK_NONE ? 0 : -1;
    case 'manual_review':
      return -1;
  }
}

/** The next available rep after the last one served, in pool order. */
function nextInRotation(pool: CompiledPool, state: RouterState): number {
  const { reps } = pool;
  const { block } = state;
  const n = reps.length;
  const start = state.cursor[pool.slot]!;
  // i runs start, start + 1, …, n − 1, 0, …, start − 1 (a wrap, not a modulo per step).
  for (let k = 0, i = start; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
    if (block[reps[i]!] === BLOCK_NONE) {
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
function smoothWeighted(pool: CompiledPool, state: RouterState): number {
  const { current, freeEntries } = state;
  const { weights } = pool;
  const offset = pool.entryOffset;
  const count = freeEntriesOf(pool, state);
  let total = 0;
  let best = -1;
  let bestCurrent = -Infinity;
  for (let k = 0; k < count; k++) {
    const i = freeEntries[offset + k]!;
    const weight = weights[i]!;
    const value = current[offset + i]! + weight;
    current[offset + i] = value;
    total += weight;
    if (best < 0 || value > bestCurrent) {
      best = i;
      bestCurrent = value;
    }
  }
  if (best >= 0) current[offset + best]! -= total;
  return best;
}

/** How many of the weighted pool's entries can take a lead, listed in pool order (see `RouterState.freeEntries`). */
function freeEntriesOf(pool: CompiledPool, state: RouterState): number {
  const { block, freeEntries, freeCount, freeAsOf } = state;
  if (freeAsOf[pool.slot] === state.blockChanges) return freeCount[pool.slot]!;
  const { reps, weights } = pool;
  const offset = pool.entryOffset;
  let count = 0;
  for (let i = 0; i < reps.length; i++) if (weights[i]! > 0 && block[reps[i]!] === BLOCK_NONE) freeEntries[offset + count++] = i;
  freeCount[pool.slot] = count;
  freeAsOf[pool.slot] = state.blockChanges;
  return count;
}

/** Lowest open load per unit of capacity; ties go round in pool order, so equal reps alternate. */
function leastLoaded(pool: CompiledPool, state: RouterState): number {
  const n = pool.reps.length;
  const best = leastLoadedEntry(state.loadTrees.trees[pool.slot]!, n, state.cursor[pool.slot]!);
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
