import type { Assign, RuleConfig } from '../model/rules';
import { experimentSplit } from './hubspot-experiment';
import { repsReceivingLeads, requireCrmUsers } from './crm-users';
import { hubspotFilterBranch } from './hubspot-filters';
import { markdownText } from './human-text';
import { jsonFile, limitationsMarkdown } from './limitations-note';
import { capLimitations, exportablePool, ruleAt, rulePath, weightsAreEqual, type PoolMember } from './pool';
import { ExportError, type Exporter, type Limitation } from './target';
import { wholeShares } from './whole-shares';

/*
 * A HubSpot Automation v4 flow (POST /automation/v4/flows; action shapes from
 * https://developers.hubspot.com/docs/api-reference/automation-automation-v4-v4/action-enrollment-reference):
 * - one LIST_BRANCH ("if/then branch") with a branch per rule, in rule order: HubSpot sends a
 *   record down the first branch whose filters it meets, and the default branch is the fallback;
 * - a weighted pool becomes an AB_TEST_BRANCH (HubSpot's random split: `testBranches[].percentage`,
 *   whole percents), one split per rep, each ending in a rotate-to-owner action for that rep;
 * - every other pool ends in one rotate-to-owner action (actionTypeId "0-11", "Rotate record to
 *   owner": `user_ids`, `target_property: hubspot_owner_id`), which rotates evenly over its users.
 * Contacts enrol when they have no owner, so the flow only places unowned contacts.
 */
const ROTATE_TO_OWNER = '0-11';
const CONTACT_OBJECT = '0-1';

type Action = Record<string, unknown> & { actionId: string };

