import { jsonPath, valueAt } from './errors';
import { z } from 'zod';
import { keysAt, likelyKey } from './schema-keys';

/**
 * `allot.rules/v2` (DESIGN §2.4), the export contract: what the optimizer writes, the router runs,
 * the simulator replays and every exporter translates. This one zod schema is the source of truth;
 * the TypeScript types are inferred from it and the published JSON Schema is generated from it.
 *
 * v2 is v1 plus an optional `experiment` block (issue 15: a rollout split between the candidate,
 * the top-level rules, and a control). A v1 file is a v2 file without an experiment: it still
 * reads, and comes back labelled v2; writers write v2.
 */
export const RULES_SCHEMA_ID = 'allot.rules/v2';
export const RULES_SCHEMA_V1 = 'allot.rules/v1';
/** The schema ids a rule file may carry, oldest first. */
export const RULES_SCHEMA_IDS = [RULES_SCHEMA_V1, RULES_SCHEMA_ID] as const;

export const CONDITION_OPS = ['eq', 'neq', 'in', 'nin', 'lt', 'lte', 'gt', 'gte', 'between', 'empty', 'contains'] as const;
export const ASSIGN_METHODS = ['round_robin', 'weighted_round_robin', 'least_loaded', 'fixed', 'manual_review'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];
export type AssignMethod = (typeof ASSIGN_METHODS)[number];

/** How far a weighted pool's weights may sum from 1 (they are often rounded LP shares). */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

const fieldName = z.string().min(1).describe('a lead field, named as in the lead file (e.g. region, 所属区域)');
const scalar = z.union([z.string(), z.number()]);

const leafCondition = z.discriminatedUnion('op', [
  z.strictObject({ field: fieldName, op: z.enum(['eq', 'neq']), value: scalar }),
  z.strictObject({ field: fieldName, op: z.enum(['in', 'nin']), value: z.array(scalar).min(1, { error: 'needs at least one value' }) }),
  z.strictObject({ field: fieldName, op: z.enum(['lt', 'lte', 'gt', 'gte']), value: scalar }),
  z
    .strictObject({ field: fieldName, op: z.literal('between'), value: z.tuple([scalar, scalar], { error: 'between needs two values: [low, high]' }) })
    .check((ctx) => {
      const [low, high] = ctx.value.value;
      if (typeof low !== typeof high) ctx.issues.push({ code: 'custom', path: ['value'], input: ctx.value.value, message: 'between needs two numbers or two texts, not one of each' });
      else if (low > high) ctx.issues.push({ code: 'custom', path: ['value'], input: ctx.value.value, message: `between needs low ≤ high (got ${low} > ${high})` });
    }),
  z.strictObject({ field: fieldName, op: z.literal('empty') }).describe('the field is missing, null or blank'),
  z.strictObject({ field: fieldName, op: z.literal('contains'), value: z.string().min(1) }).describe('the field, as text, contains the value (case-sensitive)'),
]);

export type LeafCondition = z.infer<typeof leafCondition>;
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] };

/** `all: []` matches every lead (an unconditional rule); `any` needs a member, as `any: []` could never match. */
export const ConditionSchema: z.ZodType<Condition> = z
  .union([
    leafCondition,
    z.strictObject({ get all() { return z.array(ConditionSchema); } }),
    z.strictObject({ get any() { return z.array(ConditionSchema).min(1, { error: 'an "any" group needs at least one condition' }); } }),
  ])
  .meta({ id: 'Condition' });

export const RuleRepSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  // Optional: a roster without CRM users must not make the exports guess one from a name or id.
  crmUser: z.string().optional().describe('the username or email the CRM knows the rep by; absent when the roster does not name one (exports that assign to CRM users then refuse)'),
  capacityPerWeek: z.number().nonnegative().describe('new leads per period (a week) before the rep counts as capped'),
  active: z.boolean(),
  absent: z.boolean().optional().describe('away for now: skipped like an inactive rep'),
  maxOpen: z.number().int().nonnegative().optional().describe('open leads at which the rep counts as capped'),
});

