import type { RuleConfig } from '../model/rules';
import { allPools, BLOCK_ABSENT, BLOCK_CAPACITY, BLOCK_MAX_OPEN, BLOCK_NONE, compileRules, type CompiledRules } from './compile';
import { cloneLoadTrees, createLoadTrees, setRepKey, type LoadTrees } from './load-tree';

/**
 * What the router remembers between leads, on typed arrays indexed by rep / pool / pool entry.
 * `route` updates it in place and hands it back: a simulator routes millions of leads and cannot
 * copy state per lead. Take a snapshot with `cloneRouterState` where an old state must survive.
 */
export interface RouterState {
  readonly rules: CompiledRules;
  /** The capacity period (a week) the per-period counts belong to; see `startPeriod`. */
  period: string | number;
  /** Per rep: leads assigned in the current period, checked against capacityPerWeek. */
  readonly assignedInPeriod: Uint32Array;
  /** Per rep: leads assigned and not yet closed (`closeLead`), checked against maxOpen. */
  readonly open: Uint32Array;
  /** Per rep: away for now (off shift, on leave), on top of what the config says. */
  readonly away: Uint8Array;
  /** Per pool (both arms' with an experiment, see `allPools`): where round robin (and least-loaded's tie-break) continues. */
  readonly cursor: Int32Array;
  /** Per pool entry: the smooth weighted round robin's current weight. */
  readonly current: Float64Array;
  /** Per dedupe field: normalised value → id of the first lead that had it. */
  readonly seen: Array<Map<string, string>>;
  /**
   * Leads routed so far, prescreened ones included; names leads that have no lead_id, and numbers
   * them for a slot split (slot = leads routed before this one, mod 100, as an AutoNumber would).
   */
  routed: number;
  /** Scratch for one pool's availability codes, so the hot path allocates nothing. */
  readonly scratch: Uint8Array;
  /**
   * Worked out from the counts above whenever they change (`refreshRep`), so that a pick reads one
   * number per pool entry, or none: a pool of 200 reps is looked through for every lead. Change
   * `open`, `assignedInPeriod` and `away` only through this folder's functions, which keep these in step.
   * `block`, per rep: why the rep cannot take a lead now (BLOCK_*; BLOCK_NONE: free).
   * `loadTrees`: each least-loaded pool's entries ordered by open ÷ capacityPerWeek (see load-tree.ts).
   */
  readonly block: Uint8Array;
  readonly loadTrees: LoadTrees;
  /** Counts the changes to `block`: a pool's list of free entries is worked out again only after one. */
  blockChanges: number;
  /**
   * Per weighted pool, its free entries (weight above zero, rep free) in pool order, as of
   * `freeAsOf[pool.slot]` changes of `block`: a pick runs over those alone. Who is free changes a
   * few thousand times in a run of 90,000 picks, and looking at every entry's block at each pick
   * was a branch the processor could not guess (a sixth of a large team's replication).
   * Pool p's list is freeEntries[pool.entryOffset, + freeCount[p]).
   */
  readonly freeEntries: Int32Array;
  readonly freeCount: Int32Array;
  readonly freeAsOf: Float64Array;
}

export interface RouterStateOptions {
  period?: string | number;
  /** Leads each rep already has open, by rep id (e.g. today's backlog in the CRM). */
  open?: Readonly<Record<string, number>>;
}

export function createRouterState(rules: RuleConfig | CompiledRules, options: RouterStateOptions = {}): RouterState {
  const compiled = compileRules(rules);
  const reps = compiled.repIds.length;
  const state: RouterState = {
    rules: compiled,
    period: options.period ?? 0,
    assignedInPeriod: new Uint32Array(reps),
    open: new Uint32Array(reps),
    away: new Uint8Array(reps),
    cursor: new Int32Array(allPools(compiled).length),
    current: new Float64Array(compiled.entryCount),
    seen: compiled.dedupeOn.map(() => new Map()),
    routed: 0,
    scratch: new Uint8Array(compiled.largestPool),
    block: new Uint8Array(reps),
    loadTrees: createLoadTrees(compiled),
    blockChanges: 0,
    freeEntries: new Int32Array(compiled.entryCount),
    freeCount: new Int32Array(allPools(compiled).length),
    freeAsOf: new Float64Array(allPools(compiled).length).fill(-1),
  };
  for (const [rep, count] of Object.entries(options.open ?? {})) state.open[repIndexOf(state, rep)] = count;
  return refreshAll(state);
}

/** Starts a new capacity period (e.g. a new week): per-period counts go back to zero. */
export function startPeriod(state: RouterState, periodId: string | number): RouterState {
  state.period = periodId;
  state.assignedInPeriod.fill(0);
  return refreshAll(state);
}

/** A lead was booked to this rep (by index): one more this period, one more open. */
export function bookLead(state: RouterState, rep: number): void {
  state.assignedInPeriod[rep]! += 1;
  state.open[rep]! += 1;
  refreshRep(state, rep);
}

/** A lead of this rep was closed or worked off: the rep's open load drops by one (never below zero). */
export function closeLead(state: RouterState, rep: string | number): RouterState {
  const index = repIndexOf(state, rep);
  if (state.open[index]! > 0) state.open[index]! -= 1;
  refreshRep(state, index);
  return state;
}

/** Marks a rep away (off shift, on leave) or back; an away rep is skipped as `absent`. */
export function setRepAway(state: RouterState, rep: string | number, away: boolean): RouterState {
  const index = repIndexOf(state, rep);
  state.away[index] = away ? 1 : 0;
  refreshRep(state, index);
  return state;
}

/** Brings `block` and `loadTrees` in step with the counts, for every rep (after they were set from outside, e.g. a saved state). */
export function refreshAll(state: RouterState): RouterState {
  for (let rep = 0; rep < state.block.length; rep++) refreshRep(state, rep);
  return state;
}

function refreshRep(state: RouterState, rep: number): void {
  const { rules } = state;
  const capacity = rules.capacityPerWeek[rep]!;
  const byConfig = rules.blockedByConfig[rep]!;
  const block =
    byConfig !== BLOCK_NONE ? byConfig
    : state.away[rep] ? BLOCK_ABSENT
    : state.assignedInPeriod[rep]! >= capacity ? BLOCK_CAPACITY
    : state.open[rep]! >= rules.maxOpen[rep]! ? BLOCK_MAX_OPEN
    : BLOCK_NONE;
  if (state.block[rep] !== block) {
    state.block[rep] = block;
    state.blockChanges++;
  }
  setRepKey(state.loadTrees, rep, block === BLOCK_NONE ? state.open[rep]! / capacity : Infinity);
}

export function cloneRouterState(state: RouterState): RouterState {
  return {
    ...state,
    assignedInPeriod: state.assignedInPeriod.slice(),
    open: state.open.slice(),
    away: state.away.slice(),
    cursor: state.cursor.slice(),
    current: state.current.slice(),
    seen: state.seen.map((m) => new Map(m)),
    scratch: new Uint8Array(state.scratch.length),
    block: state.block.slice(),
    loadTrees: cloneLoadTrees(state.loadTrees),
    freeEntries: state.freeEntries.slice(),
    freeCount: state.freeCount.slice(),
    freeAsOf: state.freeAsOf.slice(),
  };
}

export function repIndexOf(state: RouterState, rep: string | number): number {
  const index = typeof rep === 'number' ? rep : state.rules.repIndex.get(rep);
  if (index === undefined || index < 0 || index >= state.rules.repIds.length) throw new Error(`unknown rep ${JSON.stringify(rep)}`);
  return index;
}
