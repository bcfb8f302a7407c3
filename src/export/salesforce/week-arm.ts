import type { Experiment } from '../../model/rules';
import { candidateWeek } from '../../route';
import { ExportError, type ExportedFile, type Limitation } from '../target';
import type { CriteriaTree } from './criteria';
import { FIELDS_FOLDER, WEEK_ARM_FIELD } from './fields';
import { el, group, metadataDocument } from './xml';

/*
 * A week experiment (switchback) in Salesforce: `Allot_Arm__c`, a text formula on the lead's
 * CreatedDate, says "candidate" or "control" by the week the lead was created in, counted from
 * the experiment's Monday exactly as the router's candidateWeek counts them; each entry requires
 * its arm. Inside a week every lead is in one arm, so the pools rotate on the usual slot.
 * The formula is also what the readout should read (`--arm-column Allot_Arm__c`): it is the arm
 * Salesforce applied, whatever the time zone.
 */

/** The weeks the formula and the router are checked to agree on: ten years either side of week 0. */
const CHECKED_WEEKS = 520;

/** share = p / q in lowest terms (a validated share has at most four decimals). */
function fraction(share: number): [number, number] {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const p = Math.round(share * 10_000);
  const d = gcd(p, 10_000);
  return [p / d, 10_000 / d];
}

/**
 * The router decides weeks with floating-point products, the formula with Salesforce's exact
 * decimals; for most shares they agree everywhere, for some (0.29: 100 × 0.29 is 28.999… in
 * binary) they part on a few weeks. Those shares are refused rather than exported with arms that
 * would disagree with the router and the readout.
 */
export function requireExactWeeks(experiment: Experiment): void {
  const [p, q] = fraction(experiment.candidateShare);
  for (let k = -CHECKED_WEEKS; k <= CHECKED_WEEKS; k++) {
    const exact = Math.floor(((k + 1) * p) / q) > Math.floor((k * p) / q);
    if (exact !== candidateWeek(k, experiment.candidateShare))
      throw new ExportError(`a Salesforce formula computes week ${k}'s arm exactly, and Allot's router in binary floating point: with a share of ${experiment.candidateShare} they disagree on that week; pick a share such as 0.5, 0.25 or 0.3`, 'experiment.candidateShare', 'salesforce_experiment_week_share', { share: experiment.candidateShare, week: k });
  }
}

export function weekArmFormula(experiment: Experiment): string {
  const [p, q] = fraction(experiment.candidateShare);
  const [y, m, d] = experiment.weekStart!.split('-').map(Number);
  const week = `FLOOR((DATEVALUE(CreatedDate) - DATE(${y}, ${m}, ${d})) / 7)`;
  return `IF(FLOOR((${week} + 1) * ${p} / ${q}) > FLOOR(${week} * ${p} / ${q}), "candidate", "control")`;
}

export function weekArmCriterion(arm: 'candidate' | 'control'): CriteriaTree {
  return { kind: 'item', item: { field: `Lead.${WEEK_ARM_FIELD}`, operation: 'equals', value: arm } };
}

export function weekArmFieldFile(experiment: Experiment): ExportedFile {
  const field = group('CustomField', [
    el('fullName', WEEK_ARM_FIELD),
    el('description', `Allot experiment: the lead's arm by the week it was created in (weeks from Monday ${experiment.weekStart}, GMT dates).`),
    el('externalId', false),
    el('formula', weekArmFormula(experiment)),
    // A text formula: a blank stays blank (CreatedDate is never blank on a saved lead anyway).
    el('formulaTreatBlanksAs', 'BlankAsBlank'),
    el('inlineHelpText', 'Used by the lead assignment rule of an Allot experiment, and by its readout; do not edit.'),
    el('label', 'Allot Arm'),
    el('trackHistory', false),
    el('type', 'Text'),
    el('unique', false),
  ]);
  return { path: `${FIELDS_FOLDER}/${WEEK_ARM_FIELD}.field-meta.xml`, content: metadataDocument(field), mediaType: 'application/xml' };
}

export function weekLimitations(experiment: Experiment): Limitation[] {
  const start = experiment.weekStart!;
  const out: Limitation[] = [{
    at: 'experiment', code: 'salesforce_experiment_weeks', params: { armField: WEEK_ARM_FIELD, weekStart: start },
    what: 'the experiment\'s split by week',
    approximation: `${WEEK_ARM_FIELD} names each lead's arm by the week of its CreatedDate from Monday ${start}; Salesforce takes the date in GMT, so weeks turn at 00:00 GMT on Mondays, and leads created between local and GMT midnight fall in the neighbouring week's arm (the router reads created_at as written). Read the rollout out with --arm-column ${WEEK_ARM_FIELD}: it holds the arm Salesforce applied`,
  }];
  if ('keepCurrent' in experiment.control)
    out.push({
      at: 'experiment.control', code: 'salesforce_week_keep_current', params: { armField: WEEK_ARM_FIELD, control: experiment.control.name },
      what: `the control "${experiment.control.name}" is the current process`,
      approximation: `these entries take only the candidate's leads (${WEEK_ARM_FIELD} = candidate); Salesforce runs one active assignment rule, so append your current rule's entries after them (they will see only control leads), or control leads stay with their default owner`,
    });
  return out;
}
