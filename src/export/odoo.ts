import type { Assign, RuleConfig } from '../model/rules';
import { describeCondition } from '../route';
import { requireCrmUsers } from './crm-users';
import { markdownText, oneLine } from './human-text';
import { limitationsMarkdown } from './limitations-note';
import { combine, domainLiteral, negate, odooDomain, type Domain } from './odoo-domain';
import { capLimitations, exportablePool, ruleAt, rulePath, type PoolMember } from './pool';
import { refuseExperiment } from './experiment-refusal';
import { ExportError, type Exporter, type Limitation } from './target';
import { wholeShares } from './whole-shares';
import { xmlComment, xmlText } from './xml-text';

/*
 * Odoo (15+) lead assignment: `crm.team` has an `assignment_domain` that decides which leads the
 * team takes, and each `crm.team.member` an `assignment_max` ("Average Leads Capacity (on 30
 * days)"). Odoo's assignment cron gives a lead matching several teams to one of them at random
 * (weighted by team capacity), so team order alone cannot make rules first-match. Hence one team
 * per rule whose domain is the rule's condition AND NOT every earlier rule's: the teams' domains
 * never overlap, and each lead reaches exactly the team of the rule the router would pick (the
 * fallback team takes what no rule matches). Team `sequence` keeps the rule order for people.
 * Inside a team Odoo picks members at random in proportion to their remaining quota, so a weighted
 * pool becomes quotas proportional to the weights.
 */
const WEEKS_PER_MONTH = 52 / 12;

export const exportOdoo: Exporter = (config) => {
  refuseExperiment(config, 'Odoo');
  const userOf = requireCrmUsers(config);
  const limitations: Limitation[] = [];
  const fallbackMembers = exportablePool(config, config.fallback, 'fallback', limitations);
  const ruleDomains = config.rules.map((rule, i) => odooDomain(rule.when, `rules[${i}].when`));
  const teams = [...config.rules.map((rule, i) => ({ index: i, assign: rule.assign, expected: rule.info?.expectedLeadsPerWeek })), { index: -1, assign: config.fallback, expected: undefined }];
  const records: string[] = [];
  teams.forEach(({ index, assign, expected }, position) => {
    const at = ruleAt(config, index);
    const earlier = index < 0 ? ruleDomains : ruleDomains.slice(0, index);
    const own = index < 0 ? [] : [ruleDomains[index]!];
    const domain: Domain = combine('&', [...own, ...earlier.map(negate)]);
    let members = assign.method === 'manual_review' ? [] : exportablePool(config, assign, at, limitations);
    let method = assign.method;
    if (members.length === 0 && assign.method !== 'manual_review') {
      if (index < 0) throw new ExportError('the fallback has nobody active to assign to', 'fallback.pool', 'fallback_empty');
      limitations.push({ at, code: 'odoo_pool_empty', params: {}, what: 'nobody in this pool can take leads now', approximation: "the team gets the fallback's members" });
      members = fallbackMembers;
      method = config.fallback.method;
    }
    const team = `allot_team_${String(position + 1).padStart(2, '0')}_${slug(at)}`;
    const description = index < 0 ? 'every lead no rule above took' : describeCondition(config.rules[index]!.when);
    records.push(teamRecord(team, `${config.name} · ${at}`, position + 1, domain, description));
    if (assign.method === 'manual_review') {
      limitations.push({ at, code: 'odoo_review_queue', params: { queue: assign.queue! }, what: `manual review queue "${assign.queue}"`, approximation: 'a sales team without members: its leads wait, unassigned, for someone to place them' });
      return;
    }
    const quotas = monthlyQuotas(method, members, expected, rulePath(config, index), at, limitations);
    members.forEach((m, j) => records.push(memberRecord(`${team}_m${String(j + 1).padStart(2, '0')}`, team, userOf(m.rep), quotas[j]!)));
  });
  limitations.push(...capLimitations(config, 'Odoo', true));
  limitations.push(
    { at: null, code: 'odoo_monthly_quota', params: {}, what: 'weekly capacities (capacityPerWeek)', approximation: `assignment_max holds a monthly quota per team membership (capacity × 52/12, rounded); Odoo's assignment cron turns it into a daily quota of assignment_max / 30 and leaves leads beyond it unassigned until the next day's run` },
    { at: null, code: 'odoo_field_names', params: {}, what: 'lead fields', approximation: 'the domains name the fields as the rules do; they must exist on crm.lead under those names (custom fields start with x_)' },
    { at: null, code: 'odoo_batch_assignment', params: {}, what: 'immediate, per-lead routing', approximation: 'Odoo assigns in batches when its assignment cron runs (or on "Assign Leads"); a rep is picked at random in proportion to remaining quota, so shares match the weights on average, not lead by lead' },
  );
  if (config.prescreen) limitations.push({ at: 'prescreen', code: 'odoo_prescreen', params: {}, what: 'prescreen (reject and duplicate checks)', approximation: "not exported: use Odoo's duplicate detection and lead mining filters" });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${xmlComment(`Allot export of "${oneLine(config.name)}": one sales team per rule, in rule order.`, true)}\n<odoo>\n  <data>\n${records.join('\n')}\n  </data>\n</odoo>\n`;
  const readme = `# Odoo sales teams: ${markdownText(config.name)}\n\nLoad \`allot_lead_assignment.xml\` as a data file of a small module (list it under \`data\` in its \`__manifest__.py\`), then turn on Settings → CRM → Rule-Based Assignment.\n\n${limitationsMarkdown(limitations)}`;
  return {
    target: 'odoo',
    files: [
      { path: 'allot_lead_assignment.xml', content: xml, mediaType: 'application/xml' },
      { path: 'README.md', content: readme, mediaType: 'text/markdown' },
    ],
    limitations,
  };
};