export const PoolEntrySchema = z.strictObject({
  rep: z.string().min(1).describe('a rep id from reps'),
  weight: z.number().min(0, { error: 'weights must be in [0, 1]' }).max(1, { error: 'weights must be in [0, 1]' }).optional()
    .describe('share of the pool (weighted_round_robin; the weights of a pool sum to 1)'),
});

export const AssignSchema = z.strictObject({
  method: z.enum(ASSIGN_METHODS),
  pool: z.array(PoolEntrySchema).default([]).describe('the reps this rule may assign to; empty only for manual_review'),
  queue: z.string().min(1).optional().describe('manual_review: the queue the lead is put in'),
});

export const RuleSchema = z.strictObject({
  id: z.string().min(1),
  when: ConditionSchema.optional().describe('absent: the rule matches every lead'),
  assign: AssignSchema,
  sla: z.strictObject({ firstTouchHours: z.number().positive().optional(), reclaimAfterHours: z.number().positive().optional() }).optional(),
  info: z
    .looseObject({
      expectedLeadsPerWeek: z.number().nonnegative().optional(),
      expectedConversionsPerWeek: z.number().nonnegative().optional(),
      expectedValuePerWeek: z.number().nonnegative().optional(),
    })
    .optional()
    .describe('what the optimizer expects of this rule; informational, never used for routing'),
});

export const PrescreenSchema = z.strictObject({
  dedupeOn: z.array(fieldName).optional().describe('a lead whose value of any of these fields was seen before is a duplicate'),
  reject: z.array(ConditionSchema).optional().describe('a lead matching any of these is rejected before routing'),
});

/** How a rollout experiment splits leads between the arms (src/route/arm-split.ts implements each). */
export const EXPERIMENT_UNITS = ['lead', 'slot', 'week'] as const;
export type ExperimentUnit = (typeof EXPERIMENT_UNITS)[number];

const controlPolicy = z.strictObject({
  name: z.string().describe('the control policy, as reports name it (e.g. "Round robin")'),
  rules: z.array(RuleSchema).describe('the control arm\'s rules, tried in order like the top-level rules; rule ids may repeat the candidate\'s'),
  fallback: AssignSchema.describe('the control arm\'s fallback'),
});

const keepCurrent = z.strictObject({
  name: z.string().describe('what the control is called (e.g. "as is")'),
  keepCurrent: z.literal(true).describe('the control arm\'s leads are left to the CRM\'s current process: Allot assigns only the candidate\'s'),
});

export const ExperimentSchema = z
  .strictObject({
    name: z.string().optional().describe('the experiment, as reports name it (e.g. "Optimized vs as is")'),
    unit: z.enum(EXPERIMENT_UNITS).describe('lead: a stable hash of each lead\'s id; slot: the lead\'s slot (its sequence number mod 100, Salesforce\'s AutoNumber); week: whole weeks by creation date (switchback)'),
    candidateShare: z.number().gt(0, { error: 'candidateShare must be between 0 and 1 (exclusive)' }).lt(1, { error: 'candidateShare must be between 0 and 1 (exclusive)' })
      .describe('the candidate\'s share of the leads (lead, slot) or of the weeks (week); slot: whole percents, lead: multiples of 0.0001'),
    salt: z.string().min(1).optional().describe('unit lead (required): the hash salt; a new salt reshuffles the leads'),
    idField: fieldName.optional().describe('unit lead: the lead field hashed (default lead_id)'),
    weekStart: z.string().optional().describe('unit week (required): the Monday (YYYY-MM-DD) week 0 starts on; weeks are read off the lead\'s creation date'),
    createdField: fieldName.optional().describe('unit week: the lead field holding the creation date, YYYY-MM-DD… (default created_at)'),
    control: z.union([controlPolicy, keepCurrent]).describe('the control arm: its own rules over the same reps, or the current process kept'),
  })
  .describe('a rollout experiment: the top-level rules and fallback are the candidate; the control is routed by its own rules, or left to the current process');

