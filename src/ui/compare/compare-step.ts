import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Scenario } from '../../model/scenario';
import type { Comparison } from '../../simulate';
import { verdicts } from '../../simulate/verdict';
import type { FrontierView, PlanView } from '../../pipeline';
import type { FloorCost } from '../../optimize/floor-cost';
import { withSimulation } from '../policies/scenario-edits';
import { runErrorAlert } from '../step/run-error';
import { WorkbenchStep } from '../step/workbench-step';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import { compareStyles } from './compare.styles';
import { comparisonKey } from '../../pipeline';
import { againstBaseline, WHAT_IF_REPLICATIONS, type RunKind } from './compare-run';
import { planWarningStyles, planWarnings } from '../policies/plan-warnings';
import { keepSnapshot, type KeptScenario } from '../state/kept-scenarios';
import { HEADLINE, type HeadlineMetric, forecastCharts, frontierChart, lorenzCharts, pairedChart, policyTable, repLoad, touchCharts } from './compare-views';
import './scenarios-side-by-side';
import './what-if-panel';

/** How long the controls must rest before a what-if run starts. */
const DEBOUNCE_MS = 300;

interface Running {
  kind: RunKind;
  done: number;
  total: number;
}

/**
 * Step 5, 对比: the scenario's policies simulated side by side (the CLI's `allot simulate`), with
 * the what-if controls beside them. Moving a control re-solves and re-simulates with a few
 * replications in the background; the previous result stays, dimmed, until the new one is ready,
 * and a newer run cancels the older one.
 */
@customElement('allot-compare-step')
export class CompareStep extends WorkbenchStep {
  /** The last finished run, as run (against its own baseline); public so tests can read the raw numbers. */
  @state() comparison: Comparison | null = null;
  @state() private ran: { kind: RunKind; replications: number } | null = null;
  @state() private plan: PlanView | null = null;
  @state() private floorCost: FloorCost | null = null;
  @state() private frontier: FrontierView | null = null;
  /** The progress of the latest run; shown only while it runs. */
  @state() private progress: Running | null = null;
  @state() private pairedMetric: HeadlineMetric = 'conversions';
  @state() private loadPolicy = 'optimized';
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The run key of what is shown (or running); a change of scenario with the same key needs no run. */
  #key = '';
  /** The scenario the shown comparison ran for, and its run key: only that result may be kept. */
  #ran: { scenario: Scenario; key: string } | null = null;

  static override styles = [shared, stepStyles, compareStyles, planWarningStyles];

