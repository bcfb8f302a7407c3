/**
 * What the loaded data supports (DESIGN §3.4): per capability, ready or not, and a sentence that
 * says what is missing and what the user can do instead. A face disables what is not ready with
 * that sentence instead of failing later.
 */
import { messageMaker, type EngineMessage } from './message';

export const CAPABILITIES = ['estimates', 'demand', 'decay', 'revenue', 'backtest', 'simulation'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const READINESS_MESSAGES = {
  estimates_ready: ['decided', 'reps'],
  estimates_no_decided: [],
  estimates_no_owner: [],
  demand_ready: ['weeks'],
  demand_no_dates: [],
  decay_fitted: ['touched'],
  decay_preset: [],
  revenue_ready: ['wonWithValue'],
  revenue_no_values: [],
  backtest_ready: ['weeks'],
  backtest_short: ['weeks'],
  simulation_ready: [],
  simulation_needs_estimates: [],
  simulation_needs_demand: [],
  simulation_needs_both: [],
} as const;

export type ReadinessCode = keyof typeof READINESS_MESSAGES;
export const readinessMessage = messageMaker(READINESS_MESSAGES);

export interface CapabilityReadiness {
  capability: Capability;
  ready: boolean;
  message: EngineMessage<ReadinessCode>;
}

export type Readiness = CapabilityReadiness[];

export function isReady(readiness: Readiness, capability: Capability): boolean {
  return readiness.some((r) => r.capability === capability && r.ready);
}
