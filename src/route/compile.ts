import type { Assign, AssignMethod, Experiment, ExperimentUnit, RuleConfig, Rule } from '../model/rules';
import { dayNumber } from './arm-split';
import { compileCondition, describeCondition, fieldReader, type FieldReader, type LeadTest } from './conditions';
import { FALLBACK_ID } from './decision';

/**
 * A RuleConfig turned, once, into what the hot path needs: conditions as closures, reps as
 * integer indexes, pools as typed arrays. Routing 10k leads × hundreds of replications then does
 * no string lookups and no interpretation of the JSON.
 */
export interface CompiledPool {
  /** The rule id, or `fallback`. */
  readonly id: string;
  /** This pool's slot in the per-pool state (round-robin cursors). */
  readonly slot: number;
  readonly method: AssignMethod;
  /** Rep indexes, in pool order. */
  readonly reps: Int32Array;
  /** Weights, in pool order (weighted_round_robin; 0 elsewhere). */
  readonly weights: Float64Array;
  /** Where this pool's entries start in the per-entry state (smooth-weighted current values). */
  readonly entryOffset: number;
  readonly queue: string | null;
  readonly matches: LeadTest;
}

export interface CompiledRules {
  readonly config: RuleConfig;
  readonly repIds: readonly string[];
  /** Null where the config names no CRM user (absent or blank). */
  readonly crmUsers: ReadonlyArray<string | null>;
  readonly repIndex: ReadonlyMap<string, number>;
  readonly capacityPerWeek: Float64Array;
  /** Infinity for a rep without a maxOpen. */
  readonly maxOpen: Float64Array;
  /** What the config itself says keeps a rep from leads (BLOCK_INACTIVE, BLOCK_ABSENT or 0). */
  readonly blockedByConfig: Uint8Array;
  readonly rejects: ReadonlyArray<{ readonly test: LeadTest; readonly text: string }>;
  readonly dedupeOn: readonly string[];
  /** How each dedupe field is read off a lead (see `fieldReader`). */
  readonly dedupeReaders: ReadonlyArray<FieldReader>;
  /** The candidate's rules (the top-level ones): with no experiment, the only arm. */
  readonly rules: readonly CompiledPool[];
  readonly fallback: CompiledPool;
  /** The experiment's split and control arm; null without an experiment. */
  readonly split: CompiledSplit | null;
  /** Pool entries over all pools (both arms' and their fallbacks'). */
  readonly entryCount: number;
  readonly largestPool: number;
}

/** One arm's pools. The control's pools have slots and entry offsets after the candidate's, so each arm keeps its own rotation. */
export interface CompiledArm {
  readonly rules: readonly CompiledPool[];
  readonly fallback: CompiledPool;
}

export interface CompiledSplit {
  readonly unit: ExperimentUnit;
  readonly candidateShare: number;
  /** unit lead: the salt and the field hashed. */
  readonly salt: string;
  readonly idField: FieldReader;
  /** unit week: the day number (see `dayNumber`) of week 0's Monday, and the creation-date field. */
  readonly weekStartDay: number;
  readonly createdField: FieldReader;
  /** Null: the control's leads are left to the CRM's current process (`keepCurrent`). */
  readonly control: CompiledArm | null;
}

/** Why a rep cannot take a lead now. Kept as small integers so the hot path stores them in typed arrays. */
export const BLOCK_NONE = 0;
export const BLOCK_INACTIVE = 1;
export const BLOCK_ABSENT = 2;
export const BLOCK_CAPACITY = 3;
export const BLOCK_MAX_OPEN = 4;

const compiledByConfig = new WeakMap<RuleConfig, CompiledRules>();

/**
 * Compiles a validated config (see `parseRuleConfig`). The result is cached per config object, so
 * the config must not be mutated afterwards; build a new one to change the rules.
 */
