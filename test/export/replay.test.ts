import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportRules } from '../../src/export';
import type { FrappeAssignmentRule } from '../../src/export/frappe';
import type { RuleConfig } from '../../src/model/rules';
import { createRouterState, route, type Lead } from '../../src/route';
import { compileDomain } from './replay/odoo-domain-eval';
import { compilePython } from './replay/python-subset';
import { configShares, expectSharesWithin, generatedLeads, REPLAY_LEADS, sampleRules, seededRandom, tally, weightedPick, xmlUnescape, type Shares } from './replay/shares';

let config: RuleConfig;
let leads: Lead[];
let expected: Shares;
beforeAll(() => {
  config = sampleRules();
  leads = generatedLeads();
  expected = configShares(config, leads);
});

const ruleOf = (name: string) => name.slice(name.lastIndexOf(' · ') + 3);

describe('replaying 10,000 generated leads through the exported artifact gives the RuleConfig its shares', () => {
  it('Frappe v16: Assignment Rules by priority, conditions evaluated as Python, then the users rotated', () => {
    const docs = JSON.parse(exportRules(config, 'frappe', { frappeVersion: 'v16' }).files.find((f) => f.path === 'frappe-crm/assignment-rules.json')!.content) as FrappeAssignmentRule[];
    const ordered = [...docs].sort((a, b) => b.priority - a.priority).map((doc) => ({ doc, test: compilePython(doc.assign_condition), last: -1, current: new Map<string, number>() }));
    const shares: Shares = new Map();
    for (const lead of leads) {
      const rule = ordered.find((r) => r.test(lead))!;
      tally(shares, ruleOf(rule.doc.name), pickFrappeUser(rule));
    }
    const worst = expectSharesWithin(shares, expected, REPLAY_LEADS);
    expect(worst).toBeLessThan(0.01);
  });

  it('Odoo: exactly one team domain holds for every lead, and members are picked in proportion to their quotas', () => {
    const xml = exportRules(config, 'odoo', {}).files.find((f) => f.path.endsWith('.xml'))!.content;
    const teams = [...xml.matchAll(/<record id="([^"]+)" model="crm\.team">\s*<field name="name">([^<]*)<\/field>[\s\S]*?<field name="assignment_domain">([^<]*)<\/field>/g)].map(([, id, name, domain]) => ({
      id: id!, rule: ruleOf(xmlUnescape(name!)), test: compileDomain(xmlUnescape(domain!)),
      members: [...xml.matchAll(new RegExp(`ref="${id}"/>\\s*<field name="user_id" search="([^"]*)"/>\\s*<field name="assignment_max">(\\d+)<`, 'g'))].map(([, search, quota]) => ({ login: JSON.parse(/, (".*")\)\]$/.exec(xmlUnescape(search!))![1]!) as string, quota: Number(quota) })),
    }));
    expect(teams).toHaveLength(config.rules.length + 1);
    const random = seededRandom(7);
    const shares: Shares = new Map();
    for (const lead of leads) {
      const matching = teams.filter((t) => t.test(lead));
      expect(matching, String(lead['lead_id'])).toHaveLength(1);
      const team = matching[0]!;
      tally(shares, team.rule, weightedPick(team.members.map((m) => m.login), team.members.map((m) => m.quota), random));
    }
    expectSharesWithin(shares, expected, REPLAY_LEADS);
  });

  it('the reference router module decides every lead as src/route does, and gives the config its shares', async () => {
    const files = exportRules(config, 'reference-router', {}).files;
    const folder = mkdtempSync(path.join(tmpdir(), 'allot-router-'));
    for (const f of files) writeFileSync(path.join(folder, f.path), f.content);
    const shipped = await import(pathToFileURL(path.join(folder, 'allot-router.mjs')).href);
    // Weekly caps would push leads to the fallback in a 10,000-lead burst; shares are about the rules.
    const uncapped = { ...config, reps: config.reps.map((r) => ({ ...r, capacityPerWeek: 1e9 })) };
    const theirs = shipped.createRouterState(uncapped);
    const ours = createRouterState(uncapped);
    const shares: Shares = new Map();
    for (const lead of leads) {
      const decision = shipped.route(uncapped, lead, theirs).decision;
      expect(decision).toEqual(route(uncapped, lead, ours).decision);
      tally(shares, decision.ruleId, decision.crmUser);
    }
    expectSharesWithin(shares, expected, REPLAY_LEADS);
  });
});

/**
 * Frappe's Round Robin gives the next user after `last_user` in the table; Load Balancing the one
 * with the fewest open assignments (none close here, so it rotates too); Weighted Distribution is
 * replayed as a smooth weighted rotation over its whole-percent weights.
 */
function pickFrappeUser(rule: { doc: FrappeAssignmentRule; last: number; current: Map<string, number> }): string {
  const { doc } = rule;
  if (doc.rule === 'Weighted Distribution') {
    const users = doc.weighted_users!;
    const total = users.reduce((s, u) => s + u.weight, 0);
    let best = users[0]!;
    for (const u of users) {
      rule.current.set(u.user, (rule.current.get(u.user) ?? 0) + u.weight);
      if (rule.current.get(u.user)! > rule.current.get(best.user)!) best = u;
    }
    rule.current.set(best.user, rule.current.get(best.user)! - total);
    return best.user;
  }
  const users = doc.users!;
  rule.last = (rule.last + 1) % users.length;
  return users[rule.last]!.user;
}
