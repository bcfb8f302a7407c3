import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rulesOf, rep } from './rule-fixtures';
import { compileRules } from '../../src/route';
import { createLoadTrees, leastLoadedEntry, setRepKey } from '../../src/route/load-tree';

/** What least loaded did before the tree: a scan round from `start`, the first strictly lower load wins. */
function scan(keys: readonly number[], start: number): number {
  let best = -1, bestKey = Infinity;
  for (let k = 0; k < keys.length; k++) {
    const i = (start + k) % keys.length;
    if (keys[i] === Infinity) continue;
    if (best < 0 || keys[i]! < bestKey) [best, bestKey] = [i, keys[i]!];
  }
  return best;
}

// Few distinct loads, so ties (the rotation's job) are common; Infinity is a blocked rep.
const keyArb = fc.constantFrom(0, 0.25, 0.5, 1 / 3, 1, 2.5, Infinity);

describe('least loaded by tournament tree', () => {
  it('picks what a scan of the pool picks, ties going round from the cursor, through any sequence of changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            changes: fc.array(fc.record({ entry: fc.nat(n - 1), key: keyArb, start: fc.nat(n - 1) }), { minLength: 1, maxLength: 60 }),
          }),
        ),
        ({ n, changes }) => {
          const ids = Array.from({ length: n }, (_, i) => `r${i}`);
          const compiled = compileRules(rulesOf({ reps: ids.map((id) => rep(id)), rules: [], fallback: { method: 'least_loaded', pool: ids.map((id) => ({ rep: id })) } }));
          const trees = createLoadTrees(compiled);
          const tree = trees.trees[compiled.fallback.slot]!;
          const keys = ids.map(() => Infinity);
          for (const { entry, key, start } of changes) {
            setRepKey(trees, compiled.fallback.reps[entry]!, key);
            keys[entry] = key;
            expect(leastLoadedEntry(tree, n, start)).toBe(scan(keys, start));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a rep in two least-loaded pools in step in both', () => {
    const compiled = compileRules(rulesOf({
      reps: ['a', 'b', 'c'].map((id) => rep(id)),
      rules: [{ id: 'two', assign: { method: 'least_loaded', pool: [{ rep: 'c' }, { rep: 'a' }] } }],
      fallback: { method: 'least_loaded', pool: [{ rep: 'a' }, { rep: 'b' }, { rep: 'c' }] },
    }));
    const trees = createLoadTrees(compiled);
    [0.5, 0.4, 0.3].forEach((key, r) => setRepKey(trees, r, key));
    expect(leastLoadedEntry(trees.trees[compiled.rules[0]!.slot]!, 2, 0)).toBe(0); // c, first in that pool
    expect(leastLoadedEntry(trees.trees[compiled.fallback.slot]!, 3, 0)).toBe(2);
    setRepKey(trees, 2, Infinity);
    expect(leastLoadedEntry(trees.trees[compiled.rules[0]!.slot]!, 2, 0)).toBe(1); // a
    expect(leastLoadedEntry(trees.trees[compiled.fallback.slot]!, 3, 0)).toBe(1); // b
  });
});
