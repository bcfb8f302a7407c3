import { allPools, type CompiledRules } from './compile';

/**
 * Least loaded in O(log n) a lead instead of a scan of the pool: per least-loaded pool, a
 * tournament tree over its entries whose leaves hold the entry's load when its rep is free and
 * Infinity when not, each inner node the smaller of its children. The router keeps the leaves in
 * step as a rep's load or block changes (`setRepKey`); the pick is then the first entry, going
 * round from the pool's cursor, whose load is the pool's lowest, which is what a scan finds.
 */
export interface LoadTrees {
  /** Per pool slot: the tree (leaves from `length / 2`), empty for pools of other methods. */
  readonly trees: Float64Array[];
  /** Per rep, its least-loaded entries: slots and entries `memberSlot/memberEntry[memberFrom[rep] … memberFrom[rep + 1] − 1]`. */
  readonly memberFrom: Int32Array;
  readonly memberSlot: Int32Array;
  readonly memberEntry: Int32Array;
}

const NO_TREE = new Float64Array(0);

export function createLoadTrees(compiled: CompiledRules): LoadTrees {
  const pools = allPools(compiled);
  const trees = pools.map(() => NO_TREE);
  const members: Array<Array<[number, number]>> = compiled.repIds.map(() => []);
  for (const pool of pools.filter((p) => p.method === 'least_loaded')) {
    let size = 1;
    while (size < pool.reps.length) size *= 2;
    trees[pool.slot] = new Float64Array(2 * size).fill(Infinity);
    pool.reps.forEach((rep, entry) => members[rep]!.push([pool.slot, entry]));
  }
  const memberFrom = new Int32Array(members.length + 1);
  members.forEach((list, rep) => (memberFrom[rep + 1] = memberFrom[rep]! + list.length));
  const flat = members.flat();
  return { trees, memberFrom, memberSlot: Int32Array.from(flat, ([slot]) => slot), memberEntry: Int32Array.from(flat, ([, entry]) => entry) };
}

export function cloneLoadTrees(loadTrees: LoadTrees): LoadTrees {
  return { ...loadTrees, trees: loadTrees.trees.map((tree) => (tree.length === 0 ? tree : tree.slice())) };
}

/** The rep's key in every least-loaded pool it is in: its load when free, Infinity when blocked. */
export function setRepKey(loadTrees: LoadTrees, rep: number, key: number): void {
  const { memberFrom, memberSlot, memberEntry, trees } = loadTrees;
  for (let m = memberFrom[rep]!; m < memberFrom[rep + 1]!; m++) setLeaf(trees[memberSlot[m]!]!, memberEntry[m]!, key);
}

function setLeaf(tree: Float64Array, entry: number, key: number): void {
  let i = (tree.length >> 1) + entry;
  if (tree[i] === key) return;
  tree[i] = key;
  for (i >>= 1; i >= 1; i >>= 1) {
    const left = tree[2 * i]!, right = tree[2 * i + 1]!;
    const smaller = left <= right ? left : right;
    if (tree[i] === smaller) return;
    tree[i] = smaller;
  }
}

/**
 * The entry of the n-entry pool with the lowest key, ties to the first going round from `start`
 * (start, start + 1, …, n − 1, 0, …, start − 1); -1 when every key is Infinity (nobody free).
 * The lowest key is the root's; the first entry holding it is looked for from `start`, then from 0.
 */
export function leastLoadedEntry(tree: Float64Array, n: number, start: number): number {
  const lowest = tree[1]!;
  if (lowest === Infinity) return -1;
  const after = firstAtMost(tree, start, lowest);
  return after >= 0 ? after : firstAtMost(tree, 0, lowest);
}

/** The first entry at or after `from` whose key is at most `bound`, -1 when none is (past the last entry every leaf is Infinity). */
function firstAtMost(tree: Float64Array, from: number, bound: number): number {
  const size = tree.length >> 1;
  let i = from + size;
  // Subtrees left to right from the leaf: climb past right children, step to the next sibling;
  // climbing out of the root means no subtree to the right is left.
  while (tree[i]! > bound) {
    while (i & 1) i >>= 1;
    if (i === 0) return -1;
    i++;
  }
  while (i < size) i = tree[2 * i]! <= bound ? 2 * i : 2 * i + 1;
  return i - size;
}
