import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { POLICY_NAMES, type PolicyName, type Scenario } from '../../model/scenario';
import { repLoadChart } from '../charts/rep-load';
import type { FloorCost } from '../../optimize/floor-cost';
import type { PlanView } from '../../pipeline';
import '../model/chart-host';
import { LatestRun } from '../step/latest-run';
import { runErrorAlert } from '../step/run-error';
import { WorkbenchStep } from '../step/workbench-step';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import './optimizer-controls';
import type { SegmentValues } from './optimizer-controls';
import './pins-editor';
import { planWarningStyles, planWarnings } from './plan-warnings';
import { withPolicies } from './scenario-edits';

/** How long a control must rest before the plan is solved again. */
const DEBOUNCE_MS = 250;

/**
 * Step 4, 分配策略: which policies to compare, the optimizer's settings, and the optimized plan
 * they give, solved again in the engine worker whenever a setting moves. The last plan stays
 * (dimmed) until the new one is ready; a newer solve cancels the older one.
 */
@customElement('allot-policies-step')
export class PoliciesStep extends WorkbenchStep {
  @state() private plan: PlanView | null = null;
  /** What the shown plan's floor costs; undefined while it is being worked out (a second solve, after the plan is on screen). */
  @state() private floorCost: FloorCost | null | undefined = undefined;
  readonly #floorRun = new LatestRun(this);
  @state() private segmentValues: SegmentValues = {};
  #stale = true;
  #timer: ReturnType<typeof setTimeout> | undefined;

  static override styles = [
    shared,
    stepStyles,
    planWarningStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(320px, 400px) minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      li label {
        font-weight: 600;
        font-size: 13px;
      }
      li p {
        font-size: 12px;
        color: var(--muted);
        margin-left: 22px;
      }
      .figures {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 28px;
        margin: 8px 0 12px;
      }
      .figures dt {
        font-size: 12px;
        color: var(--muted);
      }
      .figures dd {
        margin: 0;
        font-size: 20px;
        font-weight: 600;
      }
      [aria-busy='true'] .result {
        opacity: 0.55;
        transition: opacity 0.2s;
      }
      .floor-cost {
        font-size: 13px;
        margin: 0 0 12px;
      }
      .notes {
        font-size: 12px;
        color: var(--muted);
        margin: 8px 0 0;
        padding-left: 18px;
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  override updated() {
    if (this.active && this.#stale) this.#schedule(0);
  }

  protected override dataChanged() {
    this.#changed();
  }

  protected override scenarioChanged() {
    this.#changed();
  }

  #changed() {
    this.#stale = true;
    if (this.active) this.#schedule(DEBOUNCE_MS);
  }

  #schedule(ms: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#solve(), ms);
  }

  #solve() {
    this.#stale = false;
    this.#floorRun.cancel();
    return this.latest.start(async (signal) => {
      this.latest.requireData(this.session.current);
      const scenario = this.store.scenario;
      // Asked together: the estimates are the worker's already, the plan is the solve.
      const [estimates, plan] = await Promise.all([this.engine.call('estimates', { scenario }, { signal }), this.engine.call('plan', { scenario }, { signal })]);
      this.segmentValues = segmentValues(estimates.segments.map((s) => s.fields));
      this.plan = plan;
      this.floorCost = undefined;
      if (plan.status === 'optimal') void this.#solveFloorCost(scenario);
    });
  }

