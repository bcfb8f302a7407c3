import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';
import type { DecayCurveParams, DecayEstimate } from '../../model/estimates';

/** The curve the user set, or null to go back to the fitted (or preset) one. */
export type DecayEdit = DecayCurveParams | null;

/** Floor and τ of the decay curve as two labelled inputs; a valid edit goes up as `decay-edit`. */
@customElement('allot-decay-editor')
export class DecayEditor extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) decay!: DecayEstimate;
  /** The scenario sets its own curve (so "use the fitted curve" means something). */
  @property({ type: Boolean }) custom = false;
  @state() private problem: 'floor' | 'tau' | null = null;

  static override styles = [
    shared,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 14px;
        margin-bottom: 8px;
        font-size: 13px;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      input {
        font: inherit;
        width: 72px;
        padding: 3px 6px;
        border: 1px solid var(--border-strong);
        border-radius: var(--radius);
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      input[aria-invalid='true'] {
        border-color: var(--bad);
        background: var(--bad-soft);
      }
      .source {
        color: var(--muted);
        font-size: 12px;
      }
      .error {
        flex-basis: 100%;
        color: var(--bad);
        font-size: 12px;
      }
    `,
  ];

  override render() {
    const { t } = this.i18n;
    const m = t.model;
    return html`<form @submit=${(e: Event) => (e.preventDefault(), this.#commit())} @change=${this.#commit}>
      <label>${m.floor}<input name="floor" type="number" min="0" max="1" step="0.05" .value=${live(String(round(this.decay.floor)))} aria-invalid=${this.problem === 'floor'} /></label>
      <label>${m.tau}<input name="tau" type="number" min="0.1" step="0.5" .value=${live(String(round(this.decay.tauHours)))} aria-invalid=${this.problem === 'tau'} /></label>
      <span class="source" data-source=${this.decay.source}>${m.decaySources[this.decay.source]}</span>
      ${this.custom ? html`<button type="button" @click=${() => this.#emit(null)}>${m.resetDecay}</button>` : nothing}
      ${this.problem ? html`<span class="error" role="alert">${m.decayInvalid[this.problem]}</span>` : nothing}
    </form>`;
  }

  #commit = () => {
    const form = this.renderRoot.querySelector('form')!;
    const floor = Number((form.elements.namedItem('floor') as HTMLInputElement).value);
    const tauHours = Number((form.elements.namedItem('tau') as HTMLInputElement).value);
    this.problem = !(floor >= 0 && floor <= 1) ? 'floor' : !(tauHours > 0 && Number.isFinite(tauHours)) ? 'tau' : null;
    if (this.problem) return;
    if (floor === round(this.decay.floor) && tauHours === round(this.decay.tauHours)) return;
    this.#emit({ floor, tauHours });
  };

  #emit(edit: DecayEdit) {
    this.dispatchEvent(new CustomEvent<DecayEdit>('decay-edit', { detail: edit, bubbles: true, composed: true }));
  }
}

/** Shown to 3 decimals: a fitted τ of 2.71828… reads as 2.718, and an unchanged field is not an edit. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-decay-editor': DecayEditor;
  }
}
