import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SourceSummary } from '../../model/quality';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';

/** The files behind the current data: the lead table first, then the tables joined onto it. */
@customElement('allot-source-list')
export class SourceList extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) sources: SourceSummary[] = [];
  @property({ type: Boolean }) sample = false;
  @property({ type: Boolean }) busy = false;

  static override styles = [
    shared,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 2px 8px;
        align-items: center;
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .tags {
        display: flex;
        gap: 4px;
        justify-self: end;
      }
      .pill.sample {
        background: var(--warn-soft);
        color: var(--warn);
      }
      .detail {
        grid-column: 1 / -1;
      }
      button {
        font-size: 12px;
        padding: 2px 8px;
      }
    `,
  ];

  override render() {
    if (this.sources.length === 0) return nothing;
    const { t, fmt } = this.i18n;
    return html`<h3 class="visually-hidden">${t.data.loaded}</h3>
      <ul aria-label=${t.data.loaded}>
        ${this.sources.map(
          (source, i) => html`<li data-file=${source.file}>
            <span class="name">${source.file}</span>
            <span class="tags">
              ${this.sample ? html`<span class="pill sample">${t.data.sample}</span>` : nothing}
              ${this.sources.length > 1 ? html`<span class="pill">${i === 0 ? t.data.leadTable : t.data.joinedTable}</span>` : nothing}
            </span>
            <span class="detail muted small">
              ${t.data.sourceLine(
                fmt.number(source.rows),
                t.data.encodings[source.encoding],
                delimiterName(source, t.data.delimiters),
              )}
              ${i > 0
                ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.#makeLeadTable(i)}>${t.data.useAsLeadTable}</button>`
                : nothing}
            </span>
          </li>`,
        )}
      </ul>`;
  }

  #makeLeadTable(index: number) {
    this.dispatchEvent(new CustomEvent<number>('lead-table-chosen', { detail: index, bubbles: true, composed: true }));
  }
}

/** Spreadsheets and Parquet are turned into CSV on the way in: their "delimiter" is ours, not the user's. */
function delimiterName(source: SourceSummary, names: Record<string, string>): string | null {
  if (source.delimiter === null || source.encoding === 'xlsx' || source.encoding === 'parquet') return null;
  return names[source.delimiter] ?? source.delimiter;
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-source-list': SourceList;
  }
}