  /** The plan solved again without the floor: shown beneath the plan once it is in, so the plan need not wait for it. */
  #solveFloorCost(scenario: Scenario) {
    return this.#floorRun.start(async (signal) => {
      this.floorCost = await this.engine.call('floorCost', { scenario }, { signal });
    });
  }

  override render() {
    const { t } = this.i18n;
    const p = t.policies;
    const scenario = this.store.scenario;
    const { busy, notReady, error } = this.latest;
    return html`
      <div class="head">
        <h1>${p.title}</h1>
        <p class="muted">${p.intro}</p>
      </div>
      <div role="status" aria-live="polite" class="status">
        ${busy ? html`<span class="spinner" aria-hidden="true"></span><span>${p.solving}</span>` : notReady ? (notReady === 'data' ? p.needsData : p.needsRoster) : ''}
      </div>
      ${error ? runErrorAlert(this.i18n, p.failed, error, () => void this.#solve()) : nothing}
      <div class="layout">
        <div class="side">
          <section class="panel" aria-labelledby="controls-title">
            <h2 id="controls-title">${p.controlsTitle}</h2>
            <p class="help">${p.controlsHelp}</p>
            <allot-optimizer-controls .i18n=${this.i18n} .scenario=${scenario} .segmentValues=${this.segmentValues} @scenario-edit=${this.#edited}></allot-optimizer-controls>
            <allot-pins-editor .i18n=${this.i18n} .scenario=${scenario} .segmentValues=${this.segmentValues} .reps=${this.store.reps ?? []} .planStatus=${this.plan?.status ?? null} @scenario-edit=${this.#edited}></allot-pins-editor>
          </section>
          <section class="panel" aria-labelledby="baselines-title">
            <h2 id="baselines-title">${p.baselinesTitle}</h2>
            <p class="help">${p.baselinesHelp}</p>
            <ul>
              ${POLICY_NAMES.map(
                (name) => html`<li>
                  <label><input type="checkbox" data-policy=${name} .checked=${scenario.policies.includes(name)} aria-describedby=${`help-${name}`} @change=${(e: Event) => this.#togglePolicy(scenario, name, e)} /> ${p.policyNames[name]}</label>
                  <p id=${`help-${name}`}>${p.policyHelp[name]}</p>
                </li>`,
              )}
            </ul>
          </section>
        </div>
        <section class="panel" aria-labelledby="plan-title" aria-busy=${busy ? 'true' : 'false'} data-panel="plan">
          <h2 id="plan-title">${p.planTitle}</h2>
          <p class="help">${p.planHelp}</p>
          <div class="result">${this.plan ? this.#plan(this.plan, scenario) : nothing}</div>
        </section>
      </div>
    `;
  }

  #plan(plan: PlanView, scenario: Scenario) {
    const { t, fmt } = this.i18n;
    const p = t.policies;
    if (plan.status !== 'optimal') {
      return html`<div class="alert" role="alert" data-plan-status=${plan.status}>
          <strong>${p.statuses[plan.status]}</strong>
          <ul class="notes">${plan.reasons.map((r) => html`<li>${this.i18n.engineText(r)}</li>`)}</ul>
        </div>
        ${planWarnings(this.i18n, p.warningsTitle, plan.warnings)}`;
    }
    const reps = this.store.reps ?? [];
    const absent = new Set(scenario.simulation.absent);
    const byId = new Map(plan.perRep.map((r) => [r.id, r]));
    const rows = reps.map((rep) => ({ name: rep.name || rep.rep_id, load: byId.get(rep.rep_id)?.leadsPerWeek ?? 0, capacity: rep.capacity_per_week, absent: absent.has(rep.rep_id) }));
    const figure = (key: string, label: string, value: string) => html`<div data-figure=${key}><dt>${label}</dt><dd class="num">${value}</dd></div>`;
    // The warnings and the floor's cost are among the notes too: said once, where they stand out.
    const apart = new Set<string>(plan.warnings.map((w) => w.code));
    return html`${planWarnings(this.i18n, p.warningsTitle, plan.warnings)}
      <dl class="figures">
        ${figure('conversions', p.conversionsPerWeek, fmt.number(plan.totals.conversionsPerWeek))}
        ${figure('value', p.valuePerWeek, fmt.number(Math.round(plan.totals.valuePerWeek)))}
        ${figure('leads', p.leadsPerWeek, fmt.number(plan.totals.leadsPerWeek))}
        ${figure('overflow', p.overflowPerWeek, fmt.number(plan.totals.overflowPerWeek))}
      </dl>
      ${this.#floorCostLine(scenario)}
      <h3>${p.loadTitle}</h3>
      <allot-chart
        data-chart="plan-load"
        .key=${[plan, reps, scenario.simulation.absent.join('\n'), this.i18n]}
        .draw=${(width: number) => repLoadChart(rows, { width, format: fmt.number, labels: { title: p.loadTitle, load: p.load, capacity: p.capacityAxis, interval: p.interval, absent: p.absent } })}
      ></allot-chart>
      ${absent.size ? html`<p class="help">${p.absentPlanNote}</p>` : nothing}
      <ul class="notes">${plan.notes.filter((n) => !apart.has(n.code)).map((n) => html`<li>${this.i18n.engineText(n)}</li>`)}</ul>`;
  }

  #floorCostLine(scenario: Scenario) {
    const p = this.i18n.t.policies;
    const run = this.#floorRun;
    if (run.error) return runErrorAlert(this.i18n, p.floorCostFailed, run.error, () => void this.#solveFloorCost(scenario));
    if (this.floorCost === undefined) {
      return html`<p class="floor-cost pending" data-testid="floor-cost" aria-busy="true"><span class="spinner" aria-hidden="true"></span><span>${p.floorCostSolving}</span></p>`;
    }
    return html`<p class="floor-cost" data-testid="floor-cost">${this.floorCost ? this.i18n.engineText(this.floorCost.note) : p.floorOff}</p>`;
  }

  #togglePolicy(scenario: Scenario, name: PolicyName, event: Event) {
    const input = event.target as HTMLInputElement;
    const next = input.checked ? [...scenario.policies, name] : scenario.policies.filter((n) => n !== name);
    // A comparison needs something to compare: the last policy stays.
    if (next.length === 0) {
      input.checked = true;
      return;
    }
    this.store.replace(withPolicies(scenario, next, POLICY_NAMES));
  }

  #edited = (event: CustomEvent<Scenario>) => this.store.replace(event.detail);
}

/** Per segment field, its values in the order the segments first show them. */
function segmentValues(fields: Array<Record<string, string>>): SegmentValues {
  const out: SegmentValues = {};
  for (const segment of fields) for (const [field, value] of Object.entries(segment)) if (!(out[field] ??= []).includes(value)) out[field]!.push(value);
  return out;
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-policies-step': PoliciesStep;
  }
}
