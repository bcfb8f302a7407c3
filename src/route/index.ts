/**
 * The router runtime (DESIGN §2.4): a pure function of (RuleConfig, lead, router state). It
 * imports nothing at run time beyond this folder (only the RuleConfig *types*), because this
 * folder is what the reference-router export ships and what the simulator replays.
 */
export { route, type Routing } from './route';
export { compileRules, allPools, type CompiledRules, type CompiledPool, type CompiledArm, type CompiledSplit } from './compile';
export { ARM_CANDIDATE, ARM_CONTROL, armPools, leadArm } from './arm';
export { ARM_BUCKETS, SLOTS, bucketOf, candidateWeek, dayNumber, isCandidateLead, isCandidateSlot, isMonday, weekIndex } from './arm-split';
export { createRouterState, startPeriod, closeLead, setRepAway, cloneRouterState, type RouterState, type RouterStateOptions } from './state';
export { explainDecision, FALLBACK_ID, UNASSIGNED_QUEUE, type Arm, type Decision, type DecisionKind, type RoutedDecision, type SkippedRep, type SkipReason } from './decision';
export { compileCondition, conditionFields, describeCondition, type Lead, type LeadValue, type LeadTest } from './conditions';
export { firstRule, isRejected, NO_REP, routeToRep } from './route-to-rep';
export { findUnreachableRules, type UnreachableRule } from './unreachable-rules';
export { routerStateToJson, routerStateFromJson, type RouterStateJson } from './state-json';
