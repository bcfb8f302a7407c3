import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Rep } from '../../model/roster';
import type { Scenario } from '../../model/scenario';
import type { I18n } from '../i18n';
import '../policies/fairness-slider';
import '../policies/load-band';
import type { LoadBand } from '../policies/load-band';
import { withAbsent, withConstraints, withSimulation } from '../policies/scenario-edits';
import { controlColumnStyles, controlStyles, emitScenarioEdit } from '../policies/controls';
import { shared } from '../styles/shared';

const VOLUME = { min: 0.5, max: 2, step: 0.05 };

/**
 * The what-if controls next to the forecasts: fairness strength, load band, lead volume and who
 * is away. Fires `scenario-edit` with the edited scenario; the step stores it and re-runs.
 */
@customElement('allot-what-if-panel')
export class WhatIfPanel extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) scenario!: Scenario;
  @property({ attribute: false }) reps: Rep[] = [];

  static override styles = [
    shared,
    controlStyles,
    controlColumnStyles,
    css`
      legend {
        font-weight: 600;
        font-size: 13px;
        padding: 0;
      }
      .reps {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 2px 8px;
        font-size: 13px;
      }
      .reps label {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
    `,
  ];

  override render() {
    const { t, fmt } = this.i18n;
    const c = t.compare;
    const s = this.scenario;
    const volume = s.simulation.volumeMultiplier;
    const absent = new Set(s.simulation.absent);
    return html`
      <allot-fairness-slider .i18n=${this.i18n} .strength=${s.constraints.maxMinWeight} @strength-change=${(e: CustomEvent<number>) => emitScenarioEdit(this, withConstraints(s, { maxMinWeight: e.detail }))}></allot-fairness-slider>
      <allot-load-band .i18n=${this.i18n} .band=${s.constraints.loadBand} @load-band-change=${(e: CustomEvent<LoadBand | null>) => emitScenarioEdit(this, withConstraints(s, { loadBand: e.detail ? [e.detail[0], e.detail[1]] : undefined }))}></allot-load-band>
      <div>
        <label for="volume">${c.volume}</label>
        <div class="row">
          <input id="volume" type="range" data-control="volume" min=${VOLUME.min} max=${VOLUME.max} step=${VOLUME.step} .value=${String(volume)} aria-describedby="volume-help"
            aria-valuetext=${`× ${fmt.number(volume)}`} @input=${(e: Event) => emitScenarioEdit(this, withSimulation(s, { volumeMultiplier: Number((e.target as HTMLInputElement).value) }))} />
          <output class="num" for="volume">× ${fmt.number(volume)}</output>
        </div>
        <p class="help" id="volume-help">${c.volumeHelp}</p>
      </div>
      <fieldset aria-describedby="absent-help">
        <legend>${c.absentTitle}</legend>
        <p class="help" id="absent-help">${c.absentHelp}</p>
        <div class="reps">
          ${this.reps.filter((r) => r.active).map(
            (rep) => html`<label title=${rep.name}><input type="checkbox" data-absent=${rep.rep_id} .checked=${absent.has(rep.rep_id)} @change=${(e: Event) => emitScenarioEdit(this, withAbsent(s, rep.rep_id, (e.target as HTMLInputElement).checked))} /> ${rep.name || rep.rep_id}</label>`,
          )}
        </div>
      </fieldset>
    `;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'allot-what-if-panel': WhatIfPanel;
  }
}
