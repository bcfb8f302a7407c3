import type { PolicyName, Scenario } from '../../model/scenario';

type Constraints = Scenario['constraints'];
type Simulation = Scenario['simulation'];

/** Keys set to undefined are removed: an absent constraint is off (DESIGN §2.3), and the saved file says so by omission. */
function patched<T extends object>(base: T, patch: Partial<T>): T {
  const out: Record<string, unknown> = { ...base, ...patch };
  for (const key of Object.keys(patch)) if (out[key] === undefined) delete out[key];
  return out as T;
}

export function withConstraints(scenario: Scenario, patch: Partial<Constraints>): Scenario {
  return { ...scenario, constraints: patched(scenario.constraints, patch) };
}

export function withSimulation(scenario: Scenario, patch: Partial<Simulation>): Scenario {
  return { ...scenario, simulation: patched(scenario.simulation, patch) };
}

export function withObjective(scenario: Scenario, maximize: Scenario['objective']['maximize']): Scenario {
  return { ...scenario, objective: { maximize } };
}

/** The policies to compare, in the catalogue's order; a baseline no longer compared falls back to the default. */
export function withPolicies(scenario: Scenario, policies: PolicyName[], order: readonly PolicyName[]): Scenario {
  const sorted = order.filter((p) => policies.includes(p));
  const baseline = scenario.simulation.baseline;
  const next = { ...scenario, policies: sorted };
  return baseline && !sorted.includes(baseline) ? withSimulation(next, { baseline: undefined }) : next;
}

export function withAbsent(scenario: Scenario, rep: string, absent: boolean): Scenario {
  const others = scenario.simulation.absent.filter((id) => id !== rep);
  return withSimulation(scenario, { absent: absent ? [...others, rep] : others });
}

/**
 * The fairness slider's positions: 0, then λ doubling from 1/64 (the frontier's own grid), up to
 * 128, far past where the sample's worst-off rep stops gaining.
 */
export const STRENGTH_STEPS = 14;
export function strengthAt(position: number): number {
  return position <= 0 ? 0 : 2 ** (position - 1) / 64;
}
export function positionOf(strength: number): number {
  if (!(strength > 0)) return 0;
  return Math.max(1, Math.min(STRENGTH_STEPS, Math.round(Math.log2(strength * 64)) + 1));
}

export type Pin = Constraints['pins'][number];
export type Exclusion = Constraints['exclusions'][number];
/** Field → value; a field left out matches any value. */
export type SegmentMatch = Pin['segment'];

export function withPins(scenario: Scenario, pins: Pin[]): Scenario {
  return withConstraints(scenario, { pins });
}

export function withExclusions(scenario: Scenario, exclusions: Exclusion[]): Scenario {
  return withConstraints(scenario, { exclusions });
}

/** The match with `field` set to `value`, or left out (any value) when `value` is null. */
export function segmentWith(segment: SegmentMatch, field: string, value: string | null): SegmentMatch {
  const { [field]: _, ...others } = segment;
  return value === null ? others : { ...others, [field]: value };
}
