import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import './data/data-step';
import './export/export-step';
import { MAX_BROWSER_FILE_BYTES } from './data/file-limit';
import { engine } from './engine/shared-engine';
import { initialLang, makeI18n, rememberLang, type I18n, type Lang, type StepId } from './i18n';
import './language-switch';
import './model/model-step';
import './compare/compare-step';
import './policies/policies-step';
import './rollout/rollout-step';
import './state/scenario-bar';
import { indexedDbStorage } from './state/autosave';
import { indexedDbFileKeeper, keptFilesFor, MAX_KEPT_BYTES } from './state/kept-files';
import type { MappingInput } from '../model/mapping';
import { sampleScenario } from './state/scenario-file';
import type { EngineMessage } from '../model/message';
import type { Readiness } from '../model/readiness';
import type { Rep } from '../model/roster';
import { scenarioForData } from '../pipeline/follow-data';
import { ScenarioStore } from './state/scenario-store';
import { SharedDataSession } from './state/shared-session';
import { readExperiment, writeExperiment, type ExperimentChange, type ExperimentSettings } from './state/experiment-settings';
import { appendedBanner, appendedBannerStyles, type AppendedLeads } from './rollout/appended-banner';
import './step-nav';
import type { StepEntry } from './step-nav';
import { WorkbenchChanges } from './step/workbench-changes';
import { shared } from './styles/shared';
import type { RepChange } from './team/roster-table';
import './team/team-step';
import type { RosterStatus } from './team/team-step';

const STEPS: StepEntry[] = [
  { id: 'data', available: true },
  { id: 'team', available: true },
  { id: 'model', available: true },
  { id: 'policies', available: true },
  { id: 'compare', available: true },
  { id: 'export', available: true },
  { id: 'rollout', available: true },
];

/** The steps that work through the engine: each a WorkbenchStep, handed the same things. */
const ENGINE_STEPS: Array<[StepId, StaticValue]> = [
  ['model', literal`allot-model-step`],
  ['policies', literal`allot-policies-step`],
  ['compare', literal`allot-compare-step`],
  ['export', literal`allot-export-step`],
  ['rollout', literal`allot-rollout-step`],
];

/** Which leads the current scenario was made for: the sample, or the user's files by name. */
interface DataKey {
  sample: boolean;
  files: string[];
}

// Above the element: <allot-app> is upgraded as soon as it is defined, before the rest of this module runs.
const DATA_KEY = 'allot.data';

function readDataKey(store: Storage | null): DataKey | null {
  try {
    const parsed = JSON.parse(store?.getItem(DATA_KEY) ?? 'null') as DataKey | null;
    return parsed && typeof parsed.sample === 'boolean' && Array.isArray(parsed.files) ? parsed : null;
  } catch {
    return null;
  }
}

function writeDataKey(store: Storage | null, key: DataKey): void {
  try {
    store?.setItem(DATA_KEY, JSON.stringify(key));
  } catch {
    // Private modes may refuse storage: a reload then starts from the sample, as on a first visit.
  }
}

/** A restored scenario made for the user's own files waits for them instead of meeting the sample's leads. */
function awaitedFiles(key: DataKey | null): string[] | null {
  return key && !key.sample && key.files.length ? key.files : null;
}

