import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { backtestForecastChart } from '../charts/backtest-forecast';
import { conversionHeatmap, heatmapAxes } from '../charts/conversion-heatmap';
import { decayCurveChart } from '../charts/decay-curve';
import { repEffectsChart } from '../charts/rep-effects';
import { segmentDemandChart } from '../charts/segment-demand';
import { runErrorAlert } from '../step/run-error';
import { WorkbenchStep } from '../step/workbench-step';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import './chart-host';
import './decay-editor';
import type { DecayEdit } from './decay-editor';
import type { ScenarioProposal } from '../../model/proposal';
import type { Readiness } from '../../model/readiness';
import type { Scenario } from '../../model/scenario';
import './setup-panel';
import { cellsOf, type PackedEstimates } from '../engine/packed-estimates';
import type { BacktestReport } from '../../model/backtest';
import { LatestRun } from '../step/latest-run';

/** What must be redone before the step shows current numbers. */

/**
 * Step 3, 模型: the estimates of the loaded leads under the current scenario. Works only while
 * shown; a change made elsewhere marks it stale and it catches up when shown again. The last
 * result stays on screen until the new one is ready, and a newer run cancels the older one.
 */
@customElement('allot-model-step')
export class ModelStep extends WorkbenchStep {
  /** This step's own estimates of the loaded leads, the ones it draws. */
  @state() private fitted: PackedEstimates | null = null;
  @state() private backtest: BacktestReport | null = null;
  @state() private proposal: ScenarioProposal | null = null;
  @state() private readiness: Readiness | null = null;
  /** The backtest's own run: asked for once the estimates are drawn, it shows its own progress in its panel. */
  readonly #backtestRun = new LatestRun(this);
  /** Refreshes begun: a refresh asks for the backtest only while no newer one has begun. */
  #refreshes = 0;
  #stale = true;

  static override styles = [
    shared,
    stepStyles,
    css`
      .wide {
        margin-top: 4px;
      }
      .legend {
        font-size: 12px;
        color: var(--muted);
        margin-top: 4px;
      }
      .pending {
        display: flex;
        align-items: center;
        gap: 8px;
        font-size: 13px;
        color: var(--muted);
      }
      [aria-busy='true'] allot-chart {
        opacity: 0.6;
        transition: opacity 0.2s;
      }
    `,
  ];

  override updated() {
    if (this.active && this.#stale) void this.#refresh();
  }

  protected override dataChanged() {
    this.#markStale();
  }

  protected override scenarioChanged() {
    this.#markStale();
  }

  #markStale() {
    this.#stale = true;
    if (this.active) void this.#refresh();
  }

  /**
   * Asks the worker for the estimates of the scenario as it stands, then for its backtest; it keeps
   * both by what they depend on, so a decay edit re-estimates and the backtest (no decay in it)
   * comes back at once. The backtest reads two more periods and fits the model again, which on a
   * large team took longer than the estimates themselves: asked for together, the estimates waited
   * for it on the one engine worker. A failed run is shown once and not tried again until the data
   * or the scenario changes (or the user asks).
   */
  async #refresh() {
    if (!this.session.current) return;
    this.#stale = false;
    const scenario = this.store.scenario;
    void this.#refreshReadiness(scenario);
    // A backtest of the scenario before this change would hold up the new estimates.
    this.#backtestRun.cancel();
    const refresh = ++this.#refreshes;
    let estimated = false;
    await this.latest.start(async (signal) => {
      this.fitted = await this.engine.call('estimates', { scenario }, { signal });
      estimated = true;
    });
    // The proposal reads every candidate field and fits each (0.9 s in Node on a large team, worker
    // time the estimates would share): asked for once the estimates are drawn, or have failed,
    // since it helps fix a set-up they cannot honour.
    void this.#refreshProposal(scenario);
    if (estimated && refresh === this.#refreshes) await this.#refreshBacktest(scenario);
  }

