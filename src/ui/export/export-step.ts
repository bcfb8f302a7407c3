import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { EXPORT_TARGETS, type ExportOptions, type ExportTargetName, type Limitation } from '../../export';
import { jsonFile } from '../../export/limitations-note';
import { BUILDABLE_POLICIES, type BuildablePolicy, type PolicyResult } from '../../optimize/policies';
import { downloadBlob, downloadText } from '../download';
import { NotReadyError } from '../state/current-estimates';
import { WorkbenchStep } from '../step/workbench-step';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import { exportStyles } from './export-step.styles';
import { bundleName, exportView, rulesFileName, zipFiles, type ExportView } from './export-run';
import './file-preview';

/** The optimized policy first: it is what the workbench is for; the baselines follow. */
const POLICIES: readonly BuildablePolicy[] = ['optimized', ...BUILDABLE_POLICIES.filter((p) => p !== 'optimized')];

/**
 * Step 6, 导出: a policy (the optimized one by default) as the files a CRM runs. The policy is
 * built in the engine worker from the current scenario; the exporters are pure and fast, so the
 * preview follows every change of target or option at once. Whatever is shown is what downloads.
 */
@customElement('allot-export-step')
export class ExportStep extends WorkbenchStep {
  @state() private policyName: BuildablePolicy = 'optimized';
  @state() private target: ExportTargetName = 'json';
  /** Null until chosen: the sheet then follows the workbench's language. */
  @state() private language: 'en' | 'zh' | null = null;
  @state() private salesforceQueue = '';
  @state() private frappeVersion: 'v15' | 'v16' = 'v16';
  @state() private policy: PolicyResult | null = null;
  /** Policies built for the current scenario and data; emptied when either changes. */
  #built = new Map<BuildablePolicy, PolicyResult>();
  #stale = true;
  #view: { key: unknown[]; view: ExportView } | null = null;

  static override styles = [shared, stepStyles, exportStyles];

  override updated() {
    if (this.active && this.#stale) void this.#refresh();
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
    const cached = this.#built.get(name);
    if (cached) {
      this.policy = cached;
      return;
    }
    await this.latest.start(
      async (signal) => {
        const ctx = await this.latest.context(this.estimates, signal);
        const result = await this.engine.call('policy', { name, ctx }, { signal });
        this.#built.set(name, result);
        if (this.policyName === name) this.policy = result;
      },
      (error) => {
        // The old policy is another scenario's: do not offer it for download.
        this.policy = null;
        // Tried again on the next change (the roster arriving, new data).
        this.#stale = !(error instanceof NotReadyError);
      },
    );
  }

  get #options(): ExportOptions {
    const queue = this.salesforceQueue.trim();
    return { language: this.language ?? this.i18n.lang, frappeVersion: this.frappeVersion, ...(queue ? { salesforceQueue: queue } : {}) };
  }

  /** The export of the shown policy, redone only when the policy, the target or an option changes. */
  #currentView(policy: PolicyResult): ExportView {
    const options = this.#options;
    const key = [policy, this.target, options.language, options.frappeVersion, options.salesforceQueue];
    if (!this.#view || key.some((k, i) => k !== this.#view!.key[i])) this.#view = { key, view: exportView(policy.config, this.target, options) };
    return this.#view.view;
  }

  override render() {
    const { t } = this.i18n;
    const x = t.export;
    const policy = this.policy?.name === this.policyName ? this.policy : null;
    const view = policy ? this.#currentView(policy) : null;
    return html`
      <div class="head">
        <h1>${x.title}</h1>
        <p class="muted">${x.intro}</p>
      </div>
      <div role="status" aria-live="polite" class="status" data-testid="export-status">${this.#status(policy, view)}</div>
      ${this.latest.error ? html`<div class="alert" role="alert"><strong>${x.buildFailed}</strong><p>${this.latest.error}</p></div>` : nothing}
      ${this.#controls(policy)}
      ${view?.kind === 'refused' ? this.#refused(view) : nothing}
      ${view?.kind === 'files' ? this.#files(view.result.files, view.result.limitations) : nothing}
    `;
  }