const ruleConfigShape = z.strictObject({
  schema: z.enum(RULES_SCHEMA_IDS).describe('allot.rules/v2; allot.rules/v1 files (no experiment) are read as v2'),
  name: z.string(),
  segmentFields: z.array(fieldName).optional(),
  reps: z.array(RuleRepSchema),
  prescreen: PrescreenSchema.optional(),
  rules: z.array(RuleSchema),
  fallback: AssignSchema.describe('decides when no rule matches, or when the matched rule has nobody left'),
  experiment: ExperimentSchema.optional(),
});

export const RuleConfigSchema = ruleConfigShape
  .check((ctx) => checkReferences(ctx.value, ctx.issues))
  .meta({ title: 'Allot rule config (allot.rules/v2)', description: 'Lead assignment rules: tried in order, the first match decides; no match → fallback.' });

/** A config as the engine holds it: always v2 (parseRuleConfig relabels a v1 file). */
export type RuleConfig = Omit<z.infer<typeof ruleConfigShape>, 'schema'> & { schema: typeof RULES_SCHEMA_ID };
export type Experiment = z.infer<typeof ExperimentSchema>;
export type ControlPolicy = z.infer<typeof controlPolicy>;
export type RuleConfigInput = z.input<typeof RuleConfigSchema>;
export type RuleRep = z.infer<typeof RuleRepSchema>;
export type PoolEntry = z.infer<typeof PoolEntrySchema>;
export type Assign = z.infer<typeof AssignSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type Prescreen = z.infer<typeof PrescreenSchema>;

type Issue = { code: 'custom'; path: PropertyKey[]; message: string; input: unknown };

/** The rules between fields that a JSON Schema cannot say: references, uniqueness, weights. */
function checkReferences(config: z.infer<typeof ruleConfigShape>, issues: unknown[]): void {
  const add = (path: PropertyKey[], message: string) => issues.push({ code: 'custom', path, message, input: undefined } satisfies Issue);
  const repAt = new Map<string, number>();
  config.reps.forEach((rep, i) => {
    const first = repAt.get(rep.id);
    if (first === undefined) repAt.set(rep.id, i);
    else add(['reps', i, 'id'], `duplicate rep id "${rep.id}" (first at reps[${first}])`);
  });
  const ruleAt = new Map<string, number>();
  config.rules.forEach((rule, i) => {
    const first = ruleAt.get(rule.id);
    if (rule.id === 'fallback') add(['rules', i, 'id'], '"fallback" is reserved for the fallback; pick another rule id');
    else if (first === undefined) ruleAt.set(rule.id, i);
    else add(['rules', i, 'id'], `duplicate rule id "${rule.id}" (first at rules[${first}])`);
    checkAssign(rule.assign, ['rules', i, 'assign'], repAt, add);
  });
  checkAssign(config.fallback, ['fallback'], repAt, add);
  if (config.experiment) checkExperiment(config.experiment, config.schema, repAt, add);
}

type Add = (path: PropertyKey[], message: string) => void;

