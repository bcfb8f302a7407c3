import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ResultOf } from '../engine/protocol';
import { MAX_BROWSER_FILE_BYTES } from '../data/file-limit';
import { runErrorAlert } from '../step/run-error';
import { WorkbenchStep } from '../step/workbench-step';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import './rollout-form';
import './rollout-report';
import { chosenPolicies, columnsNamed, INITIAL_SETTINGS, progressText, readRequest, simulated, type ReadoutProgress, type RolloutSettings, type SettingProblem } from './rollout-run';

/**
 * Step 7, 上线复盘: a rollout that already happened, read out as an experiment (`allot readout`).
 * The user drops the export of the leads created since, says how the arms are known, and picks
 * the control, the candidate and the outcome window; the engine worker forecasts the two policies
 * with Compare's simulation, reads the export aside of the history with the history's mapping,
 * and reads the candidate's effect out beside the forecast. Nothing runs until the user asks.
 */
@customElement('allot-rollout-step')
export class RolloutStep extends WorkbenchStep {
  @state() private settings: RolloutSettings = INITIAL_SETTINGS;
  @state() private files: File[] = [];
  /** A file refused before it is read (over the browser's limit), in the UI's language. */
  @state() private refused: File | null = null;
  @state() private report: ResultOf<'readout'> | null = null;
  @state() private progress: ReadoutProgress | null = null;
  /** Set once a readout was asked for with fields that do not fit: from then on each says so. */
  @state() private checked = false;
  /** The export's columns, as a readout naming a column it lacks listed them. */
  @state() private columns: string[] = [];
  /** The scenario or the data changed after the shown readout. */
  @state() private stale = false;

  static override styles = [
    shared,
    stepStyles,
    css`
      .inputs {
        margin-bottom: 16px;
      }
      .status progress {
        width: 180px;
      }
      .results[aria-busy='true'] {
        opacity: 0.55;
      }
      .stale {
        margin: 0 0 8px;
        font-size: 13px;
        color: var(--muted);
      }
    `,
  ];

  protected override dataChanged() {
    this.#changed();
  }

  protected override scenarioChanged() {
    this.#changed();
  }

  #changed() {
    if (this.report) this.stale = true;
  }

  override render() {
    const { t, fmt } = this.i18n;
    const r = t.rollout;
    const scenario = this.store.scenario;
    const busy = this.latest.busy;
    const file = this.files[0];
    return html`
      <div class="head">
        <h1>${r.title}</h1>
        <p class="muted">${r.intro}</p>
      </div>
      <div role="status" aria-live="polite" class="status" data-testid="rollout-status">${this.#status()}</div>
      ${this.refused
        ? html`<div class="alert" role="alert" data-testid="rollout-refused">${r.tooBig(this.refused.name, fmt.bytes(this.refused.size), fmt.bytes(MAX_BROWSER_FILE_BYTES))}</div>`
        : nothing}
      ${this.latest.error ? runErrorAlert(this.i18n, r.failed, this.latest.error, () => void this.#readOut()) : nothing}
      <section class="panel inputs" aria-label=${r.title}>
        <allot-rollout-form
          .i18n=${this.i18n}
          .settings=${this.settings}
          .policies=${scenario.policies}
          .chosen=${chosenPolicies(this.settings, scenario)}
          .file=${file ? { name: this.files.map((f) => f.name).join(', '), size: fmt.bytes(this.files.reduce((n, f) => n + f.size, 0)) } : null}
          .problems=${this.#problems()}
          .columns=${this.columns}
          ?busy=${busy}
          ?disabled=${!file || !this.session.current}
          @files-selected=${this.#filesSelected}
          @settings-change=${this.#settingsChanged}
          @readout-request=${() => void this.#readOut()}
          @readout-cancel=${() => this.latest.cancel()}
        ></allot-rollout-form>
      </section>
      ${this.report
        ? html`<div class="results" aria-busy=${busy ? 'true' : 'false'}>
            ${this.stale ? html`<p class="stale" data-testid="rollout-stale">${r.stale}</p>` : nothing}
            <allot-rollout-report .i18n=${this.i18n} .report=${this.report}></allot-rollout-report>
          </div>`
        : nothing}
    `;
  }

  #status() {
    const r = this.i18n.t.rollout;
    if (this.latest.busy) {
      const sim = simulated(this.progress);
      return html`<span class="spinner" aria-hidden="true"></span><span data-testid="rollout-progress">${progressText(this.i18n, this.progress)}</span>
        ${sim ? html`<progress max=${sim.total} .value=${sim.done} aria-label=${r.title}></progress>` : nothing}`;
    }
    if (!this.session.current || this.latest.notReady === 'data') return r.needsData;
    if (!this.files.length) return r.needsFile;
    return this.report || this.latest.error ? '' : r.ready;
  }

  #problems(): SettingProblem[] {
    if (!this.checked) return [];
    const read = readRequest(this.settings, this.store.scenario);
    return read.ok ? [] : read.problems;
  }

  #filesSelected = (event: CustomEvent<File[]>) => {
    const tooBig = event.detail.find((f) => f.size > MAX_BROWSER_FILE_BYTES) ?? null;
    this.refused = tooBig;
    if (tooBig) return;
    this.files = event.detail;
    this.columns = [];
  };

  #settingsChanged = (event: CustomEvent<Partial<RolloutSettings>>) => {
    this.settings = { ...this.settings, ...event.detail };
  };

  /** Reads the export out with the form as it stands; the retry of a failed readout does the same. */
  #readOut() {
    const files = this.files;
    const scenario = this.store.scenario;
    const read = readRequest(this.settings, scenario);
    this.checked = true;
    if (!read.ok || !files.length) return;
    const { arms, control, candidate, windowDays } = read;
    this.progress = null;
    return this.latest.start(
      async (signal) => {
        this.latest.requireData(this.session.current);
        const report = await this.engine.call('readout', { scenario, files, arms, control, candidate, windowDays }, {
          signal,
          onProgress: (progress) => {
            if (!signal.aborted) this.progress = progress;
          },
        });
        this.report = report;
        this.stale = false;
        this.columns = [];
      },
      (error) => {
        // What is shown would be another file's or other settings' readout beside this error.
        this.report = null;
        const named = columnsNamed(error);
        if (named.length) this.columns = named;
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-rollout-step': RolloutStep;
  }
}