/** The workbench: header, language, the steps, and the current step's page. */
@customElement('allot-app')
export class AppShell extends LitElement {
  @state() private i18n: I18n = makeI18n(initialLang(storage(), navigator.languages?.length ? navigator.languages : [navigator.language]));
  /** The engine worker: the database, the loaded leads and the pipeline (started by main.ts before anything else). */
  private readonly engine = engine;
  private readonly session = new SharedDataSession(this.engine);
  private readonly store = new ScenarioStore(sampleScenario(), indexedDbStorage());
  /** The user's own files kept in the browser with the scenario, so a reload brings both back. */
  private readonly fileKeeper = indexedDbFileKeeper(() => this.keptFilesBytes);
  /**
   * The autosaved scenario is back (or there was none) before the roster is looked for; the files
   * it was made for come back with it when the browser kept them, else they are asked for by name.
   */
  readonly #restored = this.store.restore().then(async () => {
    const awaited = awaitedFiles(this.#dataKey);
    if (awaited) {
      const kept = await this.fileKeeper.read();
      const files = keptFilesFor(kept, awaited);
      if (files) this.keptFiles = { files, input: kept!.input };
    }
    this.awaitingFiles = awaited;
    this.restored = true;
  });
  /** The data the current scenario was made for (kept across reloads), so no scenario meets other data silently. */
  #dataKey: DataKey | null = readDataKey(storage());
  /** The scenario could not follow the last data loaded (the proposal or the team failed): a retry redoes that. */
  #followFailed = false;
  /** Set once the autosave is read: the Data step starts only then, knowing whether to load the sample. */
  @state() private restored = false;
  /** The files a restored scenario was made for, until they are dropped again (or the sample replaces it). */
  @state() private awaitingFiles: string[] | null = null;
  /** What following the data changed in the scenario, shown on the Team and Model steps. */
  @state() private followNotes: EngineMessage[] = [];
  /** What the loaded data supports under the scenario that follows it (shown on the Data step). */
  @state() private readiness: Readiness | null = null;
  @state() private step: StepId = 'data';
  /**
   * The rollout experiment: one value for the Rollout step (which designs it and reads it out) and
   * the Export step (which writes its split), kept across reloads for the readout months later.
   */
  @state() private experiment: ExperimentSettings = readExperiment(storage());
  /** What the Rollout step's re-estimate added to the history, said on every step until other data is loaded or it is dismissed. */
  @state() private appended: AppendedLeads | null = null;
  /** Steps shown at least once stay mounted (hidden when not current), so they keep their state. */
  @state() private visited = new Set<StepId>(['data']);
  @state() private rosterStatus: RosterStatus = { kind: 'waiting' };
  /** Bumped on every scenario change, to re-render the steps that show it. */
  @state() private revision = 0;
  /** The largest file the Data step reads; set lower by main.ts only for tests (`?maxFileMB=`). */
  @property({ attribute: false }) maxFileBytes = MAX_BROWSER_FILE_BYTES;
  /** The most the browser keeps of the user's files for a reload; set lower by main.ts only for tests (`?keepFilesMB=`). */
  @property({ attribute: false }) keptFilesBytes = MAX_KEPT_BYTES;
  /** The files the restored scenario was made for, kept by the browser: loaded again instead of asked for. */
  @state() private keptFiles: { files: File[]; input: MappingInput } | null = null;

  static override styles = [
    shared,
    appendedBannerStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 16px;
        padding: 10px 24px;
        background: #1b3a5c;
        color: #fff;
      }
      .brand {
        display: flex;
        align-items: baseline;
        gap: 10px;
      }
      .name {
        font-size: 18px;
        font-weight: 700;
        letter-spacing: 0.02em;
      }
      .tagline {
        font-size: 14px;
        color: #c9d6e6;
      }
      .tools {
        display: flex;
        align-items: center;
        gap: 16px;
      }
      main > [hidden] {
        display: none;
      }
      main {
        flex: 1;
        padding: 20px 24px 32px;
        max-width: 1440px;
        width: 100%;
        margin: 0 auto;
      }
    `,
  ];

  constructor() {
    super();
    new WorkbenchChanges(this, () => ({ session: this.session, store: this.store }), { data: () => void this.#dataChanged(), scenario: () => this.#scenarioChanged() });
  }

  override willUpdate() {
    document.documentElement.lang = this.i18n.locale;
    document.title = `${this.i18n.t.app.name} · ${this.i18n.t.app.tagline}`;
  }

  override render() {
    const { t } = this.i18n;
    return html`
      <header>
        <div class="brand">
          <span class="name">${t.app.name}</span>
          <span class="tagline">${t.app.tagline}</span>
        </div>
        <div class="tools">
          <allot-scenario-bar .i18n=${this.i18n} .store=${this.store} .revision=${this.revision}></allot-scenario-bar>
          <allot-language-switch .i18n=${this.i18n} @lang-change=${this.#setLang}></allot-language-switch>
        </div>
      </header>
      <allot-step-nav .i18n=${this.i18n} .steps=${STEPS} current=${this.step} @step-select=${this.#selectStep}></allot-step-nav>
      ${appendedBanner(this.i18n, this.appended, () => (this.appended = null))}
      <main
        @experiment-change=${this.#experimentChanged}
        @experiment-export=${this.#experimentExported}
        @step-request=${this.#stepRequested}
        @data-appended=${(event: CustomEvent<AppendedLeads>) => (this.appended = event.detail)}
      >
        ${this.restored
          ? html`<allot-data-step
              ?hidden=${this.step !== 'data'}
              .i18n=${this.i18n}
              .session=${this.session}
              .maxFileBytes=${this.maxFileBytes}
              .awaitingFiles=${this.awaitingFiles}
              .keptFiles=${this.keptFiles}
              .fileKeeper=${this.fileKeeper}
              .keptFilesBytes=${this.keptFilesBytes}
              .scenarioName=${this.store.scenario.name}
              .followNotes=${this.followNotes}
              .readiness=${this.readiness}
            ></allot-data-step>`
          : nothing}
        ${this.visited.has('team')
          ? html`<allot-team-step
              ?hidden=${this.step !== 'team'}
              .i18n=${this.i18n}
              .reps=${this.store.reps}
              .status=${this.rosterStatus}
              @roster-edit=${this.#rosterEdited}
              @roster-replace=${(event: CustomEvent<Rep[]>) => this.store.setRoster(event.detail)}
              @roster-import=${this.#rosterImported}
              @roster-retry=${this.#rosterRetry}
            ></allot-team-step>`
          : nothing}
        ${ENGINE_STEPS.map(([id, tag]) =>
          this.visited.has(id)
            ? staticHtml`<${tag}
                ?hidden=${this.step !== id}
                ?active=${this.step === id}
                .i18n=${this.i18n}
                .session=${this.session}
                .store=${this.store}
                .engine=${this.engine}
                .revision=${this.revision}
                .experiment=${this.experiment}
              ></${tag}>`
            : nothing,
        )}
      </main>
    `;
  }

  #selectStep = (event: CustomEvent<StepId>) => this.#goTo(event.detail);

  #goTo(step: StepId) {
    this.step = step;
    if (!this.visited.has(step)) this.visited = new Set([...this.visited, step]);
  }

  /** A step asks for another (the Export step's "Change the design"). */
  #stepRequested = (event: CustomEvent<StepId>) => this.#goTo(event.detail);

  #experimentChanged = (event: CustomEvent<ExperimentChange>) => {
    this.experiment = { ...this.experiment, ...event.detail };
    writeExperiment(storage(), this.experiment);
  };

  /** "Export this experiment": the Export step writes the split, shown at once. */
  #experimentExported = () => {
    this.experiment = { ...this.experiment, exportSplit: true };
    writeExperiment(storage(), this.experiment);
    this.#goTo('export');
  };

  #rosterEdited = (event: CustomEvent<RepChange>) => this.store.updateRep(event.detail.index, event.detail.rep);

  /** A roster file read by the same reader as `allot inspect --roster` (in the engine worker), replacing the team. */
  #rosterImported = async (event: CustomEvent<File>) => {
    const file = event.detail;
    this.rosterStatus = { kind: 'loading' };
    try {
      const reps = await this.engine.call('readRoster', { file });
      this.store.setRoster(reps);
      this.rosterStatus = { kind: 'ready', origin: { kind: 'file', file: file.name } };
    } catch (error) {
      this.rosterStatus = { kind: 'error', error };
    }
  };

  /** The team as the data gives it, asked again after a failure: following the data again when that is what failed. */
  #rosterRetry = () => {
    if (this.session.current && this.#followFailed) void this.#dataChanged();
    else void this.#findRoster();
  };

  #scenarioChanged = () => {
    this.revision++;
    // A scenario opened from a file may hold no inline roster: find one for the loaded leads.
    if (!this.store.reps && this.session.current) void this.#findRoster();
  };

  /**
   * New leads, or the same ones re-mapped: the scenario follows them (DESIGN §2.3). The sample
   * brings the sample's scenario back; other leads get every setting proposed for them and the
   * team inferred from their owners; a re-map keeps the user's settings but drops those naming a
   * column that is gone, and re-infers the team keeping the user's edits for reps still there.
   */
  #dataChanged = async () => {
    // Other leads than the re-estimate's: its banner is theirs no more (the re-estimate sets it again right after its own load).
    this.appended = null;
    await this.#restored;
    const data = this.session.current!;
    const key: DataKey = data.isSample ? { sample: true, files: data.files } : { sample: false, files: data.files };
    const before = this.#dataKey ?? { sample: true, files: [] };
    this.awaitingFiles = null;
    try {
      if (data.isSample) {
        this.followNotes = [];
        if (!before.sample) this.store.replace(sampleScenario());
      } else {
        this.rosterStatus = { kind: 'loading' };
        const otherData = before.sample || before.files.join('\u0000') !== key.files.join('\u0000');
        const base = otherData ? { ...this.store.scenario, roster: undefined } : this.store.scenario;
        // Asked without the roster: the proposal's skills and the team come from these leads' owners.
        const bare = { ...base, roster: undefined };
        const [proposal, inferred] = await Promise.all([this.engine.call('proposal', { scenario: bare }), this.engine.call('roster', { scenario: bare })]);
        const followed = scenarioForData(base, { file: data.files[0]!, mapping: data.result.mapping, columns: data.result.columns }, proposal, inferred.reps, otherData);
        this.followNotes = followed.notes;
        this.store.replace(followed.scenario);
        this.rosterStatus = { kind: 'ready', origin: inferred.origin };
      }
      this.#dataKey = key;
      this.#followFailed = false;
      writeDataKey(storage(), key);
    } catch (error) {
      this.#followFailed = true;
      this.rosterStatus = { kind: 'error', error };
      return;
    }
    if (!this.store.reps) await this.#findRoster();
    else if (this.rosterStatus.kind === 'waiting') this.rosterStatus = { kind: 'ready', origin: { kind: 'scenario' } };
    // What the data supports, said on the Data step before a later step would fail on it.
    this.readiness = await this.engine.call('readiness', { scenario: this.store.scenario }).catch(() => null);
  };

  async #findRoster() {
    if (this.rosterStatus.kind === 'loading') return;
    this.rosterStatus = { kind: 'loading' };
    try {
      const { reps, origin } = await this.engine.call('roster', { scenario: this.store.scenario });
      this.rosterStatus = { kind: 'ready', origin };
      this.store.setRoster(reps);
    } catch (error) {
      this.rosterStatus = { kind: 'error', error };
    }
  }

  #setLang = (event: CustomEvent<Lang>) => {
    this.i18n = makeI18n(event.detail);
    rememberLang(storage(), event.detail);
  };
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-app': AppShell;
  }
}