/** An experiment's control routes over the same reps as the candidate, and each unit needs its own keys (and no other's). */
function checkExperiment(experiment: Experiment, schema: string, repAt: Map<string, number>, add: Add): void {
  const at = (...path: PropertyKey[]) => ['experiment', ...path];
  if (schema !== RULES_SCHEMA_ID) add(['schema'], `an experiment needs "${RULES_SCHEMA_ID}" (this file says "${schema}")`);
  const { unit, candidateShare: share, control } = experiment;
  const needs: Record<ExperimentUnit, Array<keyof Experiment>> = { lead: ['salt'], slot: [], week: ['weekStart'] };
  const allows: Record<ExperimentUnit, Array<keyof Experiment>> = { lead: ['salt', 'idField'], slot: [], week: ['weekStart', 'createdField'] };
  for (const key of needs[unit]) if (experiment[key] === undefined) add(at(key), `unit "${unit}" needs ${key}${key === 'salt' ? ' (any text; a new salt reshuffles the leads)' : ' (the Monday week 0 starts on, YYYY-MM-DD)'}`);
  for (const key of ['salt', 'idField', 'weekStart', 'createdField'] as const) {
    if (experiment[key] !== undefined && !allows[unit].includes(key)) add(at(key), `${key} is not used by unit "${unit}" (only by unit ${key === 'salt' || key === 'idField' ? 'lead' : 'week'})`);
  }
  if (unit === 'slot' && !isWhole(share * 100)) add(at('candidateShare'), `a slot split is in whole slots of 1%: ${share} is not a whole percent (e.g. 0.5)`);
  if (unit === 'lead' && !isWhole(share * 10_000)) add(at('candidateShare'), `a lead split is in buckets of 0.01%: ${share} has more decimals than that`);
  if (unit === 'week' && experiment.weekStart !== undefined && !isMondayDate(experiment.weekStart)) add(at('weekStart'), `"${experiment.weekStart}" is not a Monday written YYYY-MM-DD`);
  if (!('rules' in control)) return;
  const ruleAt = new Map<string, number>();
  control.rules.forEach((rule, i) => {
    const first = ruleAt.get(rule.id);
    if (rule.id === 'fallback') add(at('control', 'rules', i, 'id'), '"fallback" is reserved for the fallback; pick another rule id');
    else if (first === undefined) ruleAt.set(rule.id, i);
    else add(at('control', 'rules', i, 'id'), `duplicate rule id "${rule.id}" (first at experiment.control.rules[${first}])`);
    checkAssign(rule.assign, at('control', 'rules', i, 'assign'), repAt, add);
  });
  checkAssign(control.fallback, at('control', 'fallback'), repAt, add);
}

function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-6;
}

/** A Monday written YYYY-MM-DD: the start of a switchback's week 0, as the rule file and the workbench's form take it. */
export function isMondayDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && date.getUTCDay() === 1;
}

function checkAssign(assign: Assign, at: PropertyKey[], repAt: Map<string, number>, add: Add): void {
  const { method, pool } = assign;
  const seen = new Set<string>();
  pool.forEach((entry, j) => {
    if (!repAt.has(entry.rep)) add([...at, 'pool', j, 'rep'], `unknown rep "${entry.rep}" (not in reps)`);
    else if (seen.has(entry.rep)) add([...at, 'pool', j, 'rep'], `rep "${entry.rep}" is already in this pool`);
    seen.add(entry.rep);
  });
  if (method === 'manual_review') {
    if (!assign.queue) add([...at, 'queue'], 'manual_review needs a queue name');
    return;
  }
  if (assign.queue !== undefined) add([...at, 'queue'], `a queue is only used by manual_review, not by ${method}`);
  if (pool.length === 0) add([...at, 'pool'], `${method} needs at least one rep in its pool`);
  if (method === 'fixed' && pool.length > 1) add([...at, 'pool'], `a fixed assignment has exactly one rep (found ${pool.length})`);
  if (method === 'weighted_round_robin' && pool.length > 0) {
    const missing = pool.findIndex((e) => e.weight === undefined);
    if (missing >= 0) add([...at, 'pool', missing, 'weight'], 'weighted_round_robin needs a weight for every rep');
    const sum = pool.reduce((s, e) => s + (e.weight ?? 0), 0);
    if (missing < 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) add([...at, 'pool'], `weights must sum to 1 (they sum to ${+sum.toFixed(9)})`);
  }
}

export type RuleConfigError = { path: string; message: string };
export type ParsedRuleConfig = { ok: true; config: RuleConfig } | { ok: false; errors: RuleConfigError[] };

