import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScenarioProposal } from '../../model/proposal';
import type { Readiness } from '../../model/readiness';
import type { Rep } from '../../model/roster';
import type { Scenario } from '../../model/scenario';
import type { I18n } from '../i18n';
import { controlStyles, emitScenarioEdit } from '../policies/controls';
import { shared } from '../styles/shared';

/**
 * The analysis set-up for whatever leads are loaded (DESIGN §2.3): the segment fields (ranked by
 * how much they separate reps, with the evidence), value bands, the eligibility rule, the horizon
 * and the scenario's name. Each shows what was proposed and why; every edit fires `scenario-edit`.
 * What the data cannot support (readiness) is said here, before anything fails later.
 */
@customElement('allot-setup-panel')
export class SetupPanel extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) scenario!: Scenario;
  @property({ attribute: false }) proposal: ScenarioProposal | null = null;
  @property({ attribute: false }) readiness: Readiness | null = null;
  /** The leads' attribute columns: every one may be a segment field or the eligibility field. */
  @property({ attribute: false }) columns: readonly string[] = [];
  @property({ attribute: false }) reps: readonly Rep[] = [];

  static override styles = [
    shared,
    controlStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
        gap: 14px 24px;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend,
      label.title {
        font-weight: 600;
        font-size: 13px;
        display: block;
        margin-bottom: 4px;
      }
      .fields label {
        display: grid;
        grid-template-columns: auto 1fr;
        column-gap: 6px;
        align-items: baseline;
        font-size: 13px;
        margin-bottom: 2px;
      }
      .fields .name {
        overflow-wrap: anywhere;
      }
      .evidence {
        grid-column: 2;
        color: var(--muted);
        font-size: 12px;
      }
      .eligibility {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 8px;
      }
      input[type='text'],
      select {
        font: inherit;
        font-size: 13px;
        padding: 3px 6px;
        border: 1px solid var(--border-strong);
        border-radius: var(--radius);
        max-width: 100%;
      }
      input[aria-invalid='true'] {
        border-color: var(--danger, #b3261e);
      }
      .missing {
        margin: 10px 0 0;
        padding-left: 18px;
        color: var(--danger, #b3261e);
        font-size: 13px;
      }
    `,
  ];

  override render() {
    const { t, fmt } = this.i18n;
    const s = t.model.setup;
    const scenario = this.scenario;
    const ranked = new Map((this.proposal?.segments.ranking ?? []).map((r) => [r.field, r]));
    const fields = [...ranked.keys(), ...this.columns.filter((a) => !ranked.has(a))];
    const skills = [...new Set(this.reps.flatMap((r) => r.skills.flatMap((tag) => (tag.includes(':') ? [tag.slice(0, tag.indexOf(':'))] : []))))];
    const rule = scenario.eligibility;
    const notReady = (this.readiness ?? []).filter((r) => !r.ready);
    return html`
      <div class="grid">
        <fieldset class="fields" data-control="segments">
          <legend>${s.segmentsTitle}</legend>
          ${fields.map((field) => {
            const r = ranked.get(field);
            return html`<label>
              <input type="checkbox" data-field=${field} .checked=${scenario.segments.fields.includes(field)} @change=${(e: Event) => this.#toggleField(field, (e.target as HTMLInputElement).checked)} />
              <span class="name">${field}</span>
              ${r ? html`<span class="evidence">${s.evidence(fmt.number(r.values), fmt.number(r.cells), fmt.number(r.thinCells), r.pValue < 0.001 ? '< 0.001' : `= ${fmt.number(+r.pValue.toFixed(3))}`)}</span>` : nothing}
            </label>`;
          })}
          ${this.#why(this.proposal?.segments.reason)}
        </fieldset>
        <div>
          <label class="title" for="scenario-name">${s.nameLabel}</label>
          <input id="scenario-name" type="text" size="32" .value=${scenario.name} @change=${(e: Event) => this.#edit({ ...scenario, name: (e.target as HTMLInputElement).value.trim() || scenario.name })} />
          <label class="title" for="value-bands">${s.bandsLabel}</label>
          <input id="value-bands" type="text" size="20" placeholder="10000, 50000" .value=${scenario.segments.valueBands.join(', ')} @change=${this.#bandsChanged} />
          <p class="help">${s.bandsHelp}</p>
          <label class="title" for="horizon-weeks">${s.horizonLabel}</label>
          <input id="horizon-weeks" type="number" min="1" max="52" step="1" .value=${String(scenario.simulation.weeks)} @change=${this.#weeksChanged} />
          ${this.#why(this.proposal?.horizon.reason)}
        </div>
        <div>
          <label class="title" for="eligibility-field">${s.eligibilityLabel}</label>
          <div class="eligibility">
            <select id="eligibility-field" @change=${(e: Event) => this.#setEligibility((e.target as HTMLSelectElement).value, rule?.skill ?? skills[0] ?? '')}>
              <option value="" ?selected=${!rule}>${s.eligibilityNone}</option>
              ${this.columns.map((a) => html`<option value=${a} ?selected=${rule?.field === a}>${a}</option>`)}
            </select>
            ${rule
              ? html`<span>${s.mustHoldSkill}</span>
                  <select id="eligibility-skill" aria-label=${s.skillLabel} @change=${(e: Event) => this.#setEligibility(rule.field, (e.target as HTMLSelectElement).value)}>
                    ${[...new Set([rule.skill, ...skills])].map((k) => html`<option value=${k} ?selected=${rule.skill === k}>${k}</option>`)}
                  </select>`
              : nothing}
          </div>
          ${rule && !scenario.segments.fields.includes(rule.field) ? html`<p class="help" data-testid="eligibility-adds">${s.eligibilityAdds(rule.field)}</p>` : nothing}
          ${this.#why(this.proposal?.eligibility.reason)}
        </div>
      </div>
      ${notReady.length ? html`<ul class="missing" data-testid="readiness">${notReady.map((r) => html`<li data-capability=${r.capability}>${this.i18n.engineText(r.message)}</li>`)}</ul>` : nothing}
    `;
  }

  #why(reason: ScenarioProposal['horizon']['reason'] | undefined) {
    return reason ? html`<p class="help">${this.i18n.t.model.setup.proposed(this.i18n.engineText(reason))}</p>` : nothing;
  }

  #edit(scenario: Scenario) {
    emitScenarioEdit(this, scenario);
  }

  #toggleField(field: string, on: boolean) {
    const now = this.scenario.segments.fields;
    const fields = on ? [...now.filter((f) => f !== field), field] : now.filter((f) => f !== field);
    // At least one field: the last one cannot be unticked.
    if (fields.length === 0) return void this.requestUpdate();
    this.#edit({ ...this.scenario, segments: { ...this.scenario.segments, fields } });
  }

  #setEligibility(field: string, skill: string) {
    const { eligibility: _, ...rest } = this.scenario;
    this.#edit(field && skill ? { ...rest, eligibility: { field, skill } } : rest);
  }

  #bandsChanged = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const bands = input.value.split(/[,，\s]+/).filter(Boolean).map(Number);
    const valid = bands.every((b, i) => Number.isFinite(b) && b > 0 && (i === 0 || b > bands[i - 1]!));
    input.setAttribute('aria-invalid', valid ? 'false' : 'true');
    if (valid) this.#edit({ ...this.scenario, segments: { ...this.scenario.segments, valueBands: bands } });
  };

  #weeksChanged = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const weeks = Number(input.value);
    const valid = Number.isInteger(weeks) && weeks >= 1 && weeks <= 52;
    input.setAttribute('aria-invalid', valid ? 'false' : 'true');
    if (valid) this.#edit({ ...this.scenario, simulation: { ...this.scenario.simulation, weeks } });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-setup-panel': SetupPanel;
  }
}
