import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Scenario } from '../../model/scenario';
import { scenarioIntervalsChart } from '../charts/scenario-intervals';
import type { I18n } from '../i18n';
import { inlineReps } from '../state/scenario-store';
import { KEPT_METRICS, type KeptScenario } from '../state/kept-scenarios';
import { shared } from '../styles/shared';
import { compareStyles } from './compare.styles';
import { intervalCell, metricFormat, policyLabel } from './compare-views';
import '../model/chart-host';

/** A scenario as shown side by side: a kept one, or the live one (`kept: false`). */
interface Shown {
  label: string;
  entry: KeptScenario;
  kept: boolean;
}

const SETTINGS = ['fairness', 'loadBand', 'headroom', 'repFloor', 'volume', 'away', 'replications'] as const;
type Setting = (typeof SETTINGS)[number];

/** Each setting of a scenario as text, so that "differs" means "reads differently". */
function settingText(i18n: I18n, entry: KeptScenario, setting: Setting): string {
  const { fmt, t } = i18n;
  const s: Scenario = entry.scenario;
  switch (setting) {
    case 'fairness':
      return `λ = ${fmt.number(s.constraints.maxMinWeight)}`;
    case 'loadBand': {
      const band = s.constraints.loadBand;
      return band ? `${fmt.percent(band[0])} – ${fmt.percent(band[1])}` : t.compare.keptOff;
    }
    case 'headroom':
      return fmt.percent(s.constraints.headroom);
    case 'repFloor':
      return s.constraints.repFloor > 0 ? fmt.percent(s.constraints.repFloor) : t.compare.keptOff;
    case 'volume':
      return `× ${fmt.number(s.simulation.volumeMultiplier)}`;
    case 'away': {
      const names = new Map((inlineReps(s) ?? []).map((r) => [r.rep_id, r.name || r.rep_id]));
      return s.simulation.absent.length ? s.simulation.absent.map((id) => names.get(id) ?? id).join(', ') : t.compare.keptNobody;
    }
    case 'replications':
      return fmt.number(entry.replications);
  }
}

/** Two kept scenarios may share a name; the colour legend needs each label once. */
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}

/**
 * The live scenario beside the kept ones: conversions with 90% intervals per policy, the same
 * numbers in a table, and the settings in which they differ. The kept list edits names and fires
 * `kept-open`, `kept-rename` and `kept-remove` (detail: the id, and the name for a rename).
 */
