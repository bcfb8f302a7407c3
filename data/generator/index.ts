/** The seeded sample-data generator: see data/README.md. */
export { createRng, weightedSampler, type Rng } from './random';
export { buildTeam, type RepRow, type TeamMember, type Tier } from './team';
export { DECAY, decayMultiplier, logistic, type ConversionTruth, type DecayCurve, type PlantedEffect } from './truth';
export {
  buildWorld,
  expectedLeadCount,
  leadsPerWeekFor,
  resolveOptions,
  weekShape,
  type GenerateOptions,
  type ResolvedOptions,
  type World,
} from './options';
export { generateLeadWeeks, type DuplicateContact, type LeadRow, type LeadWeek } from './leads';
export { csvField, csvLine, leadLine, leadsCsv, leadsCsvChunks, rosterCsv, type ChunkOptions } from './csv';
export { encodeGbk, leadsCsvZh, thousands, zhTimestamp } from './zh';
export { GBK_WEEKS, SAMPLE_OPTIONS, generateSample, type Sample, type Truth } from './sample';
export { sampleFiles, type SampleFileName } from './files';
export { parseTimestamp } from './calendar';
export * from './vocabulary';
