import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ExportedFile } from '../../export';
import { downloadText } from '../download';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';
import { baseName, utf8Bytes } from './export-run';

/**
 * A target's files: the list on the left, the chosen file's text on the right. The text goes into
 * a <pre> as a text node, never as markup, so an exported XML or Markdown file is shown as it is.
 */
@customElement('allot-file-preview')
export class FilePreview extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) files: ExportedFile[] = [];
  @state() private chosen = '';

  static override styles = [
    shared,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(220px, 300px) minmax(0, 1fr);
        gap: 16px;
        min-height: 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      li button {
        width: 100%;
        text-align: left;
        border-color: transparent;
        display: flex;
        flex-direction: column;
        gap: 1px;
        padding: 6px 8px;
      }
      li button[aria-pressed='true'] {
        background: var(--accent-soft);
        border-color: var(--accent);
      }
      .path {
        font-family: var(--font-mono);
        font-size: 12px;
        overflow-wrap: anywhere;
      }
      .meta {
        font-size: 11px;
        color: var(--muted);
      }
      .viewer {
        display: flex;
        flex-direction: column;
        gap: 8px;
        min-width: 0;
      }
      .toolbar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 12px;
      }
      .toolbar .path {
        font-size: 13px;
        font-weight: 600;
      }
      pre {
        margin: 0;
        max-height: 460px;
        overflow: auto;
        padding: 10px 12px;
        background: #f7f9fb;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        font-family: var(--font-mono);
        font-size: 12px;
        line-height: 1.45;
        white-space: pre;
        tab-size: 2;
      }
    `,
  ];

  override willUpdate() {
    // A new target has other files: keep the chosen path when it is still there, else show the first.
    if (!this.files.some((f) => f.path === this.chosen)) this.chosen = this.files[0]?.path ?? '';
  }

  override render() {
    const { t, fmt } = this.i18n;
    const x = t.export;
    const file = this.files.find((f) => f.path === this.chosen);
    return html`
      <ul aria-label=${x.filesTitle}>
        ${this.files.map(
          (f) => html`<li>
            <button type="button" data-file=${f.path} aria-pressed=${f.path === this.chosen ? 'true' : 'false'} @click=${() => (this.chosen = f.path)}>
              <span class="path">${f.path}</span>
              <span class="meta num">${fmt.bytes(utf8Bytes(f.content))} · ${f.mediaType}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${file
        ? html`<div class="viewer">
            <div class="toolbar">
              <span class="path" data-testid="preview-path">${file.path}</span>
              <button type="button" data-action="download-file" @click=${() => downloadText(baseName(file.path), file.content, file.mediaType)}>${x.downloadFile}</button>
            </div>
            <pre tabindex="0" aria-label=${x.previewLabel(file.path)} data-testid="preview">${file.content}</pre>
          </div>`
        : html`<div></div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-file-preview': FilePreview;
  }
}
