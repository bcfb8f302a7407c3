import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';
import { controlStyles } from './controls';
import { STRENGTH_STEPS, positionOf, strengthAt } from './scenario-edits';

/**
 * The max–min weight λ (the fairness strength) as a slider over the frontier's grid. Fires
 * `strength-change` (detail: λ) on every move; the step debounces.
 */
@customElement('allot-fairness-slider')
export class FairnessSlider extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ type: Number }) strength = 0;

  static override styles = [
    shared,
    controlStyles,
    css`
      output {
        min-width: 56px;
        text-align: right;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        font-size: 11px;
        color: var(--muted);
      }
    `,
  ];

  override render() {
    const { t, fmt } = this.i18n;
    const p = t.policies;
    return html`<label for="strength">${p.fairness}</label>
      <div class="row">
        <input
          id="strength"
          type="range"
          min="0"
          max=${STRENGTH_STEPS}
          step="1"
          data-control="fairness"
          .value=${String(positionOf(this.strength))}
          aria-valuetext=${p.fairnessValue(fmt.number(this.strength))}
          aria-describedby="strength-help"
          @input=${this.#moved}
        />
        <output class="num" for="strength" data-testid="fairness-value">λ = ${fmt.number(this.strength)}</output>
      </div>
      <div class="ends" aria-hidden="true"><span>${p.fairnessLow}</span><span>${p.fairnessHigh}</span></div>
      <p class="help" id="strength-help">${p.fairnessHelp}</p>`;
  }

  #moved = (event: Event) => {
    const strength = strengthAt(Number((event.target as HTMLInputElement).value));
    this.dispatchEvent(new CustomEvent<number>('strength-change', { detail: strength, bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-fairness-slider': FairnessSlider;
  }
}
