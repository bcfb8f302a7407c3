import { firstIssue } from '../../model/errors';
import { jsonSyntaxText, parseJsonText } from '../../model/json-text';
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
  const json = parseJsonText(text);
  if (!json.ok) throw new ScenarioFileError(file, '(root)', `not JSON (${jsonSyntaxText(json)})`);
  return parseScenario(file, json.value);
}

export function parseScenario(file: string, json: unknown): Scenario {
  const parsed = ScenarioSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error, ScenarioSchema, json);
  throw new ScenarioFileError(file, issue.path, issue.message);
}

export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
