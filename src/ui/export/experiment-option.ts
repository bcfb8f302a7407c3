import { html, nothing, type TemplateResult } from 'lit';
import { withExperiment, type SplitSpec } from '../../experiment/experiment-rules';
import type { RuleConfig } from '../../model/rules';
import type { PolicyName, RulePolicy, Scenario } from '../../model/scenario';
import type { I18n } from '../i18n';
import { exportProblems, readDesign, type ExperimentSettings } from '../state/experiment-settings';

/** The experiment to export, read from the app's one ExperimentSettings; null while its fields do not fit. */
export interface ExperimentPlan {
  control: PolicyName;
  candidate: RulePolicy;
  split: SplitSpec;
}

export function experimentPlan(settings: ExperimentSettings, scenario: Scenario): ExperimentPlan | null {
  const read = readDesign(settings, scenario);
  if (!read.ok || exportProblems(settings).length) return null;
  const { control, candidate, unit, share } = read.design;
  const split: SplitSpec =
    unit === 'lead' ? { unit, candidateShare: share, salt: settings.salt.trim() } : unit === 'week' ? { unit, candidateShare: share, weekStart: settings.weekStart.trim() } : { unit, candidateShare: share };
  return { control, candidate, split };
}

/** The control as the rule file carries it: today's practice (as_is) is the CRM's current process, kept. */
export function controlRule(control: PolicyName): RulePolicy | 'keepCurrent' {
  return control === 'as_is' ? 'keepCurrent' : control;
}

/**
 * The candidate's rules with the split and the control's rules (`withExperiment`), or why not:
 * the builder names the JSON path of a split that does not fit, or a rep the two list differently.
 */
export function experimentConfig(candidate: RuleConfig, control: RuleConfig | 'keepCurrent', split: SplitSpec): { ok: true; config: RuleConfig } | { ok: false; message: string } {
  try {
    return { ok: true, config: withExperiment(candidate, control, split) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The Export step's experiment option: off by default; on, the split's settings as the design set
 * them (changed there, so the two steps never disagree). `onToggle` turns it on or off; `onEdit`
 * opens the design.
 */
export function experimentOption(i18n: I18n, settings: ExperimentSettings, scenario: Scenario, handlers: { onToggle: (on: boolean) => void; onEdit: () => void }): TemplateResult {
  const { t, fmt } = i18n;
  const x = t.design.exportStep;
  const on = settings.exportSplit;
  const plan = on ? experimentPlan(settings, scenario) : null;
  const names = t.policies.policyNames as Record<string, string>;
  return html`<section class="experiment" data-testid="export-experiment">
    <label class="toggle">
      <input type="checkbox" data-control="experiment" .checked=${on} @change=${(e: Event) => handlers.onToggle((e.target as HTMLInputElement).checked)} />
      <span>${x.toggle}</span>
    </label>
    <p class="help">${x.help}</p>
    ${on
      ? plan
        ? html`<ul class="split" data-testid="export-split" data-unit=${plan.split.unit} data-share=${plan.split.candidateShare}>
            <li data-field="control">${x.control(names[plan.control] ?? plan.control)}</li>
            <li data-field="unit">${x.unit(t.design.units[plan.split.unit])}</li>
            <li data-field="share">${x.share(fmt.percent(plan.split.candidateShare))}</li>
            ${plan.split.salt !== undefined ? html`<li data-field="salt">${x.salt(plan.split.salt)}</li>` : nothing}
            ${plan.split.weekStart !== undefined ? html`<li data-field="week-start">${x.weekStart(fmt.date(plan.split.weekStart))}</li>` : nothing}
            ${plan.control === 'as_is' ? html`<li class="help" data-field="keep-current">${x.keepCurrent}</li>` : nothing}
          </ul>`
        : html`<p class="invalid" data-testid="export-split-invalid">${x.notReady}</p>`
      : nothing}
    ${on ? html`<button type="button" class="link" data-action="edit-experiment" @click=${handlers.onEdit}>${x.editInRollout}</button>` : nothing}
  </section>`;
}
