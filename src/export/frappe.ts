import type { Assign, RuleRep } from '../model/rules';
import { requireCrmUsers } from './crm-users';
import { describeCondition } from '../route';
import { frappeCondition } from './frappe-condition';
import { markdownText, templateHtmlText } from './human-text';
import { jsonFile, limitationsMarkdown } from './limitations-note';
import { EXPORT_OPTIONS } from './options';
import { capLimitations, exportablePool, rulePath, ruleAt, weightsAreEqual, type PoolMember } from './pool';
import { refuseExperiment } from './experiment-refusal';
import { ExportError, type Exporter, type Limitation } from './target';
import { wholeShares } from './whole-shares';

/*
 * Frappe `Assignment Rule` documents (frappe/automation/doctype/assignment_rule/assignment_rule.json):
 * document_type, priority ("Higher priority rule will be applied first"), disabled, description
 * (required), assign_condition (a Python expression), rule (Select: Round Robin / Load Balancing /
 * Based on Field; v16 adds Weighted Distribution with a `weighted_users` table of user + weight),
 * users (Table MultiSelect of `Assignment Rule User`: user) and assignment_days (required table of
 * `Assignment Rule Day`: day). Frappe tries the enabled rules by descending priority and the first
 * whose condition holds assigns, which is the router's first match; the fallback is the last rule,
 * with the condition True. Child rows carry no `doctype`: Frappe takes it from the table field.
 */
const WEEK_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** ERPNext's Lead and Frappe CRM's CRM Lead take the same rule documents. */
const DOCUMENT_TYPES = [
  { folder: 'erpnext', doctype: 'Lead' },
  { folder: 'frappe-crm', doctype: 'CRM Lead' },
] as const;

export interface FrappeAssignmentRule {
  doctype: 'Assignment Rule';
  name: string;
  document_type: string;
  priority: number;
  disabled: 0;
  description: string;
  assign_condition: string;
  rule: 'Round Robin' | 'Load Balancing' | 'Weighted Distribution';
  users?: Array<{ user: string }>;
  weighted_users?: Array<{ user: string; weight: number }>;
  assignment_days: Array<{ day: string }>;
}

export const exportFrappe: Exporter = (config, options) => {
  refuseExperiment(config, 'Frappe');
  const version = options.frappeVersion ?? EXPORT_OPTIONS.frappeVersion.default;
  const userOf = requireCrmUsers(config);
  const limitations: Limitation[] = [];
  const fallback = exportablePool(config, config.fallback, 'fallback', limitations);
  if (fallback.length === 0 && config.fallback.method !== 'manual_review') throw new ExportError('the fallback has nobody active to assign to', 'fallback.pool', 'fallback_empty');
  const decide = (assign: Assign, index: number) => {
    const at = ruleAt(config, index);
    let members = exportablePool(config, assign, at, limitations);
    let method = assign;
    if (members.length === 0 && assign.method !== 'manual_review') {
      // The router hands such a rule's leads to the fallback: so does the exported rule.
      limitations.push({ at, code: 'frappe_pool_empty', params: {}, what: 'nobody in this pool can take leads now', approximation: "the rule assigns with the fallback's pool and method" });
      members = fallback;
      method = config.fallback;
    }
    return ruleMethod(method, members, userOf, version, rulePath(config, index), at, limitations);
  };
  const decided = [...config.rules.map((rule, i) => ({ index: i, when: rule.when, ...decide(rule.assign, i) })), { index: -1, when: undefined, ...decide(config.fallback, -1) }];
  const count = decided.length;
  const documents = (documentType: string): FrappeAssignmentRule[] =>
    decided.map((d, position) => ({
      doctype: 'Assignment Rule',
      name: `${config.name} · ${ruleAt(config, d.index)}`,
      document_type: documentType,
      priority: count - position,
      disabled: 0,
      // Frappe renders the description as a Jinja template into the ToDo's HTML: it must stay text.
      description: templateHtmlText(`Allot ${d.index < 0 ? 'fallback' : `rule ${position + 1} of ${count - 1}`}: ${d.index < 0 ? 'every lead no rule above took' : describeCondition(d.when)}`),
      assign_condition: d.index < 0 ? 'True' : frappeCondition(d.when, `rules[${d.index}].when`),
      rule: d.rule,
      ...(d.users ? { users: d.users } : {}),
      ...(d.weighted_users ? { weighted_users: d.weighted_users } : {}),
      assignment_days: WEEK_DAYS.map((day) => ({ day })),
    }));
  limitations.push(...capLimitations(config, 'Frappe'));
  if (config.prescreen) limitations.push({ at: 'prescreen', code: 'frappe_prescreen', params: {}, what: 'prescreen (reject and duplicate checks)', approximation: 'not exported: set up duplicate checks and validations in Frappe' });
  const readme = `# Frappe assignment rules: ${markdownText(config.name)}\n\nImport \`erpnext/assignment-rules.json\` (document type Lead) or \`frappe-crm/assignment-rules.json\` (CRM Lead) with Data Import or \`frappe.get_doc(doc).insert()\` for each document. Rules for Frappe ${version}. Higher priority applies first; the last rule (condition True) is the fallback.\n\n${limitationsMarkdown(limitations)}`;
  return {
    target: 'frappe',
    files: [
      ...DOCUMENT_TYPES.map(({ folder, doctype }) => ({ path: `${folder}/assignment-rules.json`, content: jsonFile(documents(doctype)), mediaType: 'application/json' })),
      { path: 'README.md', content: readme, mediaType: 'text/markdown' },
    ],
    limitations,
  };
};

function ruleMethod(assign: Assign, members: PoolMember[], userOf: (rep: RuleRep) => string, version: 'v15' | 'v16', path: string, at: string, limitations: Limitation[]): Pick<FrappeAssignmentRule, 'rule' | 'users' | 'weighted_users'> {
  const users = { users: members.map((m) => ({ user: userOf(m.rep) })) };
  switch (assign.method) {
    case 'round_robin':
    case 'fixed':
      return { rule: 'Round Robin', ...users };
    case 'least_loaded':
      limitations.push({ at, code: 'frappe_least_loaded', params: {}, what: 'least_loaded weighs open leads by capacity', approximation: 'Load Balancing gives the lead to the user with the fewest open assignments, whatever their capacity' });
      return { rule: 'Load Balancing', ...users };
    case 'weighted_round_robin': {
      if (weightsAreEqual(members)) return { rule: 'Round Robin', ...users };
      if (version === 'v15') throw new ExportError('Frappe v15 has no weighted rule (Round Robin gives equal shares); export for v16 (Weighted Distribution) or make the weights equal', path, 'frappe_v15_weights');
      const weights = wholeShares(members.map((m) => m.weight), 100);
      if (weights.some((w) => w === 0)) limitations.push({ at, code: 'frappe_small_weight', params: {}, what: 'a weight below 0.5%', approximation: 'rounded to whole percents; reps at 0% are left out' });
      return { rule: 'Weighted Distribution', weighted_users: members.map((m, i) => ({ user: userOf(m.rep), weight: weights[i]! })).filter((u) => u.weight > 0) };
    }
    case 'manual_review':
      throw new ExportError(`Frappe assignment rules assign to users, not to a queue ("${assign.queue}"); give the rule a pool of reviewers instead`, path, 'frappe_review_queue', { queue: assign.queue! });
  }
}
