import type { RuleConfig } from '../../model/rules';
import { isCandidateSlot, SLOTS } from '../../route';
import { ExportError, type ExportedFile, type Limitation } from '../target';
import type { CriteriaTree } from './criteria';
import { ARM_SLOT_FIELD, FIELDS_FOLDER, SEQUENCE_FIELD, SLOT_FIELD } from './fields';
import { el, group, metadataDocument } from './xml';

/*
 * A rollout experiment in Salesforce (allot.rules/v2 `experiment`, unit slot). The arm is the
 * lead's slot, as the router and the simulator take it: `Allot_Slot__c` = MOD(AutoNumber, 100),
 * the candidate holding slots 0 … k − 1. The rotation inside each arm cannot use that same slot:
 * a candidate lead always has a slot below k, so ranges over 0 … 99 would give the reps above k
 * nothing (the arm and the rotation would be one number). Each arm therefore rotates on its own
 * counter, a formula of the same AutoNumber s:
 *   candidate (MOD(s,100) < k):  its leads before this one are FLOOR(s/100)·k + MOD(s,100)
 *   control   (MOD(s,100) ≥ k):  FLOOR(s/100)·(100−k) + MOD(s,100) − k
 * and `Allot_Arm_Slot__c` is that count mod 100, which runs through 0 … 99 one step per lead of
 * the arm, as a per-arm AutoNumber would. Each pool's ranges then split on it as before.
 */
export { ARM_SLOT_FIELD };

/** The candidate's slots of 100 (validated to be a whole number of slots). */
export function candidateSlots(config: RuleConfig): number {
  return Math.round(config.experiment!.candidateShare * SLOTS);
}

/**
 * Refuses the unit a Salesforce formula cannot carry: a lead-level split hashes the lead id, and
 * formulas have no hash function. Slot and week splits are exported (week: ./week-arm.ts).
 */
export function requireFormulaUnit(config: RuleConfig): void {
  const unit = config.experiment!.unit;
  if (unit !== 'lead') return;
  throw new ExportError('a lead-level split hashes the lead id, and Salesforce formulas have no hash function; export the experiment with unit "slot" (Salesforce\'s AutoNumber mod 100) or "week", or use the reference router for unit "lead"', 'experiment.unit', 'salesforce_experiment_unit', { unit });
}

/** `MOD(VALUE(Allot_Seq__c), 100) < k` for the candidate, `≥ k` for the control. */
export function armCriterion(arm: 'candidate' | 'control', k: number): CriteriaTree {
  return { kind: 'item', item: { field: `Lead.${SLOT_FIELD}`, operation: arm === 'candidate' ? 'lessThan' : 'greaterOrEqual', value: String(k) } };
}

export function armSlotFormula(k: number): string {
  const s = `VALUE(${SEQUENCE_FIELD})`;
  return `IF(MOD(${s}, ${SLOTS}) < ${k}, MOD(FLOOR(${s} / ${SLOTS}) * ${k} + MOD(${s}, ${SLOTS}), ${SLOTS}), MOD(FLOOR(${s} / ${SLOTS}) * ${SLOTS - k} + MOD(${s}, ${SLOTS}) - ${k}, ${SLOTS}))`;
}

/** What the formulas give the lead numbered `sequence`: its arm and its slot inside the arm (the simulator's and the replay tests' view). */
export function salesforceArmSlot(sequence: number, k: number): { arm: 'candidate' | 'control'; slot: number } {
  const hundreds = Math.floor(sequence / SLOTS);
  const slot = sequence % SLOTS;
  return isCandidateSlot(slot, k / SLOTS)
    ? { arm: 'candidate', slot: (hundreds * k + slot) % SLOTS }
    : { arm: 'control', slot: (hundreds * (SLOTS - k) + slot - k) % SLOTS };
}

export function armSlotFieldFile(k: number): ExportedFile {
  const field = group('CustomField', [
    el('fullName', ARM_SLOT_FIELD),
    el('description', `Allot experiment: the lead's slot inside its arm (0 to ${SLOTS - 1}); ${SLOT_FIELD} below ${k} is the candidate's arm. Each arm's rotation counts its own leads.`),
    el('externalId', false),
    el('formula', armSlotFormula(k)),
    el('formulaTreatBlanksAs', 'BlankAsZero'),
    el('inlineHelpText', 'Used by the lead assignment rule of an Allot experiment; do not edit.'),
    el('label', 'Allot Arm Slot'),
    el('precision', 18),
    el('scale', 0),
    el('trackHistory', false),
    el('type', 'Number'),
  ]);
  return { path: `${FIELDS_FOLDER}/${ARM_SLOT_FIELD}.field-meta.xml`, content: metadataDocument(field), mediaType: 'application/xml' };
}

/** The split itself, stated; and for a keepCurrent control, what the admin must add after these entries. */
export function experimentLimitations(config: RuleConfig, k: number): Limitation[] {
  const experiment = config.experiment!;
  const out: Limitation[] = [{
    at: 'experiment', code: 'salesforce_experiment_slots', params: { slotField: SLOT_FIELD, armSlotField: ARM_SLOT_FIELD, slots: k },
    what: 'the experiment\'s split by slot',
    approximation: `leads with ${SLOT_FIELD} below ${k} are the candidate's (exactly ${k} of every 100 consecutive leads), the others the control's; inside each arm the pools rotate on ${ARM_SLOT_FIELD}, the arm's own count of leads mod 100, so the split does not bend the weights`,
  }];
  if ('keepCurrent' in experiment.control)
    out.push({
      at: 'experiment.control', code: 'salesforce_keep_current', params: { slotField: SLOT_FIELD, slots: k, control: experiment.control.name },
      what: `the control "${experiment.control.name}" is the current process`,
      approximation: `these entries take only the candidate's leads (${SLOT_FIELD} below ${k}); Salesforce runs one active assignment rule, so append your current rule's entries after them (they will see only control leads), or control leads stay with their default owner`,
    });
  return out;
}