  #status(policy: PolicyResult | null, view: ExportView | null) {
    const { t, fmt } = this.i18n;
    const x = t.export;
    const { busy, notReady } = this.latest;
    if (busy) return html`<span class="spinner" aria-hidden="true"></span><span>${x.building(x.policies[this.policyName])}</span>`;
    if (notReady === 'data' || !this.session.current) return x.needsData;
    if (notReady === 'roster') return x.needsRoster;
    if (!policy || view?.kind !== 'files') return '';
    return x.ready(x.policies[this.policyName], fmt.number(policy.config.rules.length), fmt.number(view.result.files.length));
  }

  #controls(policy: PolicyResult | null) {
    const { t } = this.i18n;
    const x = t.export;
    return html`<section class="panel controls" aria-label=${x.title}>
      <div class="policy">
        <label for="export-policy">${x.policyLabel}</label>
        <select id="export-policy" data-testid="export-policy" @change=${this.#choosePolicy}>
          ${POLICIES.map((p) => html`<option value=${p} ?selected=${p === this.policyName}>${x.policies[p]}</option>`)}
        </select>
        <p class="help">${x.policyHelp}</p>
        <button type="button" data-action="download-rules" ?disabled=${!policy} @click=${() => policy && downloadText(rulesFileName(policy.name), jsonFile(policy.config))}>
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

  #targetOptions() {
    const x = this.i18n.t.export;
    const option = (body: unknown) => html`<fieldset class="options"><legend>${x.optionsLabel}</legend>${body}</fieldset>`;
    switch (this.target) {
      case 'build-sheet': {
        const lang = this.language ?? this.i18n.lang;
        return option(html`<div role="radiogroup" aria-label=${x.language} class="inline">
          <span class="label" aria-hidden="true">${x.language}</span>
          ${(['en', 'zh'] as const).map(
            (l) => html`<label><input type="radio" name="sheet-language" value=${l} .checked=${l === lang} @change=${() => (this.language = l)} />${x.languages[l]}</label>`,
          )}
        </div>`);
      }
      case 'salesforce':
        return option(html`<label for="sf-queue">${x.salesforceQueue}</label>
          <input id="sf-queue" type="text" spellcheck="false" autocomplete="off" .value=${this.salesforceQueue} @change=${(e: Event) => (this.salesforceQueue = (e.target as HTMLInputElement).value)} />
          <p class="help">${x.salesforceQueueHelp}</p>`);
      case 'frappe':
        return option(html`<label for="frappe-version">${x.frappeVersion}</label>
          <select id="frappe-version" @change=${(e: Event) => (this.frappeVersion = (e.target as HTMLSelectElement).value as 'v15' | 'v16')}>
            ${(['v16', 'v15'] as const).map((v) => html`<option value=${v} ?selected=${v === this.frappeVersion}>${x.frappeVersions[v]}</option>`)}
          </select>`);
      default:
        return nothing;
    }
  }

  #refused(view: Extract<ExportView, { kind: 'refused' }>) {
    const x = this.i18n.t.export;
    return html`<div class="alert" role="alert" data-testid="export-refused">
      <strong>${x.refusedTitle(x.targets[this.target])}</strong>
      <p class="mono" data-testid="refused-reason">${this.i18n.exportErrorText(view)}</p>
      <p>${x.refusedHelp}</p>
    </div>`;
  }

  #files(files: Parameters<typeof zipFiles>[0], limitations: Limitation[]) {
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
          <button type="button" class="primary" data-action="download-all" @click=${() => downloadBlob(bundleName(this.target, this.policyName), zipFiles(files))}>
            ${x.downloadAll}
          </button>
        </div>
        <allot-file-preview .i18n=${this.i18n} .files=${files}></allot-file-preview>
      </section>
    `;
  }

  #choosePolicy = (event: Event) => {
    this.policyName = (event.target as HTMLSelectElement).value as BuildablePolicy;
    this.#stale = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-export-step': ExportStep;
  }
}