@customElement('allot-scenarios-side-by-side')
export class ScenariosSideBySide extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  /** The live scenario with its shown result, null while none is shown. */
  @property({ attribute: false }) current: KeptScenario | null = null;
  @property({ attribute: false }) kept: readonly KeptScenario[] = [];

  static override styles = [
    shared,
    compareStyles,
    css`
      .kept {
        list-style: none;
        padding: 0;
        margin: 0 0 12px;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .kept li {
        display: flex;
        align-items: center;
        gap: 8px;
        font-size: 13px;
      }
      .kept input {
        flex: 1;
        max-width: 320px;
      }
      table.policies th.group {
        vertical-align: top;
      }
      /* Scenario names are the user's own and may be long: they wrap, the numbers do not. */
      table.policies tbody th[scope='row'] {
        white-space: normal;
        font-weight: 500;
        min-width: 120px;
      }
      .scroll {
        overflow-x: auto;
      }
    `,
  ];

  override render() {
    const c = this.i18n.t.compare;
    const shown = this.#shown();
    return html`
      ${this.kept.length
        ? html`<ul class="kept" aria-label=${c.keptList}>
            ${this.kept.map((k, i) => this.#keptItem(k, i, shown))}
          </ul>`
        : html`<p class="help" data-testid="kept-none">${c.keptNone}</p>`}
      ${shown.length > 1 ? this.#sideBySide(shown) : nothing}
    `;
  }

  #shown(): Shown[] {
    const c = this.i18n.t.compare;
    const entries = [...(this.current ? [{ entry: this.current, kept: false }] : []), ...this.kept.map((entry) => ({ entry, kept: true }))];
    const labels = uniqueLabels(entries.map((e) => (e.kept ? e.entry.name || c.keptUnnamed : c.currentScenario(e.entry.name))));
    return entries.map((e, i) => ({ ...e, label: labels[i]! }));
  }

  #keptItem(k: KeptScenario, index: number, shown: Shown[]) {
    const c = this.i18n.t.compare;
    const label = shown.find((s) => s.entry.id === k.id)?.label ?? k.name;
    return html`<li data-kept=${k.id}>
      <input type="text" data-control="kept-name" aria-label=${c.keptName(index + 1)} .value=${live(k.name)}
        @change=${(e: Event) => this.#fire('kept-rename', { id: k.id, name: (e.target as HTMLInputElement).value.trim() })} />
      <button type="button" data-action="kept-open" aria-label=${c.keptOpenLabel(label)} @click=${() => this.#fire('kept-open', { id: k.id })}>${c.keptOpen}</button>
      <button type="button" data-action="kept-remove" aria-label=${c.keptRemoveLabel(label)} @click=${() => this.#fire('kept-remove', { id: k.id })}>${c.keptRemove}</button>
    </li>`;
  }

  #sideBySide(shown: Shown[]) {
    const i18n = this.i18n;
    const c = i18n.t.compare;
    const policies = [...new Set(shown.flatMap((s) => s.entry.policies.map((p) => p.name)))];
    const rows = policies.flatMap((name) =>
      shown.flatMap((s) => {
        const p = s.entry.policies.find((x) => x.name === name);
        return p ? [{ name, shown: s, policy: p }] : [];
      }),
    );
    const scenarios = shown.map((s) => s.label);
    const chartRows = rows.map((r) => ({ policy: policyLabel(i18n, r.name), scenario: r.shown.label, ...r.policy.metrics.conversions }));
    const differing = SETTINGS.filter((setting) => new Set(shown.map((s) => settingText(i18n, s.entry, setting))).size > 1);
    return html`
      <div data-chart="scenarios-conversions">
        <h3>${c.metrics.conversions}</h3>
        <allot-chart
          .key=${[i18n, JSON.stringify({ scenarios, chartRows })]}
          .draw=${(width: number) => scenarioIntervalsChart(chartRows, { width, scenarios, format: metricFormat(i18n, 'conversions'), labels: { title: c.keptChartTitle, axis: c.metrics.conversions, interval: c.interval } })}
        ></allot-chart>
      </div>
      <h3 id="kept-settings-title">${c.keptSettingsTitle}</h3>
      ${differing.length
        ? html`<table class="policies" data-table="kept-settings" aria-labelledby="kept-settings-title">
            <thead>
              <tr>
                <th scope="col">${c.keptScenario}</th>
                ${differing.map((s) => html`<th scope="col">${c.keptSettings[s]}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${shown.map((s) => html`<tr><th scope="row">${s.label}</th>${differing.map((d) => html`<td data-setting=${d}>${settingText(i18n, s.entry, d)}</td>`)}</tr>`)}
            </tbody>
          </table>`
        : html`<p class="help">${c.keptSameSettings}</p>`}
      <h3 id="kept-numbers-title">${c.keptNumbersTitle}</h3>
      <div class="scroll">
        <table class="policies" data-table="kept-numbers" aria-labelledby="kept-numbers-title">
          <thead>
            <tr>
              <th scope="col">${c.policy}</th>
              <th scope="col">${c.keptScenario}</th>
              ${KEPT_METRICS.map((m) => html`<th scope="col">${c.metrics[m]}</th>`)}
              <th scope="col">${c.keptVsOwnBaseline}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r, i) => html`<tr data-policy=${r.name} data-scenario=${r.shown.kept ? r.shown.entry.id : 'current'}>
                ${i === 0 || rows[i - 1]!.name !== r.name ? html`<th scope="rowgroup" class="group" rowspan=${rows.filter((x) => x.name === r.name).length}>${policyLabel(i18n, r.name)}</th>` : nothing}
                <th scope="row">${r.shown.label}</th>
                ${KEPT_METRICS.map((m) => html`<td class="num" data-metric=${m}>${intervalCell(i18n, m, r.policy.metrics[m])}</td>`)}
                <td class="num" data-metric="delta">${r.name === r.shown.entry.baseline ? c.isBaseline : intervalCell(i18n, 'conversions', r.policy.vsBaseline.conversions, true)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  #fire(type: 'kept-open' | 'kept-rename' | 'kept-remove', detail: { id: string; name?: string }) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-scenarios-side-by-side': ScenariosSideBySide;
  }
}
