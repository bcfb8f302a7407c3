import sampleJson from '../../../data/sample/scenario.json';
import { ScenarioSchema, type Scenario } from '../../model/scenario';

/** A scenario file that is not JSON or breaks `allot.scenario/v1`; `path` is the JSON path, `(root)` for the whole file. */
export class ScenarioFileError extends Error {
  override name = 'ScenarioFileError';
  constructor(readonly file: string, readonly path: string, readonly detail: string) {
    super(`${file}: ${path}: ${detail}`);
  }
}

/** The bundled sample's scenario (data/sample/scenario.json), the one a first visit starts from. */
export function sampleScenario(): Scenario {
  return ScenarioSchema.parse(sampleJson);
}

/** Reads a scenario file as the CLI does: every default filled in, the first problem named by its JSON path. */
export function parseScenarioText(file: string, text: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ScenarioFileError(file, '(root)', `not JSON (${(error as Error).message})`);
  }
  return parseScenario(file, json);
}

export function parseScenario(file: string, json: unknown): Scenario {
  const parsed = ScenarioSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = deepest(parsed.error.issues[0]!);
  throw new ScenarioFileError(file, jsonPath(issue.path), issue.message);
}

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: Issue[][];
}

/**
 * A union (`roster`: a path or the reps) fails as a whole with "Invalid input"; the branch that got
 * furthest into the file is the one the user meant, so its problem is the one to name.
 */
function deepest(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return issue;
  const inner = issue.errors.flat().map((i) => deepest({ ...i, path: [...issue.path, ...i.path] }));
  return inner.reduce((best, i) => (i.path.length > best.path.length ? i : best), issue);
}

export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** `['roster', 'reps', 3, 'capacity_per_week']` → `roster.reps[3].capacity_per_week`. */
export function jsonPath(parts: readonly PropertyKey[]): string {
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(root)';
}
