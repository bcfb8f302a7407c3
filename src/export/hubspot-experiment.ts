import type { Experiment, RuleConfig } from '../model/rules';
import { ExportError, type Limitation } from './target';
import { wholeShares } from './whole-shares';

type Action = Record<string, unknown> & { actionId: string };

/**
 * An experiment in a HubSpot flow: the first action is a split branch (AB_TEST_BRANCH, whole
 * percents) sending each contact to the candidate's rule branch or to the control's. HubSpot picks
 * the branch at random, so a lead or slot split becomes a random split of the same share: the same
 * design (each lead randomised on its own) but not the same leads, so the readout needs the branch
 * each contact took. A week split sends whole weeks to one policy, which a per-contact random
 * branch cannot do: refused. A keepCurrent control is a branch with no action: its contacts leave
 * the flow unowned, for the current process.
 */
export function experimentSplit(
  config: RuleConfig, experiment: Experiment, actions: Action[], newId: () => string,
  ruleBranch: (view: RuleConfig, id: string, path: string) => void,
): Limitation[] {
  if (experiment.unit === 'week')
    throw new ExportError('a HubSpot split branch sends each contact down a branch at random and cannot send whole weeks to one policy; switch the workflows by hand each week (the build sheet lists the weeks), or route through the reference router', 'experiment.unit', 'hubspot_experiment_week', {});
  const [candidatePercent, controlPercent] = wholeShares([experiment.candidateShare, 1 - experiment.candidateShare], 100) as [number, number];
  if (candidatePercent === 0 || controlPercent === 0)
    throw new ExportError(`HubSpot splits in whole percents, and a candidate share of ${experiment.candidateShare} leaves one branch at 0%; give a share between 0.01 and 0.99`, 'experiment.candidateShare', 'hubspot_experiment_share', { share: experiment.candidateShare });
  const split: Action = { actionId: '1', type: 'AB_TEST_BRANCH', testBranches: [] as unknown[] };
  actions.push(split);
  const candidateId = newId();
  ruleBranch(config, candidateId, '');
  const { control } = experiment;
  let controlBranch: Record<string, unknown> = { percentage: controlPercent };
  if ('rules' in control) {
    const controlId = newId();
    ruleBranch({ ...config, rules: control.rules, fallback: control.fallback }, controlId, 'experiment.control.');
    controlBranch = { percentage: controlPercent, connection: { edgeType: 'STANDARD', nextActionId: controlId } };
  }
  split.testBranches = [{ percentage: candidatePercent, connection: { edgeType: 'STANDARD', nextActionId: candidateId } }, controlBranch];

  const percent = `${candidatePercent}%`;
  const out: Limitation[] = [{
    at: 'experiment', code: 'hubspot_experiment_split', params: { unit: experiment.unit, percent },
    what: `the experiment's split by ${experiment.unit}`,
    approximation: `a random split branch: ${percent} of contacts to the candidate's rules, the rest to the control's. Over many contacts the shares hold, but the arm cannot be recomputed from the lead (no hash, no slot): give the readout the branch each contact took (the workflow's action log, or a "Set property value" action you add on each branch) as its arm column`,
  }];
  if ('keepCurrent' in control)
    out.push({
      at: 'experiment.control', code: 'hubspot_keep_current', params: { control: control.name },
      what: `the control "${control.name}" is the current process`,
      approximation: 'its split branch has no action: those contacts leave this workflow unowned for your current process to place; make sure that process does not also take the candidate\'s contacts first',
    });
  return out;
}
