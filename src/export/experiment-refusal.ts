import type { RuleConfig } from '../model/rules';
import { ExportError } from './target';

/**
 * Targets whose conditions cannot tell the arms apart refuse a config with an experiment rather
 * than export the candidate alone (which would silently deploy it to everyone). Frappe's
 * assign_condition and Odoo's domains compare a lead's fields; neither can hash an id, count leads
 * into slots or alternate weeks without a field that already holds the arm.
 */
export function refuseExperiment(config: RuleConfig, target: string): void {
  const experiment = config.experiment;
  if (!experiment) return;
  throw new ExportError(
    `${target} rules cannot split leads between two policies by ${experiment.unit}: their conditions only compare a lead's fields, and nothing in a lead says its arm. Run the experiment with the reference router or Salesforce (unit slot), or give the leads an arm field and export each arm's rules as a separate rule file with that condition`,
    'experiment', 'experiment_not_expressible', { target, unit: experiment.unit },
  );
}