  async #refreshBacktest(scenario: Scenario) {
    await this.#backtestRun.start(async (signal) => {
      this.backtest = await this.engine.call('backtest', { scenario }, { signal });
    });
  }

  /**
   * The set-up's proposal and what the data supports depend on the data alone, so they are asked
   * for apart from the estimates (which a bad set-up may fail), each on its own: a set-up the
   * estimates cannot honour fails the readiness (and the estimates' run shows why, once), not the
   * proposal that helps the user fix it.
   */
  async #refreshReadiness(scenario: Scenario) {
    if (!this.session.current) return;
    try {
      this.readiness = await this.engine.call('readiness', { scenario });
    } catch {
      this.readiness = null;
    }
  }

  async #refreshProposal(scenario: Scenario) {
    if (!this.session.current) return;
    try {
      this.proposal = await this.engine.call('proposal', { scenario });
    } catch (error) {
      console.warn('Allot: no set-up proposal', error);
    }
  }

  override render() {
    const { t } = this.i18n;
    const e = this.fitted;
    const { busy, error } = this.latest;
    return html`
      <div class="head">
        <h1>${t.model.title}</h1>
        <p class="muted">${t.model.intro}</p>
      </div>
      <div role="status" aria-live="polite" class="status">
        ${busy ? html`<span class="spinner" aria-hidden="true"></span><span>${t.model.estimating}</span>` : e ? this.#summary(e) : !this.session.current ? t.model.needsData : ''}
      </div>
      ${this.session.current
        ? html`<section class="panel wide" aria-labelledby="setup-title" data-panel="setup">
            <h2 id="setup-title">${t.model.setup.title}</h2>
            <p class="help">${t.model.setup.intro}</p>
            <allot-setup-panel
              .i18n=${this.i18n}
              .scenario=${this.store.scenario}
              .proposal=${this.proposal}
              .readiness=${this.readiness}
              .columns=${this.session.current.result.attributes}
              .reps=${this.store.reps ?? []}
              @scenario-edit=${(event: CustomEvent<Scenario>) => this.store.replace(event.detail)}
            ></allot-setup-panel>
          </section>`
        : nothing}
      ${error ? runErrorAlert(this.i18n, t.model.failed, error, () => void this.#refresh()) : nothing}
      ${e ? this.#charts(e) : nothing}
    `;
  }

  #summary(e: PackedEstimates) {
    const { t, fmt } = this.i18n;
    const leads = e.segments.reduce((s, x) => s + x.leads, 0);
    const decided = e.segments.reduce((s, x) => s + x.decided, 0);
    return t.model.summary(fmt.number(leads), fmt.number(decided), fmt.number(e.segments.length), fmt.number(e.reps.length), fmt.number(e.arrivals.weeks));
  }

  #charts(e: PackedEstimates) {
    const { t, fmt } = this.i18n;
    const m = t.model;
    const roster = this.store.reps;
    const repNames = new Map((roster ?? []).map((r) => [r.rep_id, r.name]));
    const { reps, segments } = heatmapAxes(e.segments, e.reps);
    const cut = reps.length < e.reps.length || segments.length < e.segments.length;
    // What each chart is drawn from: the step renders on every change anywhere, the charts redraw only when these change.
    const key = [e, roster, this.i18n];
    const busy = this.latest.busy ? 'true' : 'false';
    const scenarioDecay = this.store.scenario.decay ?? null;
    return html`
      <section class="panel wide" aria-labelledby="heatmap-title" aria-busy=${busy} data-chart="heatmap">
        <h2 id="heatmap-title">${m.heatmapTitle}</h2>
        <p class="help">${m.heatmapHelp}</p>
        <allot-chart
          .key=${key}
          .draw=${(width: number) =>
            conversionHeatmap(cellsOf(e.conversion, segments, reps), {
              width,
              fmt,
              reps,
              repNames,
              segments,
              labels: { title: m.heatmapTitle, rep: m.rep, segment: m.segment, conversion: m.conversion, interval: m.interval, evidence: m.evidence, neverSeen: m.neverSeen },
            })}
        ></allot-chart>
        <p class="legend">${m.neverSeenLegend}</p>
        ${cut
          ? html`<p class="legend" data-testid="heatmap-largest">
              ${m.heatmapLargest(fmt.number(segments.length), fmt.number(e.segments.length), fmt.number(reps.length), fmt.number(e.reps.length))}
            </p>`
          : nothing}
      </section>
      <div class="grid">
        <section class="panel" aria-labelledby="effects-title" aria-busy=${busy} data-chart="rep-effects">
          <h2 id="effects-title">${m.effectsTitle}</h2>
          <p class="help">${m.effectsHelp}</p>
          <allot-chart
            .key=${key}
            .draw=${(width: number) =>
              repEffectsChart(e.reps, { width, fmt, repNames, labels: { title: m.effectsTitle, effect: m.effectAxis, significant: m.significant, interval: m.interval, evidence: m.evidence, neverSeen: m.neverSeen } })}
          ></allot-chart>
        </section>
        <section class="panel" aria-labelledby="demand-title" aria-busy=${busy} data-chart="demand">
          <h2 id="demand-title">${m.demandTitle}</h2>
          <p class="help">${m.demandHelp}</p>
          <allot-chart .key=${key} .draw=${(width: number) => segmentDemandChart(e.segments, { width, fmt, labels: { title: m.demandTitle, perWeek: m.perWeek, sd: m.sd } })}></allot-chart>
        </section>
        <section class="panel" aria-labelledby="decay-title" aria-busy=${busy} data-chart="decay">
          <h2 id="decay-title">${m.decayTitle}</h2>
          <p class="help">${m.decayHelp} ${e.decay.points.some((p) => p.decided > 0) ? m.fittedPoints : ''}</p>
          <allot-decay-editor .i18n=${this.i18n} .decay=${e.decay} ?custom=${scenarioDecay !== null} @decay-edit=${this.#decayEdited}></allot-decay-editor>
          <allot-chart .key=${key} .draw=${(width: number) => decayCurveChart(e.decay, { width, fmt, labels: { title: m.decayTitle, hours: m.hoursAxis, multiplier: m.multiplierAxis } })}></allot-chart>
        </section>
        <section class="panel" aria-labelledby="backtest-title" aria-busy=${this.#backtestRun.busy ? 'true' : 'false'} data-chart="backtest">
          <h2 id="backtest-title">${m.backtestTitle}</h2>
          ${this.#backtest()}
        </section>
      </div>
    `;
  }

  #backtest() {
    const { t, fmt } = this.i18n;
    const m = t.model;
    const bt = this.backtest;
    const { busy, error } = this.#backtestRun;
    if (error) return runErrorAlert(this.i18n, m.backtestFailed, error, () => void this.#refreshBacktest(this.store.scenario));
    // Not the step's own .status: that one says whether the estimates are in.
    if (busy && !bt) return html`<p class="pending" role="status"><span class="spinner" aria-hidden="true"></span><span>${m.backtesting}</span></p>`;
    if (!bt) return html`<p class="muted">${m.backtestUnavailable}</p>`;
    const cover = (x: number | null) => (x === null ? '–' : fmt.percent(x));
    const { coverage } = bt;
    return html`<p class="help">${m.backtestHelp(fmt.date(bt.cutoff), fmt.number(bt.fit.decided), fmt.number(bt.heldOut.decided))}</p>
      <allot-chart
        .key=${[bt, this.i18n]}
        .draw=${(width: number) => backtestForecastChart(bt.segments, { width, fmt, labels: { title: m.backtestTitle, forecast: m.forecast, actual: m.actual, interval: m.interval } })}
      ></allot-chart>
      <p class="legend" data-testid="coverage">${m.coverage(cover(coverage.segments), cover(coverage.reps), cover(coverage.cells))}</p>`;
  }

  #decayEdited = (event: CustomEvent<DecayEdit>) => this.store.setDecay(event.detail);
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-model-step': ModelStep;
  }
}
