import type { RuleConfig } from '../model/rules';
import type { CompiledRules } from './compile';
import { createRouterState, type RouterState } from './state';

/**
 * The router state as plain JSON, keyed by rep, rule and field names rather than array slots: a
 * webhook router stores it between leads, and a state saved under one version of the rules still
 * loads under an edited one (reps and rules it does not know start fresh; unknown names are dropped).
 */
export interface RouterStateJson {
  format: 'allot.router-state/v1';
  period: string | number;
  routed: number;
  reps: Record<string, { assignedInPeriod: number; open: number; away: boolean }>;
  /** Per rule id (and `fallback`): the round-robin cursor and, per rep, the smooth-weighted current value. */
  pools: Record<string, { cursor: number; current: Record<string, number> }>;
  /** Per dedupe field: normalised value → the id of the first lead that had it. */
  seen: Record<string, Record<string, string>>;
}

export function routerStateToJson(state: RouterState): RouterStateJson {
  const { rules } = state;
  // Built with Object.fromEntries: ids and field names are data, and `obj[id] = …` with the id
  // `__proto__` would set the object's prototype instead of writing an entry.
  const reps = Object.fromEntries(rules.repIds.map((id, r) => [id, { assignedInPeriod: state.assignedInPeriod[r]!, open: state.open[r]!, away: state.away[r] === 1 }]));
  const pools = Object.fromEntries([...rules.rules, rules.fallback].map((pool) => {
    const current = Object.fromEntries(Array.from(pool.reps, (rep, i) => [rules.repIds[rep]!, state.current[pool.entryOffset + i]!]));
    return [pool.id, { cursor: state.cursor[pool.slot]!, current }];
  }));
  const seen = Object.fromEntries(rules.dedupeOn.map((field, f) => [field, Object.fromEntries(state.seen[f]!)]));
  return { format: 'allot.router-state/v1', period: state.period, routed: state.routed, reps, pools, seen };
}

/** A saved entry by name; only the document's own keys count, so a rep called `constructor` is not Object's. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function routerStateFromJson(rules: RuleConfig | CompiledRules, json: RouterStateJson): RouterState {
  if (json?.format !== 'allot.router-state/v1') throw new Error('not an allot.router-state/v1 document');
  const state = createRouterState(rules, { period: json.period });
  const compiled = state.rules;
  state.routed = json.routed;
  compiled.repIds.forEach((id, r) => {
    const saved = own(json.reps, id);
    if (!saved) return;
    state.assignedInPeriod[r] = saved.assignedInPeriod;
    state.open[r] = saved.open;
    state.away[r] = saved.away ? 1 : 0;
  });
  for (const pool of [...compiled.rules, compiled.fallback]) {
    const saved = own(json.pools, pool.id);
    if (!saved) continue;
    state.cursor[pool.slot] = pool.reps.length > 0 ? saved.cursor % pool.reps.length : 0;
    pool.reps.forEach((rep, i) => (state.current[pool.entryOffset + i] = own(saved.current, compiled.repIds[rep]!) ?? 0));
  }
  compiled.dedupeOn.forEach((field, f) => Object.entries(own(json.seen, field) ?? {}).forEach(([value, leadId]) => state.seen[f]!.set(value, leadId)));
  return state;
}
