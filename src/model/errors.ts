/**
 * The one family of errors a user can act on (DESIGN §1): each has a family, a `code` with its
 * `params` (so a face can word it in its own language), a location (file, row, column or JSON
 * path) and `message`, the English sentence the CLI prints. They cross a worker boundary as
 * plain data (`toData` / `errorFromData`) and come out the same class with the same fields.
 */
import type { ZodError, ZodType } from 'zod';
import { keysAt, likelyKey } from './schema-keys';

export type ErrorFamily = 'import' | 'scenario' | 'policy' | 'export' | 'engine';

/** Where the problem is; every field optional, `path` a JSON path in the `jsonPath` format. */
export interface ErrorLocation {
  file?: string;
  row?: number;
  column?: string;
  path?: string;
}

export type ErrorParams = Record<string, string | number>;

/** An AllotError as plain data: what a worker posts, and what `--json` could print. */
export interface AllotErrorData {
  family: ErrorFamily;
  code: string;
  params: ErrorParams;
  where: ErrorLocation;
  message: string;
  /** Family-specific data a face shows beside the sentence (a policy error's optimizer result). */
  detail?: unknown;
}

export class AllotError extends Error {
  readonly family: ErrorFamily;
  readonly code: string;
  readonly params: ErrorParams;
  readonly where: ErrorLocation;
  readonly detail: unknown;

  constructor(data: Omit<AllotErrorData, 'params' | 'where'> & { params?: ErrorParams; where?: ErrorLocation }) {
    super(data.message);
    this.name = 'AllotError';
    this.family = data.family;
    this.code = data.code;
    this.params = data.params ?? {};
    this.where = data.where ?? {};
    this.detail = data.detail;
  }

  toData(): AllotErrorData {
    return { family: this.family, code: this.code, params: this.params, where: this.where, message: this.message, ...(this.detail === undefined ? {} : { detail: this.detail }) };
  }
}

/** An import problem: a file, row or column the user can fix. Existing call sites give the English and where; a code when a face words it. */
export class ImportError extends AllotError {
  constructor(message: string, where: ErrorLocation = {}, code = 'import', params: ErrorParams = {}) {
    super({ family: 'import', code, params, where, message });
    this.name = 'ImportError';
  }
}

/** A setting of the scenario that the data or the roster cannot honour; `where.path` is its JSON path. */
export class ScenarioError extends AllotError {
  constructor(code: string, params: ErrorParams, message: string, where: ErrorLocation = {}) {
    super({ family: 'scenario', code, params, where, message });
    this.name = 'ScenarioError';
  }
}

/** Not the user's doing: a bug or a crashed worker. Shown once, with a retry. */
export class EngineError extends AllotError {
  constructor(message: string, code = 'internal', params: ErrorParams = {}) {
    super({ family: 'engine', code, params, message });
    this.name = 'EngineError';
  }
}

const CLASS_NAMES: Record<ErrorFamily, string> = { import: 'ImportError', scenario: 'ScenarioError', policy: 'PolicyError', export: 'ExportError', engine: 'EngineError' };

/** Any thrown value as an AllotError: itself, or an engine error carrying its message. */
export function asAllotError(error: unknown): AllotError {
  if (error instanceof AllotError) return error;
  return new EngineError(error instanceof Error ? error.message : String(error));
}

/**
 * An AllotError back from its data, keeping `name` (ImportError, PolicyError …) so the faces can
 * tell the families apart without importing the engine modules that define the subclasses.
 */
export function errorFromData(data: AllotErrorData): AllotError {
  const error = new AllotError(data);
  error.name = CLASS_NAMES[data.family] ?? 'AllotError';
  return error;
}

export function isAllotErrorData(value: unknown): value is AllotErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AllotErrorData>;
  return typeof v.family === 'string' && v.family in CLASS_NAMES && typeof v.code === 'string' && typeof v.message === 'string';
}

/** The one JSON-path format: `['roster', 'reps', 3, 'capacity_per_week']` → `roster.reps[3].capacity_per_week`; `(root)` for none. */
export function jsonPath(parts: readonly PropertyKey[]): string {
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(root)';
}

interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: ZodIssueLike[][];
  keys?: string[];
  values?: unknown[];
}

/**
 * The issue of a failed parse to show the user: the first one, and inside a union that failed as
 * a whole ("Invalid input") the branch that got furthest into the file, the one the user meant.
 */
export function firstIssue(error: ZodError, schema?: ZodType, input?: unknown): { path: string; message: string } {
  // Inside a union that failed as a whole, the branch that got furthest into the file is the one
  // the user meant; within it, as at the top, a misspelt key comes before the key it left missing.
  const preferred = (list: ZodIssueLike[]) => list.find((i) => i.code === 'unrecognized_keys') ?? list[0]!;
  const deepest = (issue: ZodIssueLike): ZodIssueLike => {
    if (issue.code !== 'invalid_union' || !issue.errors?.length) return issue;
    const branches = issue.errors.map((branch) => branch.map((i) => deepest({ ...i, path: [...issue.path, ...i.path] })));
    const depth = (branch: ZodIssueLike[]) => Math.max(...branch.map((i) => i.path.length));
    const furthest = branches.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
    return furthest.length ? preferred(furthest) : issue;
  };
  const issues = (error.issues as unknown as ZodIssueLike[]).map(deepest);
  // A misspelt key also leaves the key meant missing: the misspelling is the mistake to name.
  const issue = preferred(issues);
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) return unknownKey(issue.path, issue.keys[0]!, schema);
  if (issue.code === 'invalid_value' && issue.values?.length) {
    const given = valueAt(input, issue.path);
    const meant = typeof given === 'string' ? likelyKey(given, issue.values.map(String)) : null;
    if (meant) return { path: jsonPath(issue.path), message: `"${given}" is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; did you mean "${meant}"?` };
  }
  return { path: jsonPath(issue.path), message: issue.message };
}

/** The value a JSON path leads to in a parsed document; undefined where it leads nowhere. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here = root;
  for (const key of path) here = typeof here === 'object' && here !== null ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  return here;
}

/** A key a strict schema does not know: named by its own path, with the key most likely meant. */
function unknownKey(at: PropertyKey[], key: string, schema: ZodType | undefined): { path: string; message: string } {
  const known = schema ? keysAt(schema, at) : [];
  const meant = likelyKey(key, known);
  const hint = meant ? `; did you mean "${meant}"?` : known.length ? ` (known keys: ${known.join(', ')})` : '';
  return { path: jsonPath([...at, key]), message: `unknown key "${key}"${hint}` };
}
