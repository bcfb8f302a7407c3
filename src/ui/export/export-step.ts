import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { EXPORT_OPTION_NAMES, EXPORT_TARGETS, optionsFor, type ExportOptionName, type ExportTargetName, type Limitation } from '../../export';
import { jsonFile } from '../../export/limitations-note';
import { RULE_POLICIES, type RulePolicy } from '../../model/scenario';
import { isPlanFlag } from '../../optimize/plan-flags';
import type { PolicyResult } from '../../optimize/policies';
import { downloadBlob, downloadText } from '../download';
import { NotReadyError } from '../step/latest-run';
import { runErrorAlert } from '../step/run-error';
import { WorkbenchStep } from '../step/workbench-step';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import { exportStyles } from './export-step.styles';
import { bundleName, exportView, rulesFileName, zipFiles, type ExportView } from './export-run';
import './file-preview';
import { optionControls, workbenchOptions, type EnteredOptions } from './option-controls';
import { planWarningStyles, planWarnings } from '../policies/plan-warnings';
import type { RuleConfig } from '../../model/rules';
import type { ExperimentChange, ExperimentSettings } from '../state/experiment-settings';
import { controlRule, experimentConfig, experimentOption, experimentPlan, type ExperimentPlan } from './experiment-option';

/** The optimized policy first: it is what the workbench is for; the baselines follow. */
const POLICIES: readonly RulePolicy[] = ['optimized', ...RULE_POLICIES.filter((p) => p !== 'optimized')];

/**
 * Step 6, 导出: a policy (the optimized one by default) as the files a CRM runs. The policy is
 * built in the engine worker from the current scenario; the exporters are pure and fast, so the
 * preview follows every change of target or option at once. Whatever is shown is what downloads.
 */
@customElement('allot-export-step')
export class ExportStep extends WorkbenchStep {
  /** The app's one experiment (designed in the Rollout step): exported as a split when its switch is on. */
  @property({ attribute: false }) experiment: ExperimentSettings | null = null;
  /** The policy the user picked; an experiment exports its own candidate instead. */
  @state() private chosenPolicy: RulePolicy = 'optimized';
  /** The experiment's control as built (or kept as the CRM's current process); null while it is being built. */
  @state() private control: { name: RulePolicy | 'keepCurrent'; config: RuleConfig | 'keepCurrent' } | null = null;
  @state() private target: ExportTargetName = 'json';
  /** The export options as the user set them; unset ones take their default (the sheet's language: the workbench's). */
  @state() private enteredOptions: EnteredOptions = {};
  @state() private policy: PolicyResult | null = null;
  /** Policies built for the current scenario and data; emptied when either changes. */
  #built = new Map<RulePolicy, PolicyResult>();
  #stale = true;
  #view: { key: unknown[]; view: ExportView } | null = null;

  static override styles = [shared, stepStyles, exportStyles, planWarningStyles];

  protected override willUpdate(changed: PropertyValues<this>) {
    // Another candidate or control, or the switch turned: the policies to build may have changed (built ones are kept).
    if (changed.has('experiment')) this.#stale = true;
  }

  override updated() {
    if (this.active && this.#stale) void this.#refresh();
  }

  /** The experiment to export, when its switch is on and its settings fit. */
  get #plan(): ExperimentPlan | null {
    return this.experiment?.exportSplit ? experimentPlan(this.experiment, this.store.scenario) : null;
  }

  /** The policy whose rules are exported: the experiment's candidate, else the user's pick. */
  get policyName(): RulePolicy {
    return this.#plan?.candidate ?? this.chosenPolicy;
  }

  protected override dataChanged() {
    this.#changed();
  }

  protected override scenarioChanged() {
    this.#changed();
  }

