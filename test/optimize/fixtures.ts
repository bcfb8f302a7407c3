import type { AssignmentProblem, RepInput, SegmentInput } from '../../src/optimize/problem';

/** A small problem from readable tables: p[s][r], eligible everywhere unless `eligible` says otherwise. */
export function problemOf(segments: SegmentInput[], reps: RepInput[], p: number[][], extra: Partial<AssignmentProblem> = {}): AssignmentProblem {
  return {
    segments,
    reps,
    conversion: (s, r) => p[s]![r]!,
    eligible: () => true,
    objective: 'conversions',
    constraints: { capacity: true, maxMinWeight: 0 },
    ...extra,
  };
}

export const seg = (key: string, demandPerWeek: number, valuePerWon = 1): SegmentInput => ({ key, demandPerWeek, valuePerWon });
export const rep = (id: string, capacityPerWeek: number, tier = 'senior', active = true): RepInput => ({ id, capacityPerWeek, tier, active });
