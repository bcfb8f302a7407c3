import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Scenario } from '../../model/scenario';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';
import { controlColumnStyles, controlStyles, emitScenarioEdit, percentInput, readShare } from './controls';
import './fairness-slider';
import './load-band';
import type { LoadBand } from './load-band';
import { withConstraints, withObjective } from './scenario-edits';

/** Per segment field, the values the estimates know (for the junior share's segments). */
export type SegmentValues = Record<string, string[]>;

const DEFAULT_FLOOR = 0.5;
const DEFAULT_JUNIOR_SHARE = 0.2;
/** The scenario schema's limit: more than half the capacity held back is no longer headroom. */
const MAX_HEADROOM = 0.5;

/**
 * The optimizer's settings (DESIGN §3.2), each with a one-line explanation. Reads the scenario,
 * fires `scenario-edit` with the edited scenario; the step stores it.
 */
@customElement('allot-optimizer-controls')
export class OptimizerControls extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) scenario!: Scenario;
  @property({ attribute: false }) segmentValues: SegmentValues = {};

  static override styles = [
    shared,
    controlStyles,
    controlColumnStyles,
    css`
      legend,
      .label {
        font-weight: 600;
        font-size: 13px;
        padding: 0;
        margin-bottom: 2px;
      }
      .row {
        flex-wrap: wrap;
        gap: 4px 14px;
      }
      input[aria-invalid='true'] {
        border-color: var(--bad);
      }
      .values {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 10px;
      }
    `,
  ];

  override render() {
    const p = this.i18n.t.policies;
    const s = this.scenario;
    const c = s.constraints;
    return html`
      <fieldset>
        <legend>${p.objective}</legend>
        <div class="row">
          ${(['conversions', 'revenue'] as const).map(
            (goal) => html`<label><input type="radio" name="objective" value=${goal} data-control="objective" .checked=${s.objective.maximize === goal} @change=${() => emitScenarioEdit(this, withObjective(s, goal))} /> ${p.objectives[goal]}</label>`,
          )}
        </div>
        <p class="help">${p.objectiveHelp}</p>
      </fieldset>
      <div>
        <label class="label"><input type="checkbox" data-control="capacity" .checked=${c.capacity} @change=${(e: Event) => emitScenarioEdit(this, withConstraints(s, { capacity: (e.target as HTMLInputElement).checked }))} /> ${p.capacity}</label>
        <p class="help">${p.capacityHelp}</p>
      </div>
      <allot-load-band .i18n=${this.i18n} .band=${c.loadBand} @load-band-change=${this.#bandChanged}></allot-load-band>
      ${this.#headroom()} ${this.#repFloor()} ${this.#valueFloor()} ${this.#juniorShare()}
      <allot-fairness-slider .i18n=${this.i18n} .strength=${c.maxMinWeight} @strength-change=${(e: CustomEvent<number>) => emitScenarioEdit(this, withConstraints(s, { maxMinWeight: e.detail }))}></allot-fairness-slider>
    `;
  }

  /** A share of capacity the plan leaves free for busy weeks; the schema allows up to half. */
  #headroom() {
    const p = this.i18n.t.policies;
    const s = this.scenario;
    return html`<div>
      <div class="row label">${percentInput({ label: p.headroom, control: 'headroom', share: s.constraints.headroom, max: MAX_HEADROOM * 100, describedBy: 'headroom-help', onChange: (e) => { const v = readShare(e, MAX_HEADROOM); if (v !== null) emitScenarioEdit(this, withConstraints(s, { headroom: v })); } })}</div>
      <p class="help" id="headroom-help">${p.headroomHelp}</p>
    </div>`;
  }

  /** Every active rep some share of their capacity; 0 is off (the plan may then leave a rep with nothing, and says so). */
  #repFloor() {
    const p = this.i18n.t.policies;
    const s = this.scenario;
    return html`<div>
      <div class="row label">${percentInput({ label: p.repFloor, control: 'rep-floor', share: s.constraints.repFloor, describedBy: 'rep-floor-help', onChange: (e) => { const v = readShare(e); if (v !== null) emitScenarioEdit(this, withConstraints(s, { repFloor: v })); } })}</div>
      <p class="help" id="rep-floor-help">${p.repFloorHelp}</p>
    </div>`;
  }

  #valueFloor() {
    const p = this.i18n.t.policies;
    const s = this.scenario;
    const floor = s.constraints.valueFloor;
    return html`<div>
      <label class="label"><input type="checkbox" data-control="value-floor" .checked=${floor !== undefined} @change=${(e: Event) => emitScenarioEdit(this, withConstraints(s, { valueFloor: (e.target as HTMLInputElement).checked ? DEFAULT_FLOOR : undefined }))} /> ${p.valueFloor}</label>
      ${floor !== undefined
        ? html`<div class="row">${percentInput({ label: p.valueFloorShare, control: 'value-floor-share', share: floor, onChange: (e) => { const v = readShare(e); if (v !== null) emitScenarioEdit(this, withConstraints(s, { valueFloor: v })); } })}</div>`
        : nothing}
      <p class="help">${p.valueFloorHelp}</p>
    </div>`;
  }

  #juniorShare() {
    const p = this.i18n.t.policies;
    const s = this.scenario;
    const js = s.constraints.juniorShare;
    const fields = Object.keys(this.segmentValues);
    const field = js ? Object.keys(js.segments)[0] ?? fields[0] : fields[0];
    const chosen = js && field ? js.segments[field] ?? [] : [];
    const set = (segments: Record<string, string[]>, atLeast: number) => emitScenarioEdit(this, withConstraints(s, { juniorShare: { segments, atLeast } }));
    const toggle = (e: Event) => {
      const on = (e.target as HTMLInputElement).checked;
      if (!on || !field) return emitScenarioEdit(this, withConstraints(s, { juniorShare: undefined }));
      set({ [field]: [this.segmentValues[field]![0]!] }, DEFAULT_JUNIOR_SHARE);
    };
    return html`<div>
      <label class="label"><input type="checkbox" data-control="junior-share" .checked=${js !== undefined} ?disabled=${!field} @change=${toggle} /> ${p.juniorShare}</label>
      ${js && field
        ? html`<div class="row">
              <label>${p.juniorField}
                <select data-control="junior-field" @change=${(e: Event) => { const f = (e.target as HTMLSelectElement).value; set({ [f]: [this.segmentValues[f]![0]!] }, js.atLeast); }}>
                  ${fields.map((f) => html`<option value=${f} ?selected=${f === field}>${f}</option>`)}
                </select></label>
              ${percentInput({ label: p.juniorAtLeast, control: 'junior-at-least', share: js.atLeast, onChange: (e) => { const v = readShare(e); if (v !== null) emitScenarioEdit(this, withConstraints(s, { juniorShare: { ...js, atLeast: v } })); } })}
            </div>
            <div class="values" role="group" aria-label=${p.juniorValues}>
              ${(this.segmentValues[field] ?? []).map(
                (value) => html`<label><input type="checkbox" .checked=${chosen.includes(value)} @change=${(e: Event) => {
                  const next = (e.target as HTMLInputElement).checked ? [...chosen, value] : chosen.filter((v) => v !== value);
                  if (next.length) set({ [field]: next }, js.atLeast);
                  else (e.target as HTMLInputElement).checked = true;
                }} /> ${value}</label>`,
              )}
            </div>`
        : nothing}
      <p class="help">${p.juniorShareHelp}</p>
    </div>`;
  }

  #bandChanged = (event: CustomEvent<LoadBand | null>) => emitScenarioEdit(this, withConstraints(this.scenario, { loadBand: event.detail ? [event.detail[0], event.detail[1]] : undefined }));

}

declare global {
  interface HTMLElementTagNameMap {
    'allot-optimizer-controls': OptimizerControls;
  }
}