  #changed() {
    this.#built.clear();
    this.#stale = true;
    if (this.active) void this.#refresh();
  }

  async #refresh() {
    this.#stale = false;
    const name = this.policyName;
    const control = this.#plan ? controlRule(this.#plan.control) : null;
    const controlBuilt = control === 'keepCurrent' ? 'keepCurrent' : control ? this.#built.get(control)?.config : undefined;
    this.control = control && controlBuilt ? { name: control, config: controlBuilt } : null;
    const cached = this.#built.get(name);
    if (cached && (!control || controlBuilt)) {
      this.policy = cached;
      return;
    }
    await this.latest.start(
      async (signal) => {
        this.latest.requireData(this.session.current);
        const build = async (policy: RulePolicy) => {
          const built = this.#built.get(policy) ?? (await this.engine.call('policy', { scenario: this.store.scenario, name: policy }, { signal }));
          this.#built.set(policy, built);
          return built;
        };
        const result = await build(name);
        // The control of an experiment is built like any policy; as_is is the CRM's current process, kept.
        const controlConfig = control === 'keepCurrent' ? 'keepCurrent' : control ? (await build(control)).config : null;
        if (this.policyName === name) this.policy = result;
        if (control && controlConfig) this.control = { name: control, config: controlConfig };
      },
      () => {
        // The old policy is another scenario's: do not offer it for download. Not tried again
        // until the data or the scenario changes (#changed) or the user asks: marking it stale
        // here re-ran it on every render, at full CPU, for ever.
        this.policy = null;
      },
    );
  }

  get #options() {
    return workbenchOptions(this.enteredOptions, this.i18n.lang);
  }

  /**
   * The export of the shown policy, redone only when the policy, the target or an option changes;
   * null while an option the target reads does not fit (its field says why), as no file would match it.
   */
  #currentView(config: RuleConfig): ExportView | null {
    const { options, problems } = this.#options;
    if (problems.some((p) => optionsFor(this.target).includes(p.name))) return null;
    const key = [config, this.target, ...EXPORT_OPTION_NAMES.map((name) => options[name])];
    if (!this.#view || key.some((k, i) => k !== this.#view!.key[i])) this.#view = { key, view: exportView(config, this.target, options) };
    return this.#view.view;
  }

  #experiment: { key: unknown[]; result: ReturnType<typeof experimentConfig> } | null = null;

  /**
   * The rules the step exports: the policy's own, or with the experiment's split and control
   * (remade only when one of them changes, so the view's cache holds); null while the control is
   * being built or the experiment's settings do not fit; a message when the builder refuses them.
   */
  #config(policy: PolicyResult): { ok: true; config: RuleConfig } | { ok: false; message: string } | null {
    if (!this.experiment?.exportSplit) return { ok: true, config: policy.config };
    const plan = this.#plan;
    const control = this.control;
    if (!plan || !control || control.name !== controlRule(plan.control)) return null;
    const key = [policy, control.config, JSON.stringify(plan.split)];
    if (!this.#experiment || key.some((k, i) => k !== this.#experiment!.key[i])) this.#experiment = { key, result: experimentConfig(policy.config, control.config, plan.split) };
    return this.#experiment.result;
  }

  override render() {
    const { t } = this.i18n;
    const x = t.export;
    const policy = this.policy?.name === this.policyName ? this.policy : null;
    const built = policy ? this.#config(policy) : null;
    const config = built?.ok ? built.config : null;
    const view = config ? this.#currentView(config) : null;
    const fileStem = this.experiment?.exportSplit ? `${this.policyName}-experiment` : this.policyName;
    return html`
      <div class="head">
        <h1>${x.title}</h1>
        <p class="muted">${x.intro}</p>
      </div>
      <div role="status" aria-live="polite" class="status" data-testid="export-status">${this.#status(policy, view)}</div>
      ${this.latest.error ? runErrorAlert(this.i18n, x.buildFailed, this.latest.error, () => void this.#refresh()) : nothing}
      ${this.#controls(config, fileStem)}
      ${built && !built.ok ? html`<div class="alert" role="alert" data-testid="experiment-refused"><strong>${t.design.exportStep.refused}</strong><p class="mono">${built.message}</p></div>` : nothing}
      ${policy ? this.#planWarnings(policy) : nothing}
      ${view?.kind === 'refused' ? this.#refused(view) : nothing}
      ${view?.kind === 'files' ? this.#files(view.result.files, view.result.limitations, fileStem) : nothing}
    `;
  }

  #status(policy: PolicyResult | null, view: ExportView | null) {
    const { t, fmt } = this.i18n;
    const x = t.export;
    const { busy, notReady } = this.latest;
    if (busy) {
      const control = this.#plan && this.policy?.name === this.policyName && !this.control ? this.#plan.control : null;
      const names = t.policies.policyNames as Record<string, string>;
      return html`<span class="spinner" aria-hidden="true"></span><span>${control ? t.design.exportStep.building(names[control] ?? control) : x.building(x.policies[this.policyName])}</span>`;
    }
    if (notReady === 'data' || !this.session.current) return x.needsData;
    if (notReady === 'roster') return x.needsRoster;
    if (!policy || view?.kind !== 'files') return '';
    return x.ready(x.policies[this.policyName], fmt.number(policy.config.rules.length), fmt.number(view.result.files.length));
  }

  #controls(config: RuleConfig | null, fileStem: string) {
    const { t } = this.i18n;
    const x = t.export;
    return html`<section class="panel controls" aria-label=${x.title}>
      <div class="policy">
        <label for="export-policy">${x.policyLabel}</label>
        <select id="export-policy" data-testid="export-policy" @change=${this.#choosePolicy}>
          ${POLICIES.map((p) => html`<option value=${p} ?selected=${p === this.policyName}>${x.policies[p]}</option>`)}
        </select>
        <p class="help">${x.policyHelp}</p>
        ${this.experiment ? experimentOption(this.i18n, this.experiment, this.store.scenario, { onToggle: (on) => this.#setExperiment({ exportSplit: on }), onEdit: this.#editExperiment }) : nothing}
        <button type="button" data-action="download-rules" ?disabled=${!config} @click=${() => config && downloadText(rulesFileName(fileStem), jsonFile(config))}>
          ${x.downloadRules}
        </button>
      </div>
      <fieldset class="targets">
        <legend>${x.targetLabel}</legend>
        <div class="target-grid">
          ${EXPORT_TARGETS.map(
            (target) => html`<label class="target" data-target=${target}>
              <input type="radio" name="export-target" value=${target} .checked=${target === this.target} @change=${() => (this.target = target)} />
              <span>${x.targets[target]}</span>
            </label>`,
          )}
        </div>
        <p class="help target-help">${x.targetHelp[this.target]}</p>
      </fieldset>
      ${this.#targetOptions()}
    </section>`;
  }

  /** The selected target's options, as their declaration (src/export/options.ts) describes them. */
  #targetOptions() {
    const names = optionsFor(this.target);
    if (names.length === 0) return nothing;
    const x = this.i18n.t.export;
    const controls = optionControls({
      names,
      lang: this.i18n.lang,
      entered: this.enteredOptions,
      problems: this.#options.problems,
      invalidText: x.optionInvalid,
      onChange: this.#setOption,
    });
    return html`<fieldset class="options"><legend>${x.optionsLabel}</legend>${controls}</fieldset>`;
  }

  /**
   * What the optimized plan behind the rules would harm, as the Policies step warns of it: an
   * optimized policy (or Salesforce's rotation of it) carries its plan; a baseline has none.
   */
  #planWarnings(policy: PolicyResult) {
    const warnings = policy.plan?.warnings.filter(isPlanFlag) ?? [];
    return planWarnings(this.i18n, this.i18n.t.export.planWarningsTitle, warnings);
  }

  #refused(view: Extract<ExportView, { kind: 'refused' }>) {
    const x = this.i18n.t.export;
    return html`<div class="alert" role="alert" data-testid="export-refused">
      <strong>${x.refusedTitle(x.targets[this.target])}</strong>
      <p class="mono" data-testid="refused-reason">${this.i18n.exportErrorText(view)}</p>
      <p>${x.refusedHelp}</p>
    </div>`;
  }

  #files(files: Parameters<typeof zipFiles>[0], limitations: Limitation[], fileStem: string) {
    const { t, limitationText } = this.i18n;
    const x = t.export;
    return html`
      <section class="panel" aria-labelledby="limits-title" data-testid="limitations">
        <h2 id="limits-title">${x.limitationsTitle}</h2>
        ${limitations.length
          ? html`<p class="help">${x.limitationsHelp}</p>
              <ul class="limits">
                ${limitations.map((l) => {
                  const text = limitationText(l);
                  return html`<li data-code=${l.code}>
                    <span class="pill">${l.at === null ? x.wholeConfig : x.at(l.at)}</span>
                    <span class="what">${text.what}</span>
                    <span class="instead"><strong>${x.approximation}</strong> ${text.approximation}</span>
                  </li>`;
                })}
              </ul>`
          : html`<p class="muted">${x.noLimitations}</p>`}
      </section>
      <section class="panel files" aria-labelledby="files-title">
        <div class="files-head">
          <h2 id="files-title">${x.filesTitle}</h2>
          <button type="button" class="primary" data-action="download-all" @click=${() => downloadBlob(bundleName(this.target, fileStem), zipFiles(files))}>
            ${x.downloadAll}
          </button>
        </div>
        <allot-file-preview .i18n=${this.i18n} .files=${files}></allot-file-preview>
      </section>
    `;
  }

  #setOption = (name: ExportOptionName, value: string) => {
    this.enteredOptions = { ...this.enteredOptions, [name]: value };
  };

  #choosePolicy = (event: Event) => {
    const name = (event.target as HTMLSelectElement).value as RulePolicy;
    // An experiment's candidate is the design's: changed there, for both steps.
    if (this.#plan) this.#setExperiment({ candidate: name });
    else this.chosenPolicy = name;
    this.#stale = true;
  };

  #setExperiment(change: ExperimentChange) {
    this.dispatchEvent(new CustomEvent<ExperimentChange>('experiment-change', { detail: change, bubbles: true, composed: true }));
  }

  #editExperiment = () => {
    this.dispatchEvent(new CustomEvent('step-request', { detail: 'rollout', bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-export-step': ExportStep;
  }
}
