import { beforeAll, describe, expect, it } from 'vitest';
import { ASSIGNMENT_RULES_PATH, exportSalesforce, replaySalesforce, salesforceSlotTable } from '../../src/export/salesforce';
import type { RuleConfig, RuleConfigInput } from '../../src/model/rules';
import { parseRuleConfig } from '../../src/model/rules';
import { compileCondition, type Lead } from '../../src/route';
import { configShares, expectSharesWithin, generatedLeads, REPLAY_LEADS, sampleRules, tally, type Shares } from './replay/shares';
import { firstMatch, parseAssignmentRules, salesforceRecord, type ReplayEntry } from './support/salesforce-replay';

let config: RuleConfig;
let leads: Lead[];
let entries: ReplayEntry[];
beforeAll(() => {
  config = sampleRules();
  leads = generatedLeads();
  entries = parseAssignmentRules(exportSalesforce(config, {}).files.find((f) => f.path === ASSIGNMENT_RULES_PATH)!.content).entries;
});

/** Runs leads through the parsed entries over one AutoNumber sequence starting at `first`. */
function replay(stream: readonly Lead[], first = 0): { shares: Shares; decided: ReplayEntry[] } {
  const shares: Shares = new Map();
  const decided = stream.map((lead, i) => {
    const entry = firstMatch(entries, salesforceRecord(lead, first + i));
    if (entry === null) throw new Error(`lead ${String(lead['lead_id'])} matched no entry`);
    tally(shares, entry.rule, entry.assignedTo);
    return entry;
  });
  return { shares, decided };
}

const usersById = () => new Map(config.reps.map((r) => [r.id, r.crmUser]));

describe('Salesforce as it really runs: the exported entries over one global AutoNumber', () => {
  it('10,000 generated leads give every (rule, rep) its share of the config within 1 percentage point', () => {
    const { shares } = replay(leads);
    const worst = expectSharesWithin(shares, configShares(config, leads), REPLAY_LEADS);
    expect(worst).toBeLessThan(0.01);
  });

  it('inside each rule, the reps share its leads as the weights say, within the noise a global counter leaves', () => {
    const { decided } = replay(leads);
    const tests = config.rules.map((r) => compileCondition(r.when));
    const perRule = new Map<string, Map<string, number>>();
    leads.forEach((lead, i) => {
      const index = tests.findIndex((t) => t(lead));
      const rule = index < 0 ? 'fallback' : config.rules[index]!.id;
      expect(decided[i]!.rule, `lead ${i}`).toBe(rule);
      const counts = perRule.get(rule) ?? new Map<string, number>();
      counts.set(decided[i]!.assignedTo, (counts.get(decided[i]!.assignedTo) ?? 0) + 1);
      perRule.set(rule, counts);
    });
    const users = usersById();
    for (const [index, slots] of [...salesforceSlotTable(config).rules, salesforceSlotTable(config).fallback].entries()) {
      const counts = perRule.get(slots.id);
      if (counts === undefined) continue;
      const n = [...counts.values()].reduce((s, c) => s + c, 0);
      for (const range of slots.ranges) {
        const share = (range.to - range.from) / 100;
        const got = (counts.get(users.get(range.rep)!) ?? 0) / n;
        // The slots a rule's leads land on are the global sequence thinned by the other rules: a
        // binomial draw, so the bound is 4 standard errors of n leads, not a fixed point.
        const bound = 4 * Math.sqrt((share * (1 - share)) / n) + 1e-9;
        expect(Math.abs(got - share), `${slots.id} (${index}) ${range.rep}: ${got} of ${n} vs ${share}`).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('each rule on its own: 10,000 leads it matches split within 1 point of its weights, whatever the counter starts at', () => {
    const tests = config.rules.map((r) => compileCondition(r.when));
    const users = usersById();
    const table = salesforceSlotTable(config);
    config.rules.forEach((rule, index) => {
      const matching = leads.filter((lead) => tests.findIndex((t) => t(lead)) === index);
      expect(matching.length, rule.id).toBeGreaterThan(0);
      const stream = Array.from({ length: REPLAY_LEADS }, (_, i) => matching[i % matching.length]!);
      const { shares } = replay(stream, 7_919 * (index + 1));
      const members = rule.assign.pool;
      for (const member of members) {
        const weight = rule.assign.method === 'weighted_round_robin' ? member.weight! : 1 / members.length;
        const got = (shares.get(`${rule.id}|${users.get(member.rep)}`) ?? 0) / REPLAY_LEADS;
        expect(Math.abs(got - weight) * 100, `${rule.id} ${member.rep}`).toBeLessThanOrEqual(1);
      }
      expect(table.rules[index]!.ranges.length).toBe(members.length);
    });
  });

  it('the XML and salesforceSlotTable/replaySalesforce (what the simulator runs) decide every lead alike', () => {
    const { decided } = replay(leads);
    const table = salesforceSlotTable(config);
    const tests = config.rules.map((r) => compileCondition(r.when));
    const users = usersById();
    leads.forEach((lead, i) => {
      const index = tests.findIndex((t) => t(lead));
      const rep = replaySalesforce(table, index < 0 ? config.rules.length : index, i % table.slots);
      expect(users.get(rep!), `lead ${i}`).toBe(decided[i]!.assignedTo);
    });
  });

  it('a lead whose rule has an "any" group is matched through the booleanFilter, and other leads fall through', () => {
    const input: RuleConfigInput = {
      schema: 'allot.rules/v1', name: 'any groups',
      reps: [rep('a'), rep('b'), rep('c')],
      rules: [{
        id: 'east-or-big',
        when: { all: [{ field: 'product', op: 'neq', value: 'Free' }, { any: [{ field: 'region', op: 'eq', value: 'East' }, { field: 'value', op: 'between', value: [50_000, 90_000] }] }] },
        assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 0.5 }, { rep: 'b', weight: 0.5 }] },
      }],
      fallback: { method: 'fixed', pool: [{ rep: 'c' }] },
    };
    const parsed = parseRuleConfig(input);
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const own = parseAssignmentRules(exportSalesforce(parsed.config, {}).files.find((f) => f.path === ASSIGNMENT_RULES_PATH)!.content).entries;
    expect(own[0]!.booleanFilter).toBe('1 AND (2 OR (3 AND 4)) AND 5');
    const owner = (lead: Lead, seq: number) => firstMatch(own, salesforceRecord(lead, seq))!.assignedTo;
    expect(owner({ product: 'Pro', region: 'East', value: 10 }, 3)).toBe('a@x.example');
    expect(owner({ product: 'Pro', region: 'West', value: 60_000 }, 70)).toBe('b@x.example');
    expect(owner({ product: 'Pro', region: 'West', value: 95_000 }, 3)).toBe('c@x.example');
    expect(owner({ product: 'Free', region: 'East', value: 60_000 }, 3)).toBe('c@x.example');
  });
});

function rep(id: string) {
  return { id, name: id, crmUser: `${id}@x.example`, capacityPerWeek: 10, active: true };
}
