import { describe, expect, it } from 'vitest';
import { nodeWorkerPool } from '../../src/simulate/node-pool';
import { runReplications, type ReplicateInput } from '../../src/simulate/replicate';
import { roundRobinRules, skillRules, tinyWorld } from './support';

const input: ReplicateInput = {
  world: tinyWorld({ weeks: 26 }, 400),
  policiesByFold: [[{ name: 'rr', kind: 'rules', config: roundRobinRules() }, { name: 'skills', kind: 'rules', config: skillRules() }]],
  seed: 9,
};
const replications = Array.from({ length: 12 }, (_, i) => i);

describe('replications on Node worker threads', () => {
  it('report progress over all workers and give what one thread gives', async () => {
    const progress: number[] = [];
    const pooled = await nodeWorkerPool(2)(input, replications, { onProgress: (done, total) => { expect(total).toBe(12); progress.push(done); } });
    expect(progress.at(-1)).toBe(12);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(pooled.replications).toEqual(replications);
    expect(Array.from(pooled.metrics)).toEqual(Array.from(runReplications(input, replications).metrics));
  }, 60_000);

  it('stop when cancelled, and say so', async () => {
    const controller = new AbortController();
    const run = nodeWorkerPool(2)(input, Array.from({ length: 400 }, (_, i) => i), {
      signal: controller.signal,
      onProgress: (done) => done >= 2 && controller.abort(new Error('cancelled by the user')),
    });
    await expect(run).rejects.toThrow(/cancelled by the user/);
  }, 60_000);
});
