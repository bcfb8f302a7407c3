import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { I18n, Lang } from './i18n';
import { shared } from './styles/shared';

const CHOICES: Array<{ lang: Lang; label: string; tag: string }> = [
  { lang: 'zh', label: '中文', tag: 'zh-CN' },
  { lang: 'en', label: 'English', tag: 'en' },
];

/** 中文 / English toggle. Each choice is written in its own language so anyone can find theirs. */
@customElement('allot-language-switch')
export class LanguageSwitch extends LitElement {
  @property({ attribute: false }) i18n!: I18n;

  static override styles = [
    shared,
    css`
      div {
        display: inline-flex;
        border: 1px solid rgb(255 255 255 / 0.35);
        border-radius: var(--radius);
        overflow: hidden;
      }
      button {
        border: 0;
        border-radius: 0;
        background: transparent;
        color: #dfe8f3;
        padding: 4px 12px;
      }
      button:hover {
        color: #fff;
        background: rgb(255 255 255 / 0.12);
      }
      button[aria-pressed='true'] {
        background: #fff;
        color: var(--accent-strong);
        font-weight: 600;
      }
      button:focus-visible {
        outline-color: #fff;
        outline-offset: -3px;
      }
    `,
  ];

  override render() {
    return html`<div role="group" aria-label=${this.i18n.t.app.languageLabel}>
      ${CHOICES.map(
        (choice) => html`<button
          type="button"
          lang=${choice.tag}
          aria-pressed=${choice.lang === this.i18n.lang ? 'true' : 'false'}
          @click=${() => this.#choose(choice.lang)}
        >
          ${choice.label}
        </button>`,
      )}
    </div>`;
  }

  #choose(lang: Lang) {
    if (lang === this.i18n.lang) return;
    this.dispatchEvent(new CustomEvent<Lang>('lang-change', { detail: lang, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-language-switch': LanguageSwitch;
  }
}
