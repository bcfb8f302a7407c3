import { oneLine } from '../human-text';
import type { Limitation } from '../target';
import { MANIFEST_PATH, PROJECT_PATH } from './package-xml';
import { SEQUENCE_FIELD, SLOT_FIELD } from './fields';

/** The read-me at the top of Lead.assignmentRules-meta.xml: how to deploy, how weights became entries, what is lost. */
export function readmeComment(configName: string, slots: number, usesSlots: boolean, limitations: readonly Limitation[], experiment: readonly string[] = []): string {
  const lines = [
    `Allot lead assignment rules for Salesforce, from the rule config "${oneLine(configName)}".`,
    '',
    `Deploy from the folder that holds ${PROJECT_PATH}: sf project deploy start -x ${MANIFEST_PATH} (-x: the manifest flag)`,
    'The rule deploys active, so it replaces the Lead assignment rule active until now.',
    'Salesforce runs it for leads saved with "Assign using active assignment rule", Web-to-Lead,',
    'imports that pick the rule, and API calls that send the AssignmentRuleHeader.',
    'Entries are tried in order and the first whose criteria a lead meets assigns it, as Allot rules do.',
  ];
  if (usesSlots)
    lines.push(
      '',
      `Weights: every new lead gets the next ${SEQUENCE_FIELD} (AutoNumber) and ${SLOT_FIELD} = MOD(VALUE(${SEQUENCE_FIELD}), ${slots}).`,
      `A pool's reps get consecutive slot ranges sized by their weights (whole slots, largest remainder, ${slots} in all),`,
      'one rule entry per rep; a rep with weight w gets about w of the leads its rule receives.',
    );
  if (experiment.length > 0) lines.push('', ...experiment);
  lines.push('', 'What Salesforce assignment rules cannot express, and what these files do instead:');
  for (const l of limitations) lines.push(`- ${l.at === null ? '' : `[${oneLine(l.at)}] `}${oneLine(l.what)}: ${oneLine(l.approximation)}.`);
  return lines.join('\n');
}
