import type { Scenario } from '../model/scenario';
import { scenarioError } from '../model/scenario-errors';

/**
 * The control and the candidate a rollout compares (default: as is against optimized), each
 * one of the scenario's policies; one line naming the scenario file otherwise.
 */
export function policyPair(file: string, scenario: Scenario, flags: { control?: string; candidate?: string }): { control: string; candidate: string } {
  const control = flags.control ?? 'as_is';
  const candidate = flags.candidate ?? 'optimized';
  for (const name of [control, candidate]) {
    if (!scenario.policies.includes(name as never)) {
      throw scenarioError('unknown_policy', { policy: name, policies: scenario.policies.join(', ') }, `${file}: policies: "${name}" is not compared by this scenario (its policies: ${scenario.policies.join(', ')}).`, { file, path: 'policies' });
    }
  }
  return { control, candidate };
}
