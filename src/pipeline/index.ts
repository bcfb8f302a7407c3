export { createPipeline, comparisonKey, type Pipeline, type PipelineData, type PipelineOptions, type PipelineProgress, type ComparisonRequest } from './pipeline';
export { resolveRoster, type ResolvedRoster, type RosterOrigin, type ScenarioFileReader } from './roster';
export { readinessOf } from './readiness';
export { planView, frontierView, type PlanView, type FrontierView, type PlanPoint, type PlanReason } from './plan-view';
