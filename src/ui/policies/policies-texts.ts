import type { PolicyName } from '../../model/scenario';
import type { PlanView } from '../../pipeline';

/** The Policies step's words (i18n/policies-en.ts and policies-zh.ts). */
export interface PoliciesTexts {
  title: string;
  intro: string;
  needsData: string;
  needsRoster: string;
  solving: string;
  failed: string;
  baselinesTitle: string;
  baselinesHelp: string;
  policyNames: Record<PolicyName, string>;
  policyHelp: Record<PolicyName, string>;
  controlsTitle: string;
  controlsHelp: string;
  objective: string;
  objectives: Record<'conversions' | 'revenue', string>;
  objectiveHelp: string;
  capacity: string;
  capacityHelp: string;
  loadBand: string;
  loadMin: string;
  loadMax: string;
  loadBandHelp: string;
  /** The share of capacity the plan leaves free for busy weeks (constraints.headroom). */
  headroom: string;
  headroomHelp: string;
  /** Every active rep at least this share of capacity (constraints.repFloor; 0 is off). */
  repFloor: string;
  repFloorHelp: string;
  valueFloor: string;
  valueFloorShare: string;
  valueFloorHelp: string;
  juniorShare: string;
  juniorField: string;
  juniorValues: string;
  juniorAtLeast: string;
  juniorShareHelp: string;
  fairness: string;
  fairnessValue: (strength: string) => string;
  fairnessLow: string;
  fairnessHigh: string;
  fairnessHelp: string;
  pinsTitle: string;
  pinsHelp: string;
  pins: string;
  exclusions: string;
  pinSegment: string;
  pinRep: string;
  pinShare: string;
  /** The option of a segment field's select that matches every value of it. */
  anyValue: (field: string) => string;
  /** A row's name for screen readers, e.g. "Pin 2". */
  pinRow: (n: number) => string;
  exclusionRow: (n: number) => string;
  addPin: string;
  addExclusion: string;
  remove: string;
  noPins: string;
  noExclusions: string;
  inactiveRep: string;
  /** Beside the pins when the last solve found no plan: where to read why. */
  pinsPlanProblem: string;
  planTitle: string;
  planHelp: string;
  statuses: Record<Exclude<PlanView['status'], 'optimal'>, string>;
  /** Above the plan's warnings (what it would harm). */
  warningsTitle: string;
  /** In place of the floor's cost when the scenario sets no floor. */
  floorOff: string;
  /** While the plan is solved again without the floor, to say what the floor costs. */
  floorCostSolving: string;
  floorCostFailed: string;
  conversionsPerWeek: string;
  valuePerWeek: string;
  leadsPerWeek: string;
  overflowPerWeek: string;
  loadTitle: string;
  load: string;
  capacityAxis: string;
  interval: string;
  absent: string;
  absentPlanNote: string;
}
