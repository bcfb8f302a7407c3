import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import sampleUrl from '../../../data/sample/leads.csv?url';
import sampleReport from 'virtual:sample-report';
import type { EngineMessage } from '../../model/message';
import type { MappingInput } from '../../model/mapping';
import type { Readiness } from '../../model/readiness';
import { downloadText } from '../download';
import type { DateOrderChoice, I18n } from '../i18n';
import { shared } from '../styles/shared';
import './column-profile';
import type { LoadedData, LoadPhase } from '../../pipeline/data-session';
import type { SharedDataSession } from '../state/shared-session';
import { dataStepStyles } from './data-step.styles';
import './file-drop';
import { MAX_BROWSER_FILE_BYTES, inspectCommand } from './file-limit';
import './issue-list';
import type { FieldChoice } from './mapping-editor';
import './mapping-editor';
import { MAX_KEPT_BYTES, type FileKeeper } from '../state/kept-files';
import { MappingFileError, mappingFileName, mappingFileText, parseMappingFile } from './mapping-file';
import './report-overview';
import './source-list';
import './weekly-chart';

const SAMPLE_NAME = 'leads.csv';
/** A load taking longer than this shows how long it has been running. */
const SHOW_ELAPSED_AFTER_MS = 2000;

/**
 * Step 1, 数据: load the leads, map their columns, read the quality report. Holds the step's
 * state and hands the work to the DataSession; the parts it renders only show and emit.
 */
