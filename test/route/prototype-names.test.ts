import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportRules } from '../../src/export';
import { createRouterState, route, routerStateFromJson, routerStateToJson, type Decision, type RouterStateJson } from '../../src/route';
import { NAMES, PROTOTYPE_EXPECTED, PROTOTYPE_LEADS, PROTOTYPE_RULES, summary } from './prototype-fixtures';

describe('reps, rules, fields and values named like Object.prototype members', () => {
  it('route decides every lead by the rules, and names the right rep and CRM user', () => {
    const state = createRouterState(PROTOTYPE_RULES);
    const decisions = PROTOTYPE_LEADS.map((lead) => route(PROTOTYPE_RULES, lead, state).decision);
    expect(decisions.map(summary)).toEqual(PROTOTYPE_EXPECTED);
    expect(decisions[0]).toMatchObject({ kind: 'assigned', rep: '__proto__', crmUser: '__proto__@example.com' });
  });

  it('the saved state keeps each name as an entry, and routes on exactly as if never saved', () => {
    const straight = createRouterState(PROTOTYPE_RULES);
    const expected = PROTOTYPE_LEADS.map((lead) => route(PROTOTYPE_RULES, lead, straight).decision);
    let state = createRouterState(PROTOTYPE_RULES);
    const resumed = PROTOTYPE_LEADS.map((lead) => {
      state = routerStateFromJson(PROTOTYPE_RULES, JSON.parse(JSON.stringify(routerStateToJson(state))));
      return route(PROTOTYPE_RULES, lead, state).decision;
    });
    expect(resumed).toEqual(expected);

    const saved: RouterStateJson = JSON.parse(JSON.stringify(routerStateToJson(state)));
    for (const name of NAMES) {
      expect(Object.hasOwn(saved.reps, name), `reps.${name}`).toBe(true);
      expect(Object.hasOwn(saved.pools, name), `pools.${name}`).toBe(true);
    }
    expect(Object.values(saved.reps).reduce((s, r) => s + r.assignedInPeriod, 0)).toBe(7);
    expect(saved.reps.__proto__).toEqual({ assignedInPeriod: 2, open: 2, away: false });
    expect(Object.keys(new Map(Object.entries(saved.pools)).get('toString')!.current)).toEqual(['toString', 'hasOwnProperty']);
    expect(saved.seen).toEqual(JSON.parse('{ "__proto__": { "dup@x": "L5", "__proto__": "L9" }, "constructor": { "tostring": "L1", "constructor": "L7" } }'));
  });

  it('a state saved under other rules loads with these names starting fresh, not as Object.prototype members', () => {
    const empty: RouterStateJson = JSON.parse('{ "format": "allot.router-state/v1", "period": 0, "routed": 0, "reps": {}, "pools": {}, "seen": {} }');
    const state = routerStateFromJson(PROTOTYPE_RULES, empty);
    expect(Array.from(state.assignedInPeriod)).toEqual([0, 0, 0, 0]);
    expect(Array.from(state.cursor)).toEqual([0, 0, 0, 0, 0]);
    expect(PROTOTYPE_LEADS.map((lead) => summary(route(PROTOTYPE_RULES, lead, state).decision))).toEqual(PROTOTYPE_EXPECTED);
  });

  it('the exported reference router decides the same, and its state format keeps the names', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'allot-router-proto-'));
    for (const f of exportRules(PROTOTYPE_RULES, 'reference-router', {}).files) writeFileSync(path.join(folder, f.path), f.content);
    const shipped = await import(pathToFileURL(path.join(folder, 'allot-router.mjs')).href);
    let state = shipped.createRouterState(PROTOTYPE_RULES);
    const decisions = PROTOTYPE_LEADS.map((lead) => {
      state = shipped.routerStateFromJson(PROTOTYPE_RULES, JSON.parse(JSON.stringify(shipped.routerStateToJson(state))));
      return shipped.route(PROTOTYPE_RULES, lead, state).decision as Decision;
    });
    expect(decisions.map(summary)).toEqual(PROTOTYPE_EXPECTED);
    expect(Object.keys(JSON.parse(JSON.stringify(shipped.routerStateToJson(state))).reps)).toEqual([...NAMES]);
  });
});
