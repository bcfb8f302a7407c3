import type { RuleConfig } from '../model/rules';
import type { CompiledPool, CompiledRules } from './compile';
import { createRouterState, refreshAll, type RouterState } from './state';

/**
 * The router state as plain JSON, keyed by rep, rule and field names rather than array slots: a
 * webhook router stores it between leads, and a state saved under one version of the rules still
 * loads under an edited one (reps and rules it does not know start fresh; unknown names are dropped).
 *
 * v2 (with allot.rules/v2) adds `controlPools`, the control arm's pools of an experiment, kept
 * apart because the two arms' rule ids may coincide. A v1 state still loads (it has no control
 * pools, so the control's rotation starts fresh); states are written as v2.
 */
export const ROUTER_STATE_FORMAT = 'allot.router-state/v2';
const READABLE_FORMATS = ['allot.router-state/v1', ROUTER_STATE_FORMAT];

type PoolsJson = Record<string, { cursor: number; current: Record<string, number> }>;

export interface RouterStateJson {
  format: 'allot.router-state/v1' | typeof ROUTER_STATE_FORMAT;
  period: string | number;
  routed: number;
  reps: Record<string, { assignedInPeriod: number; open: number; away: boolean }>;
  /** Per rule id (and `fallback`): the round-robin cursor and, per rep, the smooth-weighted current value. */
  pools: PoolsJson;
  /** An experiment's control arm, keyed like `pools`; absent without a control policy. */
  controlPools?: PoolsJson;
  /** Per dedupe field: normalised value → the id of the first lead that had it. */
  seen: Record<string, Record<string, string>>;
}

export function routerStateToJson(state: RouterState): RouterStateJson {
  const { rules } = state;
  // Built with Object.fromEntries: ids and field names are data, and `obj[id] = …` with the id
  // `__proto__` would set the object's prototype instead of writing an entry.
  const reps = Object.fromEntries(rules.repIds.map((id, r) => [id, { assignedInPeriod: state.assignedInPeriod[r]!, open: state.open[r]!, away: state.away[r] === 1 }]));
  const poolsJson = (pools: readonly CompiledPool[]): PoolsJson => Object.fromEntries(pools.map((pool) => {
    const current = Object.fromEntries(Array.from(pool.reps, (rep, i) => [rules.repIds[rep]!, state.current[pool.entryOffset + i]!]));
    return [pool.id, { cursor: state.cursor[pool.slot]!, current }];
  }));
  const pools = poolsJson([...rules.rules, rules.fallback]);
  const control = rules.split?.control;
  const seen = Object.fromEntries(rules.dedupeOn.map((field, f) => [field, Object.fromEntries(state.seen[f]!)]));
  return {
    format: ROUTER_STATE_FORMAT, period: state.period, routed: state.routed, reps, pools,
    ...(control ? { controlPools: poolsJson([...control.rules, control.fallback]) } : {}),
    seen,
  };
}

/** A saved entry by name; only the document's own keys count, so a rep called `constructor` is not Object's. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function routerStateFromJson(rules: RuleConfig | CompiledRules, json: RouterStateJson): RouterState {
  if (!READABLE_FORMATS.includes(json?.format)) throw new Error(`not a router state (format ${READABLE_FORMATS.join(' or ')})`);
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
  const restore = (pools: readonly CompiledPool[], saved: PoolsJson | undefined) => {
    for (const pool of pools) {
      const entry = own(saved, pool.id);
      if (!entry) continue;
      state.cursor[pool.slot] = pool.reps.length > 0 ? entry.cursor % pool.reps.length : 0;
      pool.reps.forEach((rep, i) => (state.current[pool.entryOffset + i] = own(entry.current, compiled.repIds[rep]!) ?? 0));
    }
  };
  restore([...compiled.rules, compiled.fallback], json.pools);
  const control = compiled.split?.control;
  if (control) restore([...control.rules, control.fallback], json.controlPools);
  compiled.dedupeOn.forEach((field, f) => Object.entries(own(json.seen, field) ?? {}).forEach(([value, leadId]) => state.seen[f]!.set(value, leadId)));
  return refreshAll(state);
}
