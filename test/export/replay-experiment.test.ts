import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportRules } from '../../src/export';
import type { RuleConfig } from '../../src/model/rules';
import { createRouterState, isCandidateLead, route, type Lead } from '../../src/route';
import { sampleExperiment } from './replay/experiment-fixture';
import { configShares, expectSharesWithin, generatedLeads, REPLAY_LEADS, seededRandom, tally, weightedPick, type Shares } from './replay/shares';

/*
 * An experiment's exported artifacts, replayed over 10,000 generated leads: each arm gets its
 * share of the leads, and inside each arm every (rule, rep) gets what that arm's rules give it.
 */
let leads: Lead[];
beforeAll(() => {
  leads = generatedLeads();
});

const uncapped = (config: RuleConfig): RuleConfig => ({ ...config, reps: config.reps.map((r) => ({ ...r, capacityPerWeek: 1e9 })) });
const armView = (config: RuleConfig, arm: string): RuleConfig => {
  const control = config.experiment!.control;
  return arm === 'candidate' || !('rules' in control) ? config : { ...config, rules: control.rules, fallback: control.fallback };
};

async function shippedRouter(config: RuleConfig) {
  const files = exportRules(config, 'reference-router', {}).files;
  const folder = mkdtempSync(path.join(tmpdir(), 'allot-router-'));
  for (const f of files) writeFileSync(path.join(folder, f.path), f.content);
  const module = await import(pathToFileURL(path.join(folder, 'allot-router.mjs')).href);
  // The rules as the webhook reads them: the exported rules.json, not our object.
  const rules = JSON.parse(readFileSync(path.join(folder, 'rules.json'), 'utf8')) as RuleConfig;
  return { module, rules };
}

describe('the reference router module, with an experiment split by lead-id hash', () => {
  it('gives the candidate 40% of 10,000 leads (within 1.5 points, the hash\'s binomial noise is 0.5), each lead the arm the shared hash (isCandidateLead) gives it, and inside each arm the rules their shares within 1 point', async () => {
    // Weekly caps would push leads to the fallback in a 10,000-lead burst; shares are about the rules.
    const config = uncapped(sampleExperiment({ unit: 'lead', candidateShare: 0.4, salt: 'allot-replay' }));
    const { module, rules } = await shippedRouter(config);
    const theirs = module.createRouterState(rules);
    const ours = createRouterState(config);
    const byArm: Record<string, { leads: Lead[]; shares: Shares }> = { candidate: { leads: [], shares: new Map() }, control: { leads: [], shares: new Map() } };
    for (const lead of leads) {
      const decision = module.route(rules, lead, theirs).decision;
      expect(decision).toEqual(route(config, lead, ours).decision);
      expect(decision.arm).toBe(isCandidateLead(String(lead['lead_id']), 0.4, 'allot-replay') ? 'candidate' : 'control');
      byArm[decision.arm]!.leads.push(lead);
      tally(byArm[decision.arm]!.shares, decision.ruleId, decision.crmUser);
    }
    const share = byArm.candidate!.leads.length / REPLAY_LEADS;
    expect(Math.abs(share - 0.4)).toBeLessThan(0.015);
    for (const arm of ['candidate', 'control'] as const) {
      const worst = expectSharesWithin(byArm[arm]!.shares, configShares(armView(config, arm), byArm[arm]!.leads), byArm[arm]!.leads.length);
      expect(worst).toBeLessThan(0.01);
    }
  });

  it('a keepCurrent control: its leads come back left_to_current, assigned to nobody, and the state round-trips through JSON', async () => {
    const config = uncapped(sampleExperiment({ unit: 'slot', candidateShare: 0.3 }, 'keepCurrent'));
    const { module, rules } = await shippedRouter(config);
    let state = module.createRouterState(rules);
    const kinds = leads.slice(0, 1_000).map((lead, i) => {
      if (i % 50 === 0) state = module.routerStateFromJson(rules, JSON.parse(JSON.stringify(module.routerStateToJson(state))));
      return module.route(rules, lead, state).decision.kind;
    });
    kinds.forEach((kind, i) => expect(kind, `lead ${i}`).toBe(i % 100 < 30 ? 'assigned' : 'left_to_current'));
  });
});

describe('HubSpot: the split branch', () => {
  type Action = { actionId: string; type: string; testBranches?: Array<{ percentage: number; connection?: { nextActionId: string } }>; listBranches?: Array<{ branchName: string }> };
  const flowOf = (config: RuleConfig) => JSON.parse(exportRules(config, 'hubspot', {}).files.find((f) => f.path === 'hubspot-flow.json')!.content) as { startActionId: string; actions: Action[] };

  it('starts the flow, sends 40% to the candidate\'s rule branch and 60% to the control\'s; walked 10,000 times it gives the candidate 40% within 1.5 points', () => {
    const config = sampleExperiment({ unit: 'lead', candidateShare: 0.4, salt: 's' });
    const flow = flowOf(config);
    const byId = new Map(flow.actions.map((a) => [a.actionId, a]));
    const split = byId.get(flow.startActionId)!;
    expect(split.type).toBe('AB_TEST_BRANCH');
    const [candidate, control] = split.testBranches!;
    expect([candidate!.percentage, control!.percentage]).toEqual([40, 60]);
    const branchNames = (id: string) => byId.get(id)!.listBranches!.map((b) => b.branchName);
    expect(branchNames(candidate!.connection!.nextActionId)).toEqual(config.rules.map((r) => r.id));
    const controlRules = armView(config, 'control').rules;
    expect(branchNames(control!.connection!.nextActionId)).toEqual(controlRules.map((r) => r.id));
    const random = seededRandom(11);
    let toCandidate = 0;
    for (let i = 0; i < REPLAY_LEADS; i++) if (weightedPick(['candidate', 'control'], split.testBranches!.map((b) => b.percentage), random) === 'candidate') toCandidate++;
    expect(Math.abs(toCandidate / REPLAY_LEADS - 0.4)).toBeLessThan(0.015);
  });

  it('a keepCurrent control is a branch with no action: its contacts leave the flow for the current process', () => {
    const flow = flowOf(sampleExperiment({ unit: 'slot', candidateShare: 0.25 }, 'keepCurrent'));
    const split = flow.actions.find((a) => a.actionId === flow.startActionId)!;
    expect(split.testBranches!.map((b) => [b.percentage, b.connection === undefined])).toEqual([[25, false], [75, true]]);
  });
});