/** Validates a parsed JSON document; every error names its JSON path, e.g. `rules[2].assign.pool[1].rep`. */
export function parseRuleConfig(json: unknown): ParsedRuleConfig {
  const tooDeep = deepestNesting(json);
  if (tooDeep) return { ok: false, errors: [{ path: tooDeep, message: `conditions nested deeper than ${MAX_CONDITION_DEPTH} levels of all/any; no routing rule needs that many (flatten the groups)` }] };
  const parsed = RuleConfigSchema.safeParse(json);
  // A v1 file is a v2 file without an experiment: it is handed on as v2, so writers write v2.
  if (parsed.success) return { ok: true, config: { ...parsed.data, schema: RULES_SCHEMA_ID } };
  // A misspelt key also leaves the key meant missing: the misspelling is named first.
  const issues = [...parsed.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  return { ok: false, errors: issues.flatMap((issue) => describeIssue(issue, [], json)) };
}

/** A stated limit: checking and routing recurse once per level, and a crafted file must not overflow the stack. */
export const MAX_CONDITION_DEPTH = 32;

/** The JSON path of the first value nested past the limit, found without recursion; null when none is. */
function deepestNesting(json: unknown): string | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: json, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    // Two path steps per level of a condition group (`all`, then the index).
    if (path.length > 2 * MAX_CONDITION_DEPTH + 8) return jsonPath(path);
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
  }
  return null;
}

/** The published JSON Schema (draft 2020-12) of what a rule file may hold. */
export function ruleConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RuleConfigSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}


type ZodIssue = z.core.$ZodIssue;

function describeIssue(issue: ZodIssue, base: PropertyKey[], root: unknown): RuleConfigError[] {
  const path = [...base, ...issue.path];
  const here = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') return [{ path: jsonPath(path), message: describeOperator(here) }];
      if (issue.errors.length > 0 && issue.errors.every((b) => b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0)) {
        const expected = issue.errors.map((b) => (b[0] as z.core.$ZodIssueInvalidType).expected).join(' or ');
        return [{ path: jsonPath(path), message: here === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${describeValue(here)}` }];
      }
      return closestBranch(issue.errors, here).flatMap((inner) => describeIssue(inner, path, root));
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const meant = likelyKey(key, keysAt(RuleConfigSchema, path));
        return { path: jsonPath([...path, key]), message: `unknown key "${key}"${meant ? `; did you mean "${meant}"?` : ` (not part of ${RULES_SCHEMA_ID})`}` };
      });
    case 'invalid_type':
      return [{ path: jsonPath(path), message: here === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${describeValue(here)}` }];
    case 'invalid_value':
      if (path.length === 1 && path[0] === 'schema') return [{ path: 'schema', message: `${describeValue(here)} is not a rule file this version reads: give "${RULES_SCHEMA_ID}" (or "${RULES_SCHEMA_V1}", read as v2)` }];
      if (here === undefined) return [{ path: jsonPath(path), message: `missing (expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')})` }];
      return [{ path: jsonPath(path), message: `${describeValue(here)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` }];
    default:
      return [{ path: jsonPath(path), message: issue.message }];
  }
}

/** The only discriminated union is the condition's `op`; the issue's path ends at it. */
function describeOperator(op: unknown): string {
  const known = `use one of ${CONDITION_OPS.join(', ')}`;
  return op === undefined ? `missing (${known})` : `unknown operator ${describeValue(op)} (${known})`;
}

/**
 * A union reports every branch's complaints; the user meant one branch. The one they meant is the
 * one whose shape their object has: fewest missing keys, foreign keys and absent discriminators.
 */
function closestBranch(branches: ZodIssue[][], here: unknown): ZodIssue[] {
  const has = (key: PropertyKey) => here !== null && typeof here === 'object' && key in here;
  const misfit = (branch: ZodIssue[]) =>
    branch.filter(
      (i) =>
        (i.code === 'unrecognized_keys' && i.path.length === 0) ||
        (i.code === 'invalid_type' && i.path.length === 1 && !has(i.path[0]!)) ||
        (i.code === 'invalid_union' && 'note' in i && i.note === 'No matching discriminator' && !has(i.discriminator!)),
    ).length;
  return branches.reduce((best, branch) => (misfit(branch) < misfit(best) ? branch : best));
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}
