import { jsonPath } from '../model/errors';
import { RuleConfigSchema } from '../model/rules';
import schema from '../model/schemas/allot.rules.v2.schema.json';
import { jsonFile } from './limitations-note';
import { ExportError, type Exporter } from './target';

/** The RuleConfig itself (an experiment's split included, as the file states it), checked once more, next to the JSON Schema any other program can validate it with. */
export const exportJson: Exporter = (config) => {
  const checked = RuleConfigSchema.safeParse(config);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ExportError(`not a valid allot.rules/v2 config: ${issue.message}`, jsonPath(issue.path), 'invalid_config', { detail: issue.message });
  }
  return {
    target: 'json',
    files: [
      { path: 'rules.json', content: jsonFile(config), mediaType: 'application/json' },
      { path: 'allot.rules.v2.schema.json', content: jsonFile(schema), mediaType: 'application/schema+json' },
    ],
    limitations: [],
  };
};
