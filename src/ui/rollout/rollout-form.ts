import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PolicyName } from '../../model/scenario';
import '../data/file-drop';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';
import { rolloutFieldStyles, rolloutFormStyles } from './rollout.styles';
import type { RolloutSettings, SettingProblem } from './rollout-run';

/**
 * The readout's inputs: the export (through the Data step's drop zone, which emits
 * `files-selected`), how the arms are known, the two policies and the outcome window. Holds
 * nothing: every edit is a `settings-change` with the changed fields; the button emits
 * `readout-request`, or `readout-cancel` while a readout runs.
 */
@customElement('allot-rollout-form')
export class RolloutForm extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) settings!: RolloutSettings;
  /** The scenario's policies, in its order. */
  @property({ attribute: false }) policies: readonly PolicyName[] = [];
  /** The control and the candidate in force (the user's, or the scenario's defaults). */
  @property({ attribute: false }) chosen!: { control: PolicyName; candidate: PolicyName };
  @property({ attribute: false }) file: { name: string; size: string } | null = null;
  /** Fields that do not fit, shown under each once the user has asked for a readout. */
  @property({ attribute: false }) problems: readonly SettingProblem[] = [];
  /** The export's columns, known once a readout named a column it does not have. */
  @property({ attribute: false }) columns: readonly string[] = [];
  @property({ type: Boolean }) busy = false;
  @property({ type: Boolean }) disabled = false;

  static override styles = [shared, rolloutFieldStyles, rolloutFormStyles];

  override render() {
    const { t } = this.i18n;
    const r = t.rollout;
    const s = this.settings;
    return html`<div class="form">
      <section class="field-group" aria-labelledby="rollout-file-title">
        <h2 id="rollout-file-title">${r.fileTitle}</h2>
        <p class="help">${r.fileHelp}</p>
        <allot-file-drop .i18n=${this.i18n} ?busy=${this.busy}></allot-file-drop>
        <p class="chosen" data-testid="rollout-file">${this.file ? html`<span class="pill">${this.file.name}</span> <span class="muted small">${this.file.size}</span>` : html`<span class="muted small">${r.noFile}</span>`}</p>
      </section>
      <fieldset class="field-group">
        <legend><h2>${r.armsTitle}</h2></legend>
        <label class="choice"><input type="radio" name="rollout-arms" value="column" .checked=${s.arms === 'column'} @change=${() => this.#set({ arms: 'column' })} /> ${r.byColumn}</label>
        ${s.arms === 'column' ? this.#columnField() : nothing}
        <label class="choice"><input type="radio" name="rollout-arms" value="hash" .checked=${s.arms === 'hash'} @change=${() => this.#set({ arms: 'hash' })} /> ${r.byHash}</label>
        ${s.arms === 'hash' ? this.#hashFields() : nothing}
        <label class="choice"><input type="radio" name="rollout-arms" value="slot" .checked=${s.arms === 'slot'} @change=${() => this.#set({ arms: 'slot' })} /> ${r.bySlot}</label>
        ${s.arms === 'slot' ? this.#slotFields() : nothing}
        <label class="choice"><input type="radio" name="rollout-arms" value="week" .checked=${s.arms === 'week'} @change=${() => this.#set({ arms: 'week' })} /> ${r.byWeek}</label>
        ${s.arms === 'week' ? this.#weekFields() : nothing}
      </fieldset>
      <section class="field-group" aria-labelledby="rollout-policies-title">
        <h2 id="rollout-policies-title">${r.policiesTitle}</h2>
        ${this.#policySelect('control', r.controlLabel)} ${this.#policySelect('candidate', r.candidateLabel)} ${this.#problem('samePolicies')}
        <label class="field" for="rollout-window">${r.windowLabel}</label>
        <input id="rollout-window" class="short" type="text" inputmode="numeric" data-control="window" .value=${s.window} aria-invalid=${this.#invalid('window')} @input=${(e: Event) => this.#set({ window: value(e) })} />
        ${this.#problem('window')}
        <p class="help">${r.windowHelp}</p>
      </section>
      <div class="run">
        <button type="button" class="primary" data-action="read-out" ?disabled=${this.busy || this.disabled} @click=${() => this.#emit('readout-request')}>${r.readOut}</button>
        ${this.busy ? html`<button type="button" data-action="cancel" @click=${() => this.#emit('readout-cancel')}>${r.cancel}</button>` : nothing}
      </div>
    </div>`;
  }

  #columnField() {
    const r = this.i18n.t.rollout;
    return html`<div class="sub">
      <label class="field" for="rollout-column">${r.columnLabel}</label>
      <input id="rollout-column" type="text" list="rollout-columns" data-control="column" .value=${this.settings.column} aria-invalid=${this.#invalid('column')} @input=${(e: Event) => this.#set({ column: value(e) })} />
      <datalist id="rollout-columns">${this.columns.map((c) => html`<option value=${c}></option>`)}</datalist>
      ${this.#problem('column')}
      ${this.columns.length
        ? html`<p class="small columns" data-testid="rollout-columns">${r.columnsOfFile}
            ${this.columns.map((c) => html`<button type="button" class="column" data-column=${c} @click=${() => this.#set({ column: c })}>${c}</button>`)}</p>`
        : nothing}
      <p class="help">${r.columnHelp}</p>
    </div>`;
  }

  /** The candidate's share, the same field for every split that is recomputed rather than read. */
  #shareField() {
    const r = this.i18n.t.rollout;
    return html`<label class="field" for="rollout-share">${r.shareLabel}</label>
      <input id="rollout-share" class="short" type="text" inputmode="decimal" data-control="share" .value=${this.settings.share} aria-invalid=${this.#invalid('share') === 'true' || this.#invalid('slotShare') === 'true' ? 'true' : 'false'} @input=${(e: Event) => this.#set({ share: value(e) })} />
      ${this.#problem('share')} ${this.#problem('slotShare')}`;
  }

  #slotFields() {
    const r = this.i18n.t.rollout;
    return html`<div class="sub">
      ${this.#shareField()}
      <label class="field" for="rollout-slot-column">${r.slotColumnLabel}</label>
      <input id="rollout-slot-column" type="text" list="rollout-columns" data-control="slot-column" .value=${this.settings.slotColumn} aria-invalid=${this.#invalid('column')} @input=${(e: Event) => this.#set({ slotColumn: value(e) })} />
      <datalist id="rollout-columns">${this.columns.map((c) => html`<option value=${c}></option>`)}</datalist>
      ${this.#problem('column')}
      <p class="help">${r.slotHelp}</p>
    </div>`;
  }

  #weekFields() {
    const r = this.i18n.t.rollout;
    return html`<div class="sub">
      ${this.#shareField()}
      <label class="field" for="rollout-week-start">${r.weekStartLabel}</label>
      <input id="rollout-week-start" type="text" data-control="week-start" .value=${this.settings.weekStart} placeholder="2026-12-07" aria-invalid=${this.#invalid('weekStart')} @input=${(e: Event) => this.#set({ weekStart: value(e) })} />
      ${this.#problem('weekStart')}
      <p class="help">${r.weekHelp}</p>
    </div>`;
  }

  #hashFields() {
    const r = this.i18n.t.rollout;
    return html`<div class="sub">
      ${this.#shareField()}
      <label class="field" for="rollout-salt">${r.saltLabel}</label>
      <input id="rollout-salt" type="text" data-control="salt" .value=${this.settings.salt} aria-invalid=${this.#invalid('salt')} @input=${(e: Event) => this.#set({ salt: value(e) })} />
      ${this.#problem('salt')}
      <p class="help">${r.hashHelp}</p>
    </div>`;
  }

  #policySelect(arm: 'control' | 'candidate', label: string) {
    const names = this.i18n.t.policies.policyNames as Record<string, string>;
    const id = `rollout-${arm}`;
    return html`<label class="field" for=${id}>${label}</label>
      <select id=${id} data-control=${arm} @change=${(e: Event) => this.#set({ [arm]: value(e) as PolicyName })}>
        ${this.policies.map((p) => html`<option value=${p} ?selected=${p === this.chosen[arm]}>${names[p] ?? p}</option>`)}
      </select>`;
  }

  #invalid(problem: SettingProblem) {
    return this.problems.includes(problem) ? 'true' : 'false';
  }

  #problem(problem: SettingProblem) {
    return this.problems.includes(problem) ? html`<p class="invalid small" data-problem=${problem}>${this.i18n.t.rollout.invalid[problem]}</p>` : nothing;
  }

  #set(change: Partial<RolloutSettings>) {
    this.dispatchEvent(new CustomEvent<Partial<RolloutSettings>>('settings-change', { detail: change }));
  }

  #emit(name: 'readout-request' | 'readout-cancel') {
    this.dispatchEvent(new CustomEvent(name));
  }
}

function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-rollout-form': RolloutForm;
  }
}
