import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';

export const ACCEPTED_FILES = '.csv,.txt,.tsv,.xlsx,.parquet';

/** Drop zone and file picker. Emits `files-selected` with the files in the order given. */
@customElement('allot-file-drop')
export class FileDrop extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ type: Boolean }) busy = false;
  @state() private over = false;

  static override styles = [
    shared,
    css`
      .zone {
        border: 2px dashed var(--border-strong);
        border-radius: var(--radius);
        padding: 18px 12px;
        text-align: center;
        background: #fafbfc;
        transition: background 0.1s, border-color 0.1s;
      }
      .zone.over {
        border-color: var(--accent);
        background: var(--accent-soft);
      }
      .zone p + p {
        margin-top: 6px;
      }
      label.button {
        display: inline-block;
        color: var(--accent-strong);
        border-color: var(--accent);
        margin-left: 4px;
      }
      label.button:hover {
        background: var(--accent-soft);
      }
      input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .busy {
        opacity: 0.6;
      }
    `,
  ];

  override render() {
    const { t } = this.i18n;
    return html`<div
      class="zone ${this.over ? 'over' : ''} ${this.busy ? 'busy' : ''}"
      @dragenter=${this.#dragOver}
      @dragover=${this.#dragOver}
      @dragleave=${() => (this.over = false)}
      @drop=${this.#drop}
    >
      <p>
        ${t.data.dropHere}
        <label class="button">
          ${t.data.chooseFiles}
          <input type="file" multiple accept=${ACCEPTED_FILES} data-testid="file-input" @change=${this.#picked} />
        </label>
      </p>
      <p class="muted small">${t.data.formats}</p>
      <p class="muted small">${t.data.severalFiles}</p>
    </div>`;
  }

  #dragOver(event: DragEvent) {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.over = true;
  }

  #drop(event: DragEvent) {
    event.preventDefault();
    this.over = false;
    this.#emit([...(event.dataTransfer?.files ?? [])]);
  }

  #picked(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    this.#emit(files);
  }

  #emit(files: File[]) {
    if (files.length === 0) return;
    this.dispatchEvent(new CustomEvent<File[]>('files-selected', { detail: files, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-file-drop': FileDrop;
  }
}
