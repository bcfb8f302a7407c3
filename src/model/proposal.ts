/**
 * What the workbench and `allot init` propose for data the user just dropped (DESIGN §2.3): each
 * setting of a scenario with the one-line reason for it, so that nobody must write a scenario by
 * hand. The user sees every proposal and may change it.
 */
import { messageMaker, type EngineMessage } from './message';

/** How much a field separates conversion between reps (src/estimate/segment-ranking.ts), with its evidence. */
export interface FieldRanking {
  field: string;
  values: number;
  /** Cells (value × rep) with at least one decided lead, and those thinner than the ranking's threshold. */
  cells: number;
  thinCells: number;
  decided: number;
  /** Likelihood ratio of "each rep has their own rate in each value" against "rep + value, additively". */
  lr: number;
  df: number;
  /** (lr − df) / √(2·df): how many null standard deviations the interaction stands above chance. */
  score: number;
  /** Upper tail of χ²(df) at lr: small means reps really differ by this field. */
  pValue: number;
}

export const PROPOSAL_MESSAGES = {
  segments_separating: ['fields', 'pValue'],
  segments_strongest_only: ['field', 'pValue'],
  segments_none: [],
  eligibility_matched: ['field', 'skill', 'covered', 'uncovered'],
  eligibility_none: [],
  horizon_from_history: ['weeks', 'historyWeeks'],
  horizon_default: ['weeks'],
} as const;

export type ProposalCode = keyof typeof PROPOSAL_MESSAGES;
export const proposalMessage = messageMaker(PROPOSAL_MESSAGES);

export interface EligibilityProposal {
  rule: { field: string; skill: string } | null;
  /** Leads whose value of the field no active rep holds as a skill (they would go to the fallback). */
  leadsWithoutEligibleRep: number;
  reason: EngineMessage<ProposalCode>;
}

export interface ScenarioProposal {
  name: string;
  segments: { fields: string[]; ranking: FieldRanking[]; reason: EngineMessage<ProposalCode> };
  eligibility: EligibilityProposal;
  horizon: { weeks: number; reason: EngineMessage<ProposalCode> };
}