  override connectedCallback() {
    super.connectedCallback();
    this.store.addEventListener('kept-change', this.#keptChanged);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.store.removeEventListener('kept-change', this.#keptChanged);
  }

  #keptChanged = () => this.requestUpdate();

  override updated() {
    if (this.active && this.#key !== this.#currentKey()) this.#schedule(0);
  }

  #currentKey = () => `${this.session.current ? 'data' : ''}\u0000${comparisonKey(this.store.scenario)}`;

  protected override dataChanged() {
    this.#key = '';
    if (this.active) this.#schedule(DEBOUNCE_MS);
  }

  protected override scenarioChanged() {
    if (this.active && this.#key !== this.#currentKey()) this.#schedule(DEBOUNCE_MS);
  }

  /** What runs now, with its progress; null when nothing runs. */
  get #running(): Running | null {
    return this.latest.busy ? this.progress : null;
  }

  #schedule(ms: number) {
    clearTimeout(this.#timer);
    this.#key = this.#currentKey();
    this.#timer = setTimeout(() => void this.#start('whatif'), ms);
  }

  /** Runs the comparison: a what-if with a few replications, or the scenario's full count. */
  #start(kind: RunKind) {
    clearTimeout(this.#timer);
    const scenario = this.store.scenario;
    this.#key = this.#currentKey();
    const key = this.#key;
    const full = scenario.simulation.replications;
    const replications = kind === 'full' ? full : Math.min(WHAT_IF_REPLICATIONS, full);
    this.progress = { kind, done: 0, total: replications };
    return this.latest.start(async (signal) => {
      this.latest.requireData(this.session.current);
      const plan = this.engine.call('plan', { scenario }, { signal });
      const floorCost = this.engine.call('floorCost', { scenario }, { signal });
      // The worker keeps the frontier until something it depends on changes (not the volume, not λ).
      // Asked once the run is prepared: its solves (seconds for a large team) then use the engine
      // worker while the replications run on the others, rather than delay the run's preparation.
      let frontier: Promise<FrontierView> | null = null;
      const askFrontier = () => {
        if (frontier) return frontier;
        frontier = this.engine.call('frontier', { scenario }, { signal });
        frontier.catch(() => undefined); // awaited below, after the comparison; not unhandled meanwhile
        return frontier;
      };
      const compared = this.engine.call('compare', { scenario, replications }, {
        signal,
        onProgress: ({ done, total, stage }) => {
          if (stage === 'simulating' || done === total) askFrontier();
          if (!signal.aborted && stage === 'simulating') this.progress = { kind, done, total };
        },
      });
      // Awaited together: whichever fails first is the run's error, and none is left unhandled.
      const [planned, floor, comparison] = await Promise.all([plan, floorCost, compared.then((result) => {
        askFrontier();
        return result;
      })]);
      const bounds = await askFrontier();
      [this.plan, this.floorCost, this.frontier] = [planned, floor, bounds];
      this.comparison = comparison;
      this.#ran = { scenario, key };
      this.ran = { kind, replications };
      if (!comparison.names.includes(this.loadPolicy)) this.loadPolicy = comparison.names.at(-1)!;
    });
  }

  #cancel = () => {
    this.latest.cancel();
    // What is shown is no longer what the scenario says: the next change (or Run) starts again.
    this.#key = '';
  };

  override render() {
    const { t, fmt } = this.i18n;
    const c = t.compare;
    const scenario = this.store.scenario;
    return html`
      <div class="head">
        <h1>${c.title}</h1>
        <p class="muted">${c.intro}</p>
      </div>
      ${this.latest.error ? runErrorAlert(this.i18n, c.failed, this.latest.error, () => void this.#start(this.progress?.kind ?? 'whatif')) : nothing}
      <div class="layout">
        <aside class="side">
          <section class="panel" aria-labelledby="whatif-title">
            <h2 id="whatif-title">${c.whatIfTitle}</h2>
            <p class="help">${c.whatIfHelp}</p>
            <allot-what-if-panel .i18n=${this.i18n} .scenario=${scenario} .reps=${this.store.reps ?? []} @scenario-edit=${this.#edited}></allot-what-if-panel>
          </section>
          <section class="panel run" aria-labelledby="run-title">
            <h2 id="run-title" class="visually-hidden">${c.runTitle}</h2>
            ${this.#status()}
            <div class="buttons">
              <button type="button" class="primary" data-action="run-full" ?disabled=${this.#running?.kind === 'full'} @click=${() => void this.#start('full')}>${c.runFull(fmt.number(scenario.simulation.replications))}</button>
              ${this.#running ? html`<button type="button" data-action="cancel" @click=${this.#cancel}>${c.cancel}</button>` : nothing}
              <button type="button" data-action="keep" aria-describedby="keep-help" ?disabled=${!this.#keepable()} @click=${this.#keep}>${c.keep}</button>
            </div>
            <p class="help" id="keep-help">${c.keepHelp}</p>
          </section>
        </aside>
        <div class="results" aria-busy=${this.#running ? 'true' : 'false'}>${this.#shownResults(scenario)}</div>
      </div>
    `;
  }

  #status() {
    const { t, fmt } = this.i18n;
    const c = t.compare;
    const full = this.store.scenario.simulation.replications;
    const run = this.#running;
    const notReady = this.latest.notReady;
    const progress = run
      ? html`<div class="progress" role="status" aria-live="polite" data-testid="progress">
          <span class="spinner" aria-hidden="true"></span>
          <span>${run.done === 0 ? c.preparing : c.progress(fmt.number(run.done), fmt.number(run.total))}</span>
          <progress max=${run.total} .value=${run.done} aria-label=${c.runTitle}></progress>
        </div>`
      : notReady
        ? html`<p role="status">${notReady === 'data' ? c.needsData : c.needsRoster}</p>`
        : nothing;
    const ran = this.ran;
    const what = ran ? html`<p class="help" data-testid="run-kind">${ran.kind === 'full' ? c.fullRun(fmt.number(ran.replications)) : c.quickRun(fmt.number(ran.replications), fmt.number(full))} ${c.seed(String(this.store.scenario.simulation.seed))}</p>` : nothing;
    return html`${progress}${what}`;
  }

  /**
   * The results, drawn again only when something they show changed: a progress tick re-renders
   * the step, and redrawing a dozen charts on each one kept the main thread busy for 100 ms at a time.
   */
  #shownResults(scenario: Scenario) {
    const baseline = this.#baseline(scenario);
    const deps = [this.comparison, baseline, scenario, this.i18n, this.pairedMetric, this.loadPolicy, this.plan, this.floorCost, this.frontier, this.store.kept, this.ran];
    const cached = this.#resultsCache;
    if (cached && cached.deps.length === deps.length && cached.deps.every((d, i) => d === deps[i])) return cached.template;
    const shown = this.comparison ? againstBaseline(this.comparison, baseline) : null;
    const template = shown ? this.#results(shown, scenario) : this.store.kept.length ? this.#sideBySide(null) : nothing;
    this.#resultsCache = { deps, template };
    return template;
  }

  #resultsCache: { deps: unknown[]; template: unknown } | null = null;

  #baseline(scenario: Scenario): string {
    const chosen = scenario.simulation.baseline;
    return chosen && this.comparison?.names.includes(chosen) ? chosen : (this.comparison?.baseline ?? '');
  }

  #results(shown: Comparison, scenario: Scenario) {
    const { t } = this.i18n;
    const c = t.compare;
    const names = shown.names;
    const label = (n: string) => (t.policies.policyNames as Record<string, string>)[n] ?? n;
    return html`
      <section class="panel" aria-labelledby="table-title" data-panel="forecasts">
        <div class="title-row">
          <h2 id="table-title">${c.tableTitle}</h2>
          <label>${c.baseline}
            <select data-control="baseline" @change=${(e: Event) => this.store.replace(withSimulation(scenario, { baseline: (e.target as HTMLSelectElement).value as Scenario['policies'][number] }))}>
              ${names.map((n) => html`<option value=${n} ?selected=${n === shown.baseline}>${label(n)}</option>`)}
            </select></label>
        </div>
        <ul class="verdict" data-testid="verdict">${verdicts(shown, scenario.simulation.weeks, label).map((v) => html`<li data-code=${v.code}>${this.i18n.engineText(v)}</li>`)}</ul>
        ${this.#planWarnings(names)}
        <p class="help">${c.tableHelp(this.i18n.fmt.number(scenario.simulation.weeks))} ${c.routedAsideHelp}</p>
        ${policyTable(this.i18n, shown)} ${forecastCharts(this.i18n, shown)}
      </section>
      ${this.#sideBySide(this.#ran ? keepSnapshot({ ...this.#ran.scenario, name: scenario.name }, shown) : null)}
      <div class="grid">
        <section class="panel" aria-labelledby="paired-title">
          <div class="title-row">
            <h2 id="paired-title">${c.pairedTitle}</h2>
            <label class="visually-hidden" for="paired-metric">${c.metric}</label>
            <select id="paired-metric" @change=${(e: Event) => (this.pairedMetric = (e.target as HTMLSelectElement).value as HeadlineMetric)}>
              ${HEADLINE.map((m) => html`<option value=${m} ?selected=${m === this.pairedMetric}>${c.metrics[m]}</option>`)}
            </select>
          </div>
          <p class="help">${c.pairedHelp(label(shown.baseline))}</p>
          ${pairedChart(this.i18n, shown, this.pairedMetric)}
        </section>
        <section class="panel" aria-labelledby="frontier-title">
          <h2 id="frontier-title">${c.frontierTitle}</h2>
          <p class="help">${c.frontierHelp}</p>
          ${this.frontier ? frontierChart(this.i18n, this.frontier, this.plan) : nothing}
          ${this.floorCost
            ? html`<p class="help" data-testid="frontier-floor-cost">${this.i18n.engineText(this.floorCost.note)}</p>`
            : nothing}
        </section>
        <section class="panel" aria-labelledby="load-title">
          <div class="title-row">
            <h2 id="load-title">${c.repLoadTitle}</h2>
            <label class="visually-hidden" for="load-policy">${c.policy}</label>
            <select id="load-policy" data-control="load-policy" @change=${(e: Event) => (this.loadPolicy = (e.target as HTMLSelectElement).value)}>
              ${names.map((n) => html`<option value=${n} ?selected=${n === this.loadPolicy}>${label(n)}</option>`)}
            </select>
          </div>
          <p class="help">${c.repLoadHelp}</p>
          ${repLoad(this.i18n, shown, this.loadPolicy)}
        </section>
        <section class="panel" aria-labelledby="touch-title">
          <h2 id="touch-title">${c.serviceTitle}</h2>
          <p class="help">${c.serviceHelp}</p>
          ${touchCharts(this.i18n, shown, scenario.simulation.slaHours)}
        </section>
      </div>
      <section class="panel wide" aria-labelledby="lorenz-title">
        <h2 id="lorenz-title">${c.lorenzTitle}</h2>
        <p class="help">${c.lorenzHelp}</p>
        ${lorenzCharts(this.i18n, shown)}
      </section>
      <section class="panel wide" aria-labelledby="notes-title" data-panel="notes">
        <h2 id="notes-title">${c.notesTitle}</h2>
        <ul class="notes">${shown.notes.map((n) => html`<li>${this.i18n.engineText(n)}</li>`)}</ul>
      </section>
    `;
  }

  /** What the optimized plan would harm, when a compared policy runs it (optimized, or Salesforce's rotation of it). */
  #planWarnings(names: readonly string[]) {
    if (!this.plan || !names.some((n) => n === 'optimized' || n === 'salesforce_mod')) return nothing;
    return planWarnings(this.i18n, this.i18n.t.compare.planWarningsTitle, this.plan.warnings);
  }

  #sideBySide(current: KeptScenario | null) {
    const c = this.i18n.t.compare;
    const id = (e: Event) => (e as CustomEvent<{ id: string }>).detail.id;
    return html`<section class="panel" aria-labelledby="kept-title" data-panel="side-by-side">
      <h2 id="kept-title">${c.keptTitle}</h2>
      <p class="help">${c.keptHelp}</p>
      <allot-scenarios-side-by-side
        .i18n=${this.i18n}
        .current=${current}
        .kept=${this.store.kept}
        @kept-open=${(e: Event) => this.#open(id(e))}
        @kept-remove=${(e: Event) => this.store.removeKept(id(e))}
        @kept-rename=${(e: CustomEvent<{ id: string; name: string }>) => (e.detail.name ? this.store.renameKept(e.detail.id, e.detail.name) : this.requestUpdate())}
      ></allot-scenarios-side-by-side>
    </section>`;
  }

  /** Only a finished result of the scenario as it now stands can be kept: not one being replaced, nor one of older settings. */
  #keepable(): boolean {
    return !!this.comparison && !this.#running && this.#ran?.key === this.#currentKey();
  }

  #keep = () => {
    if (!this.#keepable() || !this.comparison) return;
    const scenario = this.store.scenario;
    // Never named like the current scenario or another kept one: side by side, each column must say which it is.
    const taken = new Set([scenario.name, ...this.store.kept.map((k) => k.name)]);
    let n = 1;
    while (taken.has(this.i18n.t.compare.keptAs(scenario.name, String(n)))) n++;
    const snapshot = keepSnapshot(scenario, againstBaseline(this.comparison, this.#baseline(scenario)));
    this.store.keep({ ...snapshot, name: this.i18n.t.compare.keptAs(scenario.name, String(n)) });
  };

  /** A kept scenario becomes the current one again, under the name it was kept as. */
  #open(id: string) {
    const kept = this.store.kept.find((k) => k.id === id);
    if (kept) this.store.replace({ ...kept.scenario, name: kept.name });
  }

  #edited = (event: CustomEvent<Scenario>) => this.store.replace(event.detail);
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-compare-step': CompareStep;
  }
}
