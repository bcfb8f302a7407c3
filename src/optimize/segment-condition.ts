/**
 * The condition that selects one segment's leads, shared by the optimized rules and the baselines
 * so that every policy speaks of a segment in the same words.
 */
import { BLANK, valueBandLabels } from '../data/estimation-inputs';
import type { Condition } from '../model/rules';
import type { SegmentEstimate } from '../model/estimates';

/** Each segment field equals its value (the blank segment: the field is empty), and the lead's value band. */
export function segmentCondition(segment: Pick<SegmentEstimate, 'fields' | 'valueBand'>, valueBands: readonly number[]): Condition {
  const parts: Condition[] = Object.entries(segment.fields).map(([field, value]) => fieldIs(field, value));
  if (segment.valueBand !== null) {
    const i = valueBandLabels([...valueBands]).indexOf(segment.valueBand);
    if (i < 0) parts.push({ field: 'value', op: 'empty' });
    else {
      if (i > 0) parts.push({ field: 'value', op: 'gte', value: valueBands[i - 1]! });
      if (i < valueBands.length) parts.push({ field: 'value', op: 'lt', value: valueBands[i]! });
    }
  }
  return parts.length === 1 ? parts[0]! : { all: parts };
}

/** `field = value`, where the estimates' blank label stands for an empty field. */
export function fieldIs(field: string, value: string): Condition {
  return value === BLANK ? { field, op: 'empty' } : { field, op: 'eq', value };
}
