import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createBrowserDatabase } from '../data/adapters/wasm-browser';
import './data/data-step';
import { DataSession } from './data/data-session';
import { MAX_BROWSER_FILE_BYTES } from './data/file-limit';
import { initialLang, makeI18n, rememberLang, type I18n, type Lang } from './i18n';
import './language-switch';
import './step-nav';
import type { StepEntry } from './step-nav';
import { shared } from './styles/shared';

const STEPS: StepEntry[] = [
  { id: 'data', available: true },
  { id: 'team', available: false },
  { id: 'model', available: false },
  { id: 'policies', available: false },
  { id: 'compare', available: false },
  { id: 'export', available: false },
];

/** The workbench: header, language, the steps, and the current step's page. */
@customElement('allot-app')
export class AppShell extends LitElement {
  @state() private i18n: I18n = makeI18n(initialLang(storage(), navigator.languages?.length ? navigator.languages : [navigator.language]));
  private readonly session = new DataSession(createBrowserDatabase);
  /** The largest file the Data step reads; set lower by main.ts only for tests (`?maxFileMB=`). */
  @property({ attribute: false }) maxFileBytes = MAX_BROWSER_FILE_BYTES;

  static override styles = [
    shared,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 16px;
        padding: 10px 24px;
        background: #1b3a5c;
        color: #fff;
      }
      .brand {
        display: flex;
        align-items: baseline;
        gap: 10px;
      }
      .name {
        font-size: 18px;
        font-weight: 700;
        letter-spacing: 0.02em;
      }
      .tagline {
        font-size: 14px;
        color: #c9d6e6;
      }
      main {
        flex: 1;
        padding: 20px 24px 32px;
        max-width: 1440px;
        width: 100%;
        margin: 0 auto;
      }
    `,
  ];

  override willUpdate() {
    document.documentElement.lang = this.i18n.locale;
    document.title = `${this.i18n.t.app.name} · ${this.i18n.t.app.tagline}`;
  }

  override render() {
    const { t } = this.i18n;
    return html`
      <header>
        <div class="brand">
          <span class="name">${t.app.name}</span>
          <span class="tagline">${t.app.tagline}</span>
        </div>
        <allot-language-switch .i18n=${this.i18n} @lang-change=${this.#setLang}></allot-language-switch>
      </header>
      <allot-step-nav .i18n=${this.i18n} .steps=${STEPS} current="data"></allot-step-nav>
      <main>
        <allot-data-step .i18n=${this.i18n} .session=${this.session} .maxFileBytes=${this.maxFileBytes}></allot-data-step>
      </main>
    `;
  }

  #setLang = (event: CustomEvent<Lang>) => {
    this.i18n = makeI18n(event.detail);
    rememberLang(storage(), event.detail);
  };
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-app': AppShell;
  }
}
