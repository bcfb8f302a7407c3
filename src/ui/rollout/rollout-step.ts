import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ResultOf } from '../engine/protocol';
import { MAX_BROWSER_FILE_BYTES } from '../data/file-limit';
import { LatestRun } from '../step/latest-run';
import { runErrorAlert } from '../step/run-error';
import { WorkbenchStep } from '../step/workbench-step';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import type { ExperimentSettings } from '../state/experiment-settings';
import type { AppendedLeads } from './appended-banner';
import './design-panel';
import type { RolloutDesign } from './design-panel';
import './rollout-form';
import './rollout-report';
import { rolloutRunStyles } from './rollout.styles';
import { chosenPolicies, columnsNamed, sqlStamp, INITIAL_SETTINGS, progressText, readoutDefaults, readRequest, simulated, type ReadoutProgress, type RolloutSettings, type SettingProblem } from './rollout-run';

/**
 * Step 7, 上线复盘: a rollout that already happened, read out as an experiment (`allot readout`).
 * The user drops the export of the leads created since, says how the arms are known, and picks
 * the control, the candidate and the outcome window; the engine worker forecasts the two policies
 * with Compare's simulation, reads the export aside of the history with the history's mapping,
 * and reads the candidate's effect out beside the forecast. Nothing runs until the user asks.
 */
@customElement('allot-rollout-step')
export class RolloutStep extends WorkbenchStep {
  /** The app's one experiment: designed here, exported by the Export step, and the readout's defaults. */
  @property({ attribute: false }) experiment: ExperimentSettings | null = null;
  /** The readout's fields the user set; the others follow the exported experiment, else the defaults. */
  @state() private edits: Partial<RolloutSettings> = {};
  @query('allot-rollout-design') private design?: RolloutDesign;
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
  /** The monitor's action: the export added to the history (a load of its own, apart from the readout's run). */
  private readonly appending = new LatestRun(this);
  /** What the last re-estimate added: its files, rows and creation period. */
  @state() private added: AppendedLeads | null = null;

  static override styles = [
    shared,
    stepStyles,
    rolloutRunStyles,
    css`
      .inputs {
        margin-bottom: 16px;
      }
      .design {
        margin-bottom: 20px;
      }
      .reestimate {
        margin-top: 16px;
      }
      .reestimate-row {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-bottom: 4px;
      }
      .reestimate p {
        margin: 4px 0 0;
      }
      h2.part {
        margin: 0 0 8px;
        font-size: 16px;
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
    this.design?.changed();
  }

  /** The form as it stands: the user's edits over the exported experiment's settings over the defaults. */
  get settings(): RolloutSettings {
    return { ...INITIAL_SETTINGS, ...readoutDefaults(this.experiment, this.store.scenario), ...this.edits };
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // An experiment exported anew (another salt, share or unit) is what the readout reads next: its arms replace earlier edits.
    const before = changed.get('experiment') as ExperimentSettings | null | undefined;
    const after = this.experiment;
    if (before && after && after.exportSplit && (!before.exportSplit || before.unit !== after.unit || before.share !== after.share || before.salt !== after.salt)) {
      const { arms: _a, share: _s, salt: _t, column: _c, ...kept } = this.edits;
      this.edits = kept;
    }
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
      ${this.experiment
        ? html`<section class="panel design" aria-label=${t.design.title}>
            <allot-rollout-design .i18n=${this.i18n} .engine=${this.engine} .scenario=${scenario} .settings=${this.experiment} ?hasData=${!!this.session.current}></allot-rollout-design>
          </section>`
        : nothing}
      <h2 class="part">${r.readoutTitle}</h2>
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
            ${this.#reestimate(this.report)}
          </div>`
        : nothing}
    `;
  }

  /** Under the monitor: the history and this export as one dataset, estimated and optimized again. */
  #reestimate(report: ResultOf<'readout'>) {
    const { t, fmt } = this.i18n;
    const e = t.design.reestimate;
    const busy = this.appending.busy;
    const added = this.added;
    return html`<section class="panel reestimate" data-testid="reestimate">
      ${this.appending.error ? runErrorAlert(this.i18n, e.failed, this.appending.error, () => void this.#append(report)) : nothing}
      <div class="reestimate-row">
        <button type="button" data-action="reestimate" ?disabled=${busy || this.latest.busy || !this.files.length} @click=${() => void this.#append(report)}>${e.button}</button>
        ${busy ? html`<span class="spinner" aria-hidden="true"></span><span data-testid="reestimate-progress">${e.loading}</span>` : nothing}
      </div>
      <p class="help">${e.help}</p>
      ${added && !busy
        ? html`<p data-testid="reestimate-added" data-rows=${added.rows}>${e.done(fmt.number(added.rows), fmt.dateRange(sqlStamp(added.from), sqlStamp(added.to)), added.files.join(', '))}</p>`
        : nothing}
    </section>`;
  }

  /** Loads the history with the export's rows added, then opens the Model step, where the estimates follow the new data. */
  #append(report: ResultOf<'readout'>) {
    const files = this.files;
    return this.appending.start(async () => {
      const { added } = await this.session.append(files, () => undefined);
      this.added = { ...added, from: report.firstCreatedMs, to: report.lastCreatedMs };
      this.dispatchEvent(new CustomEvent('data-appended', { detail: this.added, bubbles: true, composed: true }));
      this.dispatchEvent(new CustomEvent('step-request', { detail: 'model', bubbles: true, composed: true }));
    });
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
    this.edits = { ...this.edits, ...event.detail };
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
