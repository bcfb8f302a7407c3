import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { I18n, StepId } from './i18n';
import { shared } from './styles/shared';

export interface StepEntry {
  id: StepId;
  /** Built and usable in this release; the others are shown as what is coming, never faked. */
  available: boolean;
}

/** The workbench's steps in order. Steps not built yet stay visible, marked as coming later. */
@customElement('allot-step-nav')
export class StepNav extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) steps: StepEntry[] = [];
  @property() current: StepId = 'data';

  static override styles = [
    shared,
    css`
      nav {
        background: var(--surface);
        border-bottom: 1px solid var(--border);
        padding: 0 24px;
      }
      ol {
        display: flex;
        align-items: center;
        gap: 4px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        position: relative;
        display: flex;
        align-items: center;
      }
      li + li::before {
        content: '';
        width: 18px;
        height: 1px;
        background: var(--border-strong);
        margin-right: 4px;
      }
      .step {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        padding: 12px 8px 9px;
        background: none;
        font-size: 14px;
        color: var(--text);
      }
      .index {
        display: inline-grid;
        place-items: center;
        width: 22px;
        height: 22px;
        border-radius: 50%;
        border: 1px solid var(--border-strong);
        font-size: 12px;
        font-variant-numeric: tabular-nums;
      }
      .step[aria-current='step'] {
        border-bottom-color: var(--accent);
        color: var(--accent-strong);
        font-weight: 600;
      }
      .step[aria-current='step'] .index {
        background: var(--accent);
        border-color: var(--accent);
        color: #fff;
      }
      .step[aria-disabled='true'] {
        color: #8792a2;
        cursor: not-allowed;
      }
      .step[aria-disabled='true'] .index {
        border-style: dashed;
      }
      .step:focus-visible {
        outline-offset: -2px;
      }
      [role='tooltip'] {
        visibility: hidden;
        opacity: 0;
        position: absolute;
        top: calc(100% - 2px);
        left: 50%;
        transform: translateX(-50%);
        z-index: 10;
        white-space: nowrap;
        background: #26313f;
        color: #fff;
        font-size: 12px;
        padding: 4px 8px;
        border-radius: 4px;
        pointer-events: none;
        transition: opacity 0.12s;
      }
      li:hover [role='tooltip'],
      .step:focus-visible + [role='tooltip'] {
        visibility: visible;
        opacity: 1;
      }
    `,
  ];

  override render() {
    const { t } = this.i18n;
    return html`<nav aria-label=${t.app.stepsLabel}>
      <ol>
        ${this.steps.map((step, i) => {
          const tipId = `later-${step.id}`;
          return html`<li>
            <button
              type="button"
              class="step"
              data-step=${step.id}
              aria-current=${step.id === this.current ? 'step' : nothing}
              aria-disabled=${step.available ? nothing : 'true'}
              aria-describedby=${step.available ? nothing : tipId}
              @click=${() => this.#select(step)}
            >
              <span class="index" aria-hidden="true">${i + 1}</span>
              <span>${t.steps[step.id]}</span>
            </button>
            ${step.available ? nothing : html`<span role="tooltip" id=${tipId}>${t.app.comingLater}</span>`}
          </li>`;
        })}
      </ol>
    </nav>`;
  }

  #select(step: StepEntry) {
    if (!step.available || step.id === this.current) return;
    this.dispatchEvent(new CustomEvent<StepId>('step-select', { detail: step.id, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-step-nav': StepNav;
  }
}
