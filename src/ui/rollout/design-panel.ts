import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { UNITS, type DesignResult } from '../../experiment/design';
import type { PolicyName, Scenario } from '../../model/scenario';
import type { EngineClient } from '../engine/engine-client';
import type { DesignProgress } from '../engine/protocol';
import type { PipelineProgress } from '../../pipeline';
import type { I18n } from '../i18n';
import { DEFAULT_DESIGN_REPLICATIONS, designPolicies, exportProblems, readDesign, type DesignProblem, type ExperimentChange, type ExperimentSettings } from '../state/experiment-settings';
import { LatestRun } from '../step/latest-run';
import { runErrorAlert } from '../step/run-error';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import { designPanelStyles } from './design.styles';
import { rolloutFieldStyles, rolloutRunStyles } from './rollout.styles';
import './design-report';

/**
 * The Rollout step's first part: a rollout designed before it happens (`allot experiment`). The
 * settings are the app's one ExperimentSettings (the Export step writes the same split); every
 * edit goes up as `experiment-change`, and "Export this experiment" as `experiment-export`. The
 * simulation runs in the engine worker when asked; an edit of the design cancels a run under way.
 */
@customElement('allot-rollout-design')
export class RolloutDesign extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) engine!: EngineClient;
  @property({ attribute: false }) scenario!: Scenario;
  @property({ attribute: false }) settings!: ExperimentSettings;
  /** Leads are loaded: the design is simulated on them. */
  @property({ type: Boolean }) hasData = false;
  @state() private result: DesignResult | null = null;
  @state() private progress: PipelineProgress | DesignProgress | null = null;
  /** Set once a run was asked for with fields that do not fit: from then on each says so. */
  @state() private checked = false;
  /** The scenario or the data changed after the shown result. */
  @state() private outdated = false;
  /** What the shown result was simulated with, to tell when the form has moved on. */
  #simulatedKey = '';
  /** What the run under way simulates. */
  #runningKey = '';
  private readonly latest = new LatestRun(this);

  static override styles = [shared, stepStyles, rolloutFieldStyles, rolloutRunStyles, designPanelStyles];

  /** The data or the scenario changed: the shown design is theirs no more. */
  changed() {
    if (this.result) this.outdated = true;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Changing the design's inputs cancels the run that simulates the old ones.
    if (changed.has('settings') && this.latest.busy && this.#key() !== this.#runningKey) this.latest.cancel();
  }

  #key(): string {
    const read = readDesign(this.settings, this.scenario);
    return read.ok ? JSON.stringify(read.design) : '';
  }

  override render() {
    const d = this.i18n.t.design;
    const busy = this.latest.busy;
    const stale = this.result && (this.outdated || this.#key() !== this.#simulatedKey);
    return html`
      <h2 id="design-title">${d.title}</h2>
      <p class="help">${d.intro}</p>
      <div role="status" aria-live="polite" class="status" data-testid="design-status">${this.#status()}</div>
      ${this.latest.error ? runErrorAlert(this.i18n, d.failed, this.latest.error, () => void this.#simulate()) : nothing}
      ${this.#form(busy)}
      ${this.result
        ? html`<div class="results" aria-busy=${busy ? 'true' : 'false'}>
            ${stale ? html`<p class="stale" data-testid="design-stale">${d.stale}</p>` : nothing}
            <allot-design-report .i18n=${this.i18n} .result=${this.result}></allot-design-report>
          </div>`
        : nothing}
    `;
  }

  #status() {
    const { t, fmt } = this.i18n;
    const d = t.design;
    if (this.latest.busy) {
      const p = this.progress;
      const designing = p?.stage === 'designing' && p.done > 0 ? p : null;
      return html`<span class="spinner" aria-hidden="true"></span><span data-testid="design-progress">${designing ? d.designing(fmt.number(designing.done), fmt.number(designing.total)) : d.preparing}</span>
        ${designing ? html`<progress max=${designing.total} .value=${designing.done} aria-label=${d.title}></progress>` : nothing}`;
    }
    if (!this.hasData || this.latest.notReady === 'data') return d.needsData;
    return this.result || this.latest.error ? '' : d.ready;
  }

  #form(busy: boolean) {
    const d = this.i18n.t.design;
    const s = this.settings;
    const chosen = designPolicies(s, this.scenario);
    const names = this.i18n.t.policies.policyNames as Record<string, string>;
    const policies = this.scenario.policies;
    const problems = this.#problems();
    const invalid = (p: DesignProblem) => (problems.includes(p) ? 'true' : 'false');
    const problem = (p: DesignProblem) => (problems.includes(p) ? html`<p class="invalid" data-problem=${p}>${d.invalid[p]}</p>` : nothing);
    const select = (arm: 'control' | 'candidate', label: string, options: readonly PolicyName[]) =>
      html`<label class="field" for=${`design-${arm}`}>${label}</label>
        <select id=${`design-${arm}`} data-control=${arm} @change=${(e: Event) => this.#set({ [arm]: value(e) })}>
          ${options.map((p) => html`<option value=${p} ?selected=${p === chosen[arm]}>${names[p] ?? p}</option>`)}
        </select>`;
    return html`<div class="form">
      <div class="field-group">
        ${select('control', d.controlLabel, policies)} ${select('candidate', d.candidateLabel, policies.filter((p) => p !== 'as_is'))} ${problem('samePolicies')}
      </div>
      <fieldset class="field-group">
        <legend>${d.unitLabel}</legend>
        ${UNITS.map(
          (unit) => html`<label class="choice"><input type="radio" name="design-unit" value=${unit} .checked=${s.unit === unit} @change=${() => this.#set({ unit })} /> ${d.units[unit]}</label>`,
        )}
        <p class="help">${d.unitHelp[s.unit]}</p>
      </fieldset>
      <div class="field-group">
        <label class="field" for="design-share">${d.shareLabel}</label>
        <input id="design-share" class="short" type="text" inputmode="decimal" data-control="share" .value=${s.share} aria-invalid=${invalid(problems.includes('slotShare') ? 'slotShare' : 'share')} @input=${(e: Event) => this.#set({ share: value(e) })} />
        ${problem('share')} ${problem('slotShare')}
        <label class="field" for="design-weeks">${d.maxWeeksLabel}</label>
        <input id="design-weeks" class="short" type="text" inputmode="numeric" data-control="max-weeks" .value=${s.maxWeeks} aria-invalid=${invalid('maxWeeks')} @input=${(e: Event) => this.#set({ maxWeeks: value(e) })} />
        ${problem('maxWeeks')}
        ${s.unit === 'lead'
          ? html`<label class="field" for="design-salt">${d.saltLabel}</label>
              <input id="design-salt" type="text" data-control="salt" .value=${s.salt} aria-invalid=${invalid('salt')} @input=${(e: Event) => this.#set({ salt: value(e) })} />
              ${problem('salt')}`
          : nothing}
        ${s.unit === 'week'
          ? html`<label class="field" for="design-week-start">${d.weekStartLabel}</label>
              <input id="design-week-start" class="short" type="text" data-control="week-start" .value=${s.weekStart} aria-invalid=${invalid('weekStart')} @input=${(e: Event) => this.#set({ weekStart: value(e) })} />
              ${problem('weekStart')}`
          : nothing}
      </div>
      <div class="run">
        <button type="button" class="primary" data-action="simulate-design" ?disabled=${busy || !this.hasData} @click=${() => void this.#simulate()}>${d.simulate}</button>
        ${busy ? html`<button type="button" data-action="cancel-design" @click=${() => this.latest.cancel()}>${d.cancel}</button>` : nothing}
        <button type="button" data-action="export-experiment" @click=${this.#export}>${d.exportButton}</button>
        <p class="help">${d.exportHelp}</p>
      </div>
    </div>`;
  }

  #problems(): DesignProblem[] {
    if (!this.checked) return [];
    const read = readDesign(this.settings, this.scenario);
    return [...(read.ok ? [] : read.problems), ...exportProblems(this.settings)];
  }

  /** Simulates the form as it stands; the retry of a failed run does the same. */
  #simulate() {
    this.checked = true;
    const read = readDesign(this.settings, this.scenario);
    if (!read.ok) return;
    const scenario = this.scenario;
    const key = JSON.stringify(read.design);
    this.#runningKey = key;
    this.progress = null;
    return this.latest.start(
      async (signal) => {
        this.latest.requireData(this.hasData || null);
        const result = await this.engine.call('design', { scenario, design: read.design, replications: DEFAULT_DESIGN_REPLICATIONS }, {
          signal,
          onProgress: (progress) => {
            if (!signal.aborted) this.progress = progress;
          },
        });
        this.result = result;
        this.#simulatedKey = key;
        this.outdated = false;
      },
      () => {
        // What is shown would be another design's beside this error.
        this.result = null;
      },
    );
  }

  #export = () => {
    this.checked = true;
    if (!readDesign(this.settings, this.scenario).ok || exportProblems(this.settings).length) return;
    this.dispatchEvent(new CustomEvent('experiment-export', { bubbles: true, composed: true }));
  };

  #set(change: ExperimentChange) {
    this.dispatchEvent(new CustomEvent<ExperimentChange>('experiment-change', { detail: change, bubbles: true, composed: true }));
  }
}

function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-rollout-design': RolloutDesign;
  }
}
