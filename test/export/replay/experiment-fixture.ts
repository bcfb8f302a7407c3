import { withExperiment, type SplitSpec } from '../../../src/experiment/experiment-rules';
import type { RuleConfig } from '../../../src/model/rules';
import { sampleRules } from './shares';

/**
 * The sample's optimized rules rolled out against a plain round robin over the same team (the
 * "as is" of many teams), or against the current process (keepCurrent): the experiments the
 * export tests replay and snapshot.
 */
export function roundRobinControl(candidate: RuleConfig = sampleRules()): RuleConfig {
  return { ...candidate, name: 'Round robin', rules: [], fallback: { method: 'round_robin', pool: candidate.reps.filter((r) => r.active && !r.absent).map((r) => ({ rep: r.id })) } };
}

export function sampleExperiment(split: SplitSpec, control: 'roundRobin' | 'keepCurrent' = 'roundRobin'): RuleConfig {
  const candidate = sampleRules();
  return withExperiment(candidate, control === 'keepCurrent' ? 'keepCurrent' : roundRobinControl(candidate), split);
}