export function compileRules(config: RuleConfig | CompiledRules): CompiledRules {
  if (isCompiled(config)) return config;
  const cached = compiledByConfig.get(config);
  if (cached) return cached;
  const repIndex = new Map(config.reps.map((rep, i) => [rep.id, i] as const));
  let entryOffset = 0;
  const compilePool = (assign: Assign, id: string, slot: number, matches: LeadTest): CompiledPool => {
    const reps = Int32Array.from(assign.pool, (entry) => {
      const index = repIndex.get(entry.rep);
      if (index === undefined) throw new Error(`${id}: unknown rep "${entry.rep}"; validate the config with parseRuleConfig first.`);
      return index;
    });
    const weights = Float64Array.from(assign.pool, (entry) => (assign.method === 'weighted_round_robin' ? (entry.weight ?? 0) : 0));
    const pool = { id, slot, method: assign.method, reps, weights, entryOffset, queue: assign.queue ?? null, matches };
    entryOffset += reps.length;
    return pool;
  };
  let slot = 0;
  const compileArm = (rules: readonly Rule[], fallback: Assign): CompiledArm => {
    const pools = rules.map((rule) => compilePool(rule.assign, rule.id, slot++, compileCondition(rule.when)));
    return { rules: pools, fallback: compilePool(fallback, FALLBACK_ID, slot++, () => true) };
  };
  const { rules, fallback } = compileArm(config.rules, config.fallback);
  const split = config.experiment ? compileSplit(config.experiment, compileArm) : null;
  const compiled: CompiledRules = {
    config,
    repIds: config.reps.map((rep) => rep.id),
    crmUsers: config.reps.map((rep) => rep.crmUser?.trim() || null),
    repIndex,
    capacityPerWeek: Float64Array.from(config.reps, (rep) => rep.capacityPerWeek),
    maxOpen: Float64Array.from(config.reps, (rep) => rep.maxOpen ?? Infinity),
    blockedByConfig: Uint8Array.from(config.reps, (rep) => (!rep.active ? BLOCK_INACTIVE : rep.absent ? BLOCK_ABSENT : BLOCK_NONE)),
    rejects: (config.prescreen?.reject ?? []).map((condition) => ({ test: compileCondition(condition), text: describeCondition(condition) })),
    dedupeOn: config.prescreen?.dedupeOn ?? [],
    dedupeReaders: (config.prescreen?.dedupeOn ?? []).map(fieldReader),
    rules,
    fallback,
    split,
    entryCount: entryOffset,
    largestPool: Math.max(0, ...allPools({ rules, fallback, split }).map((p) => p.reps.length)),
  };
  compiledByConfig.set(config, compiled);
  return compiled;
}

function compileSplit(experiment: Experiment, compileArm: (rules: readonly Rule[], fallback: Assign) => CompiledArm): CompiledSplit {
  const { control } = experiment;
  return {
    unit: experiment.unit,
    candidateShare: experiment.candidateShare,
    salt: experiment.salt ?? '',
    idField: fieldReader(experiment.idField ?? 'lead_id'),
    // A validated week split has a Monday; NaN only for an unvalidated one, whose leads then all go to the control (see leadArm).
    weekStartDay: experiment.weekStart === undefined ? NaN : (dayNumber(experiment.weekStart) ?? NaN),
    createdField: fieldReader(experiment.createdField ?? 'created_at'),
    control: 'rules' in control ? compileArm(control.rules, control.fallback) : null,
  };
}

/** Every pool of both arms, in slot order (the state's cursor index). */
export function allPools(compiled: Pick<CompiledRules, 'rules' | 'fallback' | 'split'>): CompiledPool[] {
  const control = compiled.split?.control;
  return [...compiled.rules, compiled.fallback, ...(control ? [...control.rules, control.fallback] : [])];
}

function isCompiled(value: RuleConfig | CompiledRules): value is CompiledRules {
  return 'fallback' in value && 'matches' in value.fallback;
}
