import { messageMaker, type EngineMessage } from '../model/message';

/** What the comparison assumed, one note per choice (prepare.ts, compare.ts), with the params each carries. */
export const SIMULATION_NOTES = {
  scoring_cross_fit: [],
  scoring_in_sample: [],
  arrivals_history: ['weeks', 'multiplier'],
  arrivals_fitted: [],
  /** `referenceFrom`: 'first-touch history' | 'as-is replay'. */
  decay: ['floor', 'tauHours', 'referenceFrom'],
  work_model: ['cycleDays'],
  high_value_named: ['segments'],
  high_value_top_quarter: [],
  without_created_at: ['count'],
  /** `touchShare` is a fraction (0.25 = 25%). */
  first_touch_calibrated: ['touchShare', 'latencyHours', 'historyP50Hours'],
  first_touch_assumed: ['touchShare', 'latencyHours'],
  /** `reps`: "r10 Michael Zhang, r14 吴婷"; `share`: a fraction of the history's leads. */
  as_is_rerouted: ['reps', 'count', 'share'],
} as const;

export type SimulationNoteCode = keyof typeof SIMULATION_NOTES;
export type SimulationNote = EngineMessage<SimulationNoteCode>;
export const simulationNote = messageMaker(SIMULATION_NOTES);