/**
 * Monthly quotas, whole leads. A weighted or round-robin pool splits the rule's expected monthly
 * volume (or, without one, the pool's monthly capacity) by the weights; least_loaded and fixed
 * give each rep their own capacity, which Odoo's quota-weighted pick then balances.
 */
function monthlyQuotas(method: Assign['method'], members: PoolMember[], expectedPerWeek: number | undefined, path: string, at: string, limitations: Limitation[]): number[] {
  const capacity = members.map((m) => Math.round(m.rep.capacityPerWeek * WEEKS_PER_MONTH));
  if (method === 'least_loaded' || method === 'fixed') return capacity.map((c) => Math.max(1, c));
  const volume = Math.ceil((expectedPerWeek ?? members.reduce((s, m) => s + m.rep.capacityPerWeek, 0)) * WEEKS_PER_MONTH);
  const quotas = wholeShares(members.map((m) => m.weight), Math.max(volume, members.length));
  if (quotas.some((q) => q === 0)) throw new ExportError(`a weight is too small for a whole monthly quota out of ${volume} leads; Odoo would give that rep no leads at all`, path, 'odoo_weight_too_small', { volume });
  if (quotas.some((q, i) => q > capacity[i]!)) limitations.push({ at, code: 'odoo_quota_above_capacity', params: {}, what: 'a quota above the rep\'s monthly capacity', approximation: 'kept, so the weights hold; the rep may be overloaded' });
  return quotas;
}

function teamRecord(id: string, name: string, sequence: number, domain: Domain, description: string): string {
  return [
    `    ${xmlComment(oneLine(description), true)}`,
    `    <record id="${id}" model="crm.team">`,
    `      <field name="name">${xmlText(name)}</field>`,
    `      <field name="sequence">${sequence}</field>`,
    `      <field name="use_leads" eval="True"/>`,
    `      <field name="assignment_domain">${xmlText(domainLiteral(domain))}</field>`,
    `    </record>`,
  ].join('\n');
}

function memberRecord(id: string, team: string, login: string, quota: number): string {
  return [
    `    <record id="${id}" model="crm.team.member">`,
    `      <field name="crm_team_id" ref="${team}"/>`,
    `      <field name="user_id" search="${xmlText(`[('login', '=', ${JSON.stringify(login)})]`, `crm.team.member ${id} user_id`)}"/>`,
    `      <field name="assignment_max">${quota}</field>`,
    `    </record>`,
  ].join('\n');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'rule';
}