export const exportHubSpot: Exporter = (config) => {
  const userOf = requireCrmUsers(config);
  const limitations: Limitation[] = [];
  const actions: Action[] = [];
  let nextId = 2; // "1" is the rule branch
  const newId = () => String(nextId++);

  const placePool = (assign: Assign, index: number, view: RuleConfig): string => {
    // The control's rules are named as such: rule ids may repeat between the arms.
    const control = view !== config;
    const at = (control ? 'control: ' : '') + ruleAt(view, index);
    const path = (control ? 'experiment.control.' : '') + rulePath(view, index);
    const members = exportablePool(config, assign, at, limitations);
    if (assign.method === 'manual_review') throw new ExportError(`HubSpot workflows rotate to owners and have no lead queues ("${assign.queue}"); give the rule a pool of reviewers instead`, path, 'hubspot_review_queue', { queue: assign.queue! });
    if (members.length === 0) throw new ExportError('nobody in this pool is active, and a HubSpot rotation needs at least one owner', path, 'hubspot_empty_pool');
    if (assign.method === 'least_loaded') limitations.push({ at, code: 'hubspot_least_loaded', params: {}, what: 'least_loaded', approximation: 'HubSpot rotates evenly over the owners; it does not look at their open load' });
    if (assign.method !== 'weighted_round_robin' || weightsAreEqual(members)) return rotate(members);
    const percents = wholeShares(members.map((m) => m.weight), 100);
    const kept = members.map((m, i) => ({ m, percent: percents[i]! })).filter((x) => x.percent > 0);
    if (kept.length < members.length) limitations.push({ at, code: 'hubspot_small_weight', params: {}, what: 'a weight below 0.5%', approximation: 'rounded to whole percents; reps at 0% get no split branch' });
    if (kept.length === 1) return rotate([kept[0]!.m]);
    const id = newId();
    const split: Action = { actionId: id, type: 'AB_TEST_BRANCH', testBranches: [] as unknown[] };
    actions.push(split);
    split.testBranches = kept.map(({ m, percent }) => ({ percentage: percent, connection: { edgeType: 'STANDARD', nextActionId: rotate([m]) } }));
    return id;
  };
  const rotate = (members: PoolMember[]): string => {
    const id = newId();
    actions.push({
      actionId: id, actionTypeId: ROTATE_TO_OWNER, actionTypeVersion: 0, type: 'SINGLE_CONNECTION',
      fields: { user_ids: members.map((m) => userOf(m.rep)), target_property: 'hubspot_owner_id', overwrite_current_owner: 'false' },
    });
    return id;
  };

  /** One rule set as a LIST_BRANCH (rules in order, the fallback the default branch); `view` is the config or the control's rules over its reps. */
  const ruleBranch = (view: RuleConfig, id: string, path: string): void => {
    const branch: Action = { actionId: id, type: 'LIST_BRANCH' };
    actions.push(branch);
    branch.listBranches = view.rules.map((rule, i) => ({
      branchName: rule.id,
      filterBranch: hubspotFilterBranch(rule.when, `${path}rules[${i}].when`),
      connection: { edgeType: 'STANDARD', nextActionId: placePool(rule.assign, i, view) },
    }));
    branch.defaultBranchName = 'fallback';
    branch.defaultBranch = { edgeType: 'STANDARD', nextActionId: placePool(view.fallback, -1, view) };
  };
  const { experiment } = config;
  if (!experiment) ruleBranch(config, '1', '');
  else limitations.push(...experimentSplit(config, experiment, actions, newId, ruleBranch));

  const flow = {
    type: 'CONTACT_FLOW',
    objectTypeId: CONTACT_OBJECT,
    flowType: 'WORKFLOW',
    name: `Allot: ${config.name}`,
    description: 'Lead assignment exported by Allot; rules are tried in order (the branches), weights are random splits.',
    isEnabled: false,
    startActionId: '1',
    nextAvailableActionId: String(nextId),
    actions: actions.sort((a, b) => Number(a.actionId) - Number(b.actionId)),
    enrollmentCriteria: {
      type: 'LIST_BASED',
      shouldReEnroll: false,
      unEnrollObjectsNotMeetingCriteria: false,
      reEnrollmentTriggersFilterBranches: [],
      listFilterBranch: {
        filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [],
        filterBranches: [{ filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters: [{ filterType: 'PROPERTY', property: 'hubspot_owner_id', operation: { operationType: 'ALL_PROPERTY', operator: 'IS_UNKNOWN' } }] }],
      },
    },
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    suppressionListIds: [],
    canEnrollFromSalesforce: false,
  };

  limitations.push(...capLimitations(config, 'HubSpot'));
  limitations.push(
    { at: null, code: 'hubspot_random_split', params: {}, what: 'the exact weighted rotation', approximation: 'each weighted pool is a random split in whole percents: shares match the weights on average, not lead by lead' },
    { at: null, code: 'hubspot_case_insensitive', params: {}, what: 'case-sensitive text conditions', approximation: "HubSpot's text filters ignore case (\"east\" matches East)" },
  );
  const nonIds = repsReceivingLeads(config).map(userOf).filter((user) => !/^\d+$/.test(user));
  if (nonIds.length > 0) limitations.push({ at: null, code: 'hubspot_owner_ids', params: { count: nonIds.length, example: nonIds[0]! }, what: `owners named by email or username (${nonIds.length} reps, e.g. ${nonIds[0]!})`, approximation: 'user_ids must be HubSpot user ids: replace each crmUser with its id (GET /settings/v3/users) before creating the flow' });
  if (config.prescreen) limitations.push({ at: 'prescreen', code: 'hubspot_prescreen', params: {}, what: 'prescreen (reject and duplicate checks)', approximation: "not exported: HubSpot de-duplicates contacts by email itself; add enrollment filters for rejects" });
  const readme = `# HubSpot workflow: ${markdownText(config.name)}\n\nCreate it with \`POST https://api.hubapi.com/automation/v4/flows\` and the body \`hubspot-flow.json\` (scope \`automation\`). It is created switched off: review it in HubSpot, then turn it on.\n\n${limitationsMarkdown(limitations)}`;
  return {
    target: 'hubspot',
    files: [
      { path: 'hubspot-flow.json', content: jsonFile(flow), mediaType: 'application/json' },
      { path: 'README.md', content: readme, mediaType: 'text/markdown' },
    ],
    limitations,
  };
};
