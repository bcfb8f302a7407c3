import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { downloadText } from '../download';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';
import { ScenarioFileError, parseScenarioText, scenarioFileText } from './scenario-file';
import type { ScenarioStore } from './scenario-store';

const FILE_NAME = 'scenario.json';

/** The current scenario's name, with Save (a download of the file the CLI reads) and Open. */
@customElement('allot-scenario-bar')
export class ScenarioBar extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) store!: ScenarioStore;
  /** Changes with every scenario change, so the name shown follows. */
  @property({ attribute: false }) revision = 0;
  @state() private message: { kind: 'error' | 'ok'; text: string } | null = null;

  static override styles = [
    shared,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 8px;
        position: relative;
        font-size: 13px;
      }
      .name {
        color: #c9d6e6;
        max-width: 280px;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      button,
      .button {
        background: transparent;
        color: #fff;
        border-color: #5d7896;
        padding: 3px 10px;
      }
      button:hover,
      .button:hover {
        color: #fff;
        border-color: #fff;
      }
      input[type='file'] {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
      }
      .message {
        position: absolute;
        top: calc(100% + 10px);
        right: 0;
        z-index: 20;
        width: 420px;
        padding: 8px 12px;
        border-radius: var(--radius);
        box-shadow: 0 4px 12px rgb(16 24 40 / 0.2);
        display: flex;
        gap: 8px;
        align-items: flex-start;
        justify-content: space-between;
        overflow-wrap: anywhere;
      }
      .message.error {
        background: var(--bad-soft);
        color: #5f1510;
        border: 1px solid #f1c4bf;
      }
      .message.ok {
        background: var(--ok-soft);
        color: var(--ok);
        border: 1px solid #b9dfc9;
      }
      .message button {
        color: inherit;
        border-color: currentColor;
        padding: 0 6px;
      }
    `,
  ];

  override render() {
    const { t } = this.i18n;
    return html`
      <span class="name" title=${this.store.scenario.name}><span class="visually-hidden">${t.scenario.label}: </span>${this.store.scenario.name}</span>
      <button type="button" data-action="save-scenario" @click=${this.#save}>${t.scenario.save}</button>
      <label class="button" data-action="open-scenario"
        >${t.scenario.open}<input type="file" accept=".json,application/json" data-testid="scenario-input" @change=${this.#open}
      /></label>
      ${this.message
        ? html`<div class="message ${this.message.kind}" role=${this.message.kind === 'error' ? 'alert' : 'status'}>
            <span>${this.message.kind === 'error' ? html`<strong>${t.scenario.openFailed}</strong><br />` : nothing}${this.message.text}</span>
            <button type="button" @click=${() => (this.message = null)} aria-label=${t.data.dismiss}>×</button>
          </div>`
        : nothing}
    `;
  }

  #save = () => downloadText(FILE_NAME, scenarioFileText(this.store.scenario));

  #open = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const { t } = this.i18n;
    try {
      this.store.replace(parseScenarioText(file.name, await file.text()));
      this.message = { kind: 'ok', text: t.scenario.opened(file.name) };
    } catch (error) {
      // The store keeps the scenario it had: a bad file changes nothing.
      const text = error instanceof ScenarioFileError ? t.scenario.invalid(error.file, error.path, error.detail) : String(error);
      this.message = { kind: 'error', text };
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-scenario-bar': ScenarioBar;
  }
}