@customElement('allot-data-step')
export class DataStep extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) session!: SharedDataSession;
  /** The files a restored scenario was made for: asked for again instead of loading the sample. */
  @property({ attribute: false }) awaitingFiles: string[] | null = null;
  /** Those files, when the browser kept them: loaded again with the mapping they were read with. */
  @property({ attribute: false }) keptFiles: { files: File[]; input: MappingInput } | null = null;
  /** Where the user's files are kept for a reload (IndexedDB in the workbench). */
  @property({ attribute: false }) fileKeeper: FileKeeper | null = null;
  @property({ attribute: false }) scenarioName = '';
  /** What following the loaded data changed in the scenario (proposals applied, settings dropped). */
  @property({ attribute: false }) followNotes: EngineMessage[] = [];
  /** What the loaded data supports under the current scenario (asked for by the shell once the scenario follows the data). */
  @property({ attribute: false }) readiness: Readiness | null = null;
  /** Files bigger than this are refused before they are read. */
  @property({ attribute: false }) maxFileBytes = MAX_BROWSER_FILE_BYTES;
  /** The most of the user's files the browser keeps for a reload (named when it asks for them again). */
  @property({ attribute: false }) keptFilesBytes = MAX_KEPT_BYTES;
  @state() private data: LoadedData | null = null;
  @state() private phase: LoadPhase | null = null;
  /** Whether the running task reads new files (the mapping editor still shows the old ones) or re-maps. */
  @state() private running: 'load' | 'remap' | null = null;
  /** Seconds the running task has taken, once it takes long enough to say so. */
  @state() private elapsed = 0;
  /** The failure shown, worded when drawn: switching the language rewords it. */
  @state() private error: ((i18n: I18n) => string) | null = null;
  /** A command that gets round the error (the CLI for a file too big for the browser), shown to copy. */
  @state() private errorCommand: string | null = null;
  @state() private notice: string | null = null;
  /** The mapping the user just asked for, shown in the editor while the report catches up. */
  @state() private pending: MappingInput | null = null;
  #request = 0;
  /** The user's files as dropped, to keep them once read. */
  #files: File[] = [];
  #started = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  static override styles = [shared, ...dataStepStyles];

  override connectedCallback() {
    super.connectedCallback();
    this.session.events.addEventListener('data-change', this.#followSession);
    this.data = this.session.current;
    if (this.data) return;
    if (this.awaitingFiles && this.keptFiles) this.#loadKept(this.keptFiles);
    else if (!this.awaitingFiles) this.#loadSample();
  }

  /** Leads loaded by another step (the Rollout step's re-estimate adds its export's rows): shown here too. Own loads show themselves. */
  #followSession = () => {
    if (!this.running) this.data = this.session.current;
  };

  /** The files a reload found kept in the browser, read again as they were (same mapping, same lead table). */
  #loadKept({ files, input }: { files: File[]; input: MappingInput }) {
    this.#files = files;
    void this.#run('load', (onPhase) => this.session.load(files, onPhase, { input }), () => {
      this.notice = this.i18n.t.data.filesKeptBack(files.map((f) => f.name).join(' + '));
    }, files);
  }

  /**
   * Keeps the user's files (in the order read: the lead table first) and their mapping for the
   * next reload; the sample needs no keeping, and loading it forgets the user's files.
   */
  #keep(kind: 'load' | 'remap', data: LoadedData) {
    const keeper = this.fileKeeper;
    if (!keeper) return;
    if (data.isSample) return void keeper.clear();
    if (kind === 'remap') return void keeper.remapped(data.input);
    const byName = new Map(this.#files.map((f) => [f.name, f] as const));
    const files = data.files.map((name) => byName.get(name)).filter((f): f is File => !!f);
    if (files.length === data.files.length) void keeper.keep(files, data.input);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.session.events.removeEventListener('data-change', this.#followSession);
    this.#stopClock();
  }

  override render() {
    const { t } = this.i18n;
    const result = this.data?.result;
    const busy = this.phase !== null;
    return html`
      <div class="head">
        <h1>${t.data.title}</h1>
        <p class="muted">${t.data.intro}</p>
      </div>
      <div role="status" aria-live="polite" class="status ${busy ? 'active' : ''}">
        ${busy
          ? html`<span class="spinner" aria-hidden="true"></span><span data-phase=${this.phase!.kind}>${this.#phaseText(this.phase!)}</span>
              ${this.elapsed > 0 ? html`<span class="elapsed" aria-hidden="true">${t.progress.elapsed(this.i18n.fmt.number(this.elapsed))}</span>` : nothing}`
          : (this.notice ?? '')}
      </div>
      ${this.error ? this.#alert(this.error(this.i18n)) : nothing}
      ${this.#followed()}
      <div class="layout">
        <div class="side">
          <section class="panel" aria-labelledby="files-title">
            <h2 id="files-title">${t.data.filesTitle}</h2>
            <allot-file-drop .i18n=${this.i18n} ?busy=${busy} @files-selected=${this.#filesSelected}></allot-file-drop>
            ${result
              ? html`<allot-source-list
                  .i18n=${this.i18n}
                  .sources=${result.report.sources}
                  ?sample=${this.data!.isSample}
                  ?busy=${busy}
                  @lead-table-chosen=${this.#leadTableChosen}
                ></allot-source-list>`
              : nothing}
          </section>
          ${result ? this.#mappingPanel() : nothing}
        </div>
        <div class="main ${this.phase?.kind === 'checking' ? 'filling' : ''}" aria-busy=${busy ? 'true' : 'false'}>${result ? this.#report() : this.#waitingForData()}</div>
      </div>
      ${result
        ? html`<section class="panel profile" aria-labelledby="profile-title">
            <h2 id="profile-title">${t.columns.title}</h2>
            ${this.data!.checking && result.report.columns.length === 0
              ? html`<p class="muted checking" data-checking>${t.progress.checking}</p>`
              : html`<allot-column-profile .i18n=${this.i18n} .columns=${result.report.columns}></allot-column-profile>`}
          </section>`
        : nothing}
    `;
  }

  #mappingPanel() {
    const { result, input } = this.data!;
    const shown = this.pending ?? { ...input, fields: result.mapping.fields };
    return html`<section class="panel" aria-labelledby="mapping-title">
      <h2 id="mapping-title">${this.i18n.t.mapping.title}</h2>
      <allot-mapping-editor
        .i18n=${this.i18n}
        .columns=${result.columns}
        .fields=${shown.fields ?? {}}
        dateOrder=${shown.dateOrder ?? 'auto'}
        detectedOrder=${result.mapping.dateOrder}
        ?busy=${this.phase !== null}
        ?disabled=${this.running === 'load'}
        @mapping-field-change=${this.#fieldChanged}
        @date-order-change=${this.#dateOrderChanged}
        @mapping-save=${this.#saveMapping}
        @mapping-open=${this.#openMapping}
      ></allot-mapping-editor>
    </section>`;
  }

  #report() {
    const { t } = this.i18n;
    const { result, weekly } = this.data!;
    return html`<section class="panel report" aria-labelledby="report-title">
        <h2 id="report-title">${t.report.title}</h2>
        <allot-report-overview .i18n=${this.i18n} .report=${result.report}></allot-report-overview>
      </section>
      ${this.readiness ? this.#readinessPanel(this.readiness) : nothing}
      <section class="panel" aria-labelledby="chart-title">
        <h2 id="chart-title">${t.report.chartTitle}</h2>
        <allot-weekly-chart .i18n=${this.i18n} .rows=${weekly}></allot-weekly-chart>
      </section>
      <section class="panel" aria-labelledby="issues-title">
        <h2 id="issues-title">${t.report.issuesTitle}</h2>
        ${this.data!.checking ? html`<p class="muted checking" data-checking>${t.progress.checking}</p>` : nothing}
        <allot-issue-list .i18n=${this.i18n} .issues=${result.report.issues}></allot-issue-list>
      </section>`;
  }

  /** What the loaded data supports, capability by capability, before a later step needs it. */
  #readinessPanel(readiness: Readiness) {
    const { t } = this.i18n;
    return html`<section class="panel" aria-labelledby="readiness-title" data-testid="data-readiness">
      <h2 id="readiness-title">${t.data.readinessTitle}</h2>
      <ul class="readiness">
        ${readiness.map((r) => html`<li data-capability=${r.capability} data-ready=${r.ready ? 'yes' : 'no'}>
          <span class="mark" aria-label=${r.ready ? t.data.supported : t.data.notSupported}>${r.ready ? '✓' : '✕'}</span>
          <span>${this.i18n.engineText(r.message)}</span>
        </li>`)}
      </ul>
    </section>`;
  }

  /** Before the first load finishes: the report panel with what is happening instead of figures. */
  #waitingForData() {
    const { t } = this.i18n;
    const awaited = this.awaitingFiles;
    return html`<section class="panel waiting">
      <h2>${t.report.title}</h2>
      ${awaited && !this.phase
        ? html`<p data-testid="awaiting-files">${t.data.awaitingFiles(this.scenarioName, awaited.join(' + '), this.i18n.fmt.bytes(this.keptFilesBytes))}</p>
            <button type="button" data-action="load-sample" @click=${() => this.#loadSample()}>${t.data.useSampleInstead}</button>`
        : html`<p class="muted">${this.phase ? this.#phaseText(this.phase) : ''}</p>`}
    </section>`;
  }

  /**
   * The sample's report, made when the workbench was built, goes on screen at once; the engine
   * loads the sample meanwhile (its progress shows above), and its own report, the same, replaces it.
   */
  #loadSample() {
    const early = sampleReport.files[0] === SAMPLE_NAME ? sampleReport : undefined;
    void this.#run('load', (onPhase) => this.session.loadSample(sampleUrl, SAMPLE_NAME, onPhase), undefined, [], early);
  }

  #followed() {
    if (!this.followNotes.length || this.phase) return nothing;
    return html`<div class="notice" role="status" data-testid="follow-notes"><ul>${this.followNotes.map((n) => html`<li>${this.i18n.engineText(n)}</li>`)}</ul></div>`;
  }

  #alert(message: string) {
    const { t } = this.i18n;
    return html`<div class="alert" role="alert">
      <div>
        <strong>${t.data.loadFailed}</strong>
        <p class="message">${message}</p>
        ${this.errorCommand ? html`<code class="command">${this.errorCommand}</code>` : nothing}
        ${this.data ? html`<p class="small">${t.data.previousKept}</p>` : nothing}
      </div>
      <button type="button" @click=${() => (this.error = this.errorCommand = null)}>${t.data.dismiss}</button>
    </div>`;
  }

  #phaseText(phase: LoadPhase): string {
    const { t, fmt } = this.i18n;
    switch (phase.kind) {
      case 'starting':
        return t.progress.starting;
      case 'fetching-sample':
        return t.progress.fetchingSample;
      case 'reading':
        return t.progress.reading(phase.file, fmt.bytes(phase.bytes), phase.total > 1 ? t.progress.position(fmt.number(phase.index), fmt.number(phase.total)) : null);
      case 'mapping':
        return t.progress.mapping(phase.file, fmt.bytes(phase.bytes), fmt.number(phase.rows));
      case 'checking':
        return t.progress.checking;
      case 'updating':
        return t.progress.updating;
      case 'restoring':
        return t.progress.restoring;
    }
  }

  /** Runs one load or re-map; only the latest request may change what is shown. */
  async #run(
    kind: 'load' | 'remap',
    work: (onPhase: (phase: LoadPhase) => void) => Promise<LoadedData>,
    after?: (data: LoadedData) => void,
    files: File[] = [],
    early?: LoadedData,
  ) {
    const request = ++this.#request;
    const latest = () => request === this.#request;
    this.error = this.errorCommand = null;
    this.notice = null;
    this.running = kind;
    this.#startClock();
    if (early) {
      this.data = early;
      this.phase = { kind: 'starting' };
    }
    try {
      const data = await work((phase) => {
        if (!latest()) return;
        this.phase = phase;
        // The report so far goes on screen at once; the finished one replaces it below.
        if (phase.kind === 'checking' && !early) this.data = phase.data;
      });
      if (!latest()) return;
      this.data = data;
      this.#keep(kind, data);
      after?.(data);
    } catch (error) {
      if (!latest()) return;
      // A report shown before the failure belongs to the load that failed: the last good one is back.
      if (this.data?.checking || early) this.data = this.session.current;
      const biggest = isOutOfMemory(error) ? [...files].sort((a, b) => b.size - a.size)[0] : undefined;
      if (biggest) {
        // Under the size limit yet too big for DuckDB-WASM's memory: the CLI reads it.
        console.error('Allot: out of memory while loading', error);
        this.error = (i18n) => i18n.t.data.outOfMemory(biggest.name, i18n.fmt.bytes(biggest.size));
        this.errorCommand = inspectCommand(biggest.name);
      } else this.error = (i18n) => describeError(error, i18n);
    } finally {
      if (latest()) {
        this.phase = null;
        this.pending = null;
        this.running = null;
        this.#stopClock();
      }
    }
  }

  #startClock() {
    this.#stopClock();
    this.#started = performance.now();
    this.#timer = setInterval(() => {
      const ms = performance.now() - this.#started;
      this.elapsed = ms >= SHOW_ELAPSED_AFTER_MS ? Math.floor(ms / 1000) : 0;
    }, 500);
  }

  #stopClock() {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.elapsed = 0;
  }

  #filesSelected = (event: CustomEvent<File[]>) => {
    const files = event.detail;
    // Refused from its size alone, before a byte is read: reading it could take the tab down.
    const tooBig = files.find((file) => file.size > this.maxFileBytes);
    if (tooBig) {
      const { t, fmt } = this.i18n;
      this.notice = null;
      this.error = (i18n) => i18n.t.data.tooBig(tooBig.name, i18n.fmt.bytes(tooBig.size), i18n.fmt.bytes(this.maxFileBytes));
      this.errorCommand = inspectCommand(tooBig.name);
      return;
    }
    void this.#run('load', (onPhase) => this.session.load(files, onPhase), undefined, files);
    this.#files = files;
  };

  #leadTableChosen = (event: CustomEvent<number>) => {
    void this.#run('load', (onPhase) => this.session.useAsLeadTable(event.detail, onPhase));
  };

  #fieldChanged = (event: CustomEvent<FieldChoice>) => {
    const { field, column } = event.detail;
    const base = this.pending ?? { ...this.data!.input, fields: this.data!.result.mapping.fields };
    // null keeps the field unmapped: the data layer would otherwise guess it again from the column names.
    this.#remap({ ...base, fields: { ...base.fields, [field]: column } });
  };

  #dateOrderChanged = (event: CustomEvent<DateOrderChoice>) => {
    const base = this.pending ?? { ...this.data!.input, fields: this.data!.result.mapping.fields };
    this.#remap({ ...base, dateOrder: event.detail });
  };

  #remap(input: MappingInput, after?: (data: LoadedData) => void) {
    this.pending = input;
    void this.#run('remap', (onPhase) => this.session.remap(input, onPhase), after);
  }

  #saveMapping = () => {
    const data = this.data!;
    downloadText(mappingFileName(data.files[0]), mappingFileText(data.result.mapping));
  };

  #openMapping = async (event: CustomEvent<File>) => {
    const file = event.detail;
    let input: MappingInput;
    try {
      input = parseMappingFile(file.name, await file.text(), this.i18n.t.mapping);
    } catch (error) {
      this.error = (i18n) => describeError(error, i18n);
      this.errorCommand = null;
      return;
    }
    this.#remap(input, () => (this.notice = this.i18n.t.mapping.opened(file.name)));
  };
}

/** DuckDB-WASM's "Out of Memory Error", or the browser refusing a buffer that big. */
function isOutOfMemory(error: unknown): boolean {
  // A RangeError in the worker arrives as an engine error carrying its words.
  return error instanceof RangeError || (error instanceof Error && /out of memory|allocation failed|array buffer/i.test(error.message));
}

/** Input problems carry their own message (file, row, column or path); anything else is unexpected. */
function describeError(error: unknown, i18n: I18n): string {
  if (error instanceof MappingFileError) return error.message;
  return i18n.errorText(error);
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-data-step': DataStep;
  }
}
