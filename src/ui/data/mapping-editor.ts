import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CANONICAL_FIELDS, type CanonicalField } from '../../model/mapping';
import type { DateOrderChoice, I18n } from '../i18n';
import { shared } from '../styles/shared';

export type FieldChoice = { field: CanonicalField; column: string | null };
const DATE_ORDERS: DateOrderChoice[] = ['auto', 'ymd', 'dmy', 'mdy'];

/**
 * One `<select>` of the file's columns per canonical field, the date order, and saving or opening
 * a mapping file. It shows what it is given and reports what the user picks; it maps nothing itself.
 */
@customElement('allot-mapping-editor')
export class MappingEditor extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) columns: string[] = [];
  /** Field → column; `null` (or absent) shows "not mapped". */
  @property({ attribute: false }) fields: Partial<Record<CanonicalField, string | null>> = {};
  @property() dateOrder: DateOrderChoice = 'auto';
  /** The order `auto` settled on, shown next to it. */
  @property() detectedOrder: DateOrderChoice | null = null;
  @property({ type: Boolean }) busy = false;
  /** While new files are being loaded: the columns offered are the old file's, so nothing can be picked. */
  @property({ type: Boolean }) disabled = false;

  static override styles = [
    shared,
    css`
      .fields {
        display: grid;
        grid-template-columns: 112px minmax(0, 1fr);
        gap: 8px 12px;
        align-items: center;
        margin: 12px 0;
      }
      label {
        font-weight: 500;
      }
      .hint {
        display: block;
        font-weight: 400;
        font-size: 11px;
        color: var(--muted);
      }
      select {
        width: 100%;
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      input[type='file'] {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .actions label.button {
        font-weight: 400;
      }
      select:disabled,
      button:disabled,
      label.button.disabled {
        opacity: 0.6;
        cursor: default;
      }
    `,
  ];

  override render() {
    const { t } = this.i18n;
    const m = t.mapping;
    return html`<form @submit=${(e: Event) => e.preventDefault()} aria-busy=${this.busy ? 'true' : 'false'}>
      <p class="muted small">${m.intro}</p>
      <div class="fields">
        ${CANONICAL_FIELDS.map((field) => this.#fieldRow(field))}
        <label for="date-order">${m.dateOrder}</label>
        <select id="date-order" data-setting="dateOrder" ?disabled=${this.disabled} @change=${this.#dateOrderChanged}>
          ${DATE_ORDERS.map(
            (order) => html`<option value=${order}>
              ${order === 'auto' && this.detectedOrder && this.detectedOrder !== 'auto'
                ? `${m.dateOrders.auto} (${m.dateOrders[this.detectedOrder]})`
                : m.dateOrders[order]}
            </option>`,
          )}
        </select>
      </div>
      <div class="actions">
        <button type="button" ?disabled=${this.disabled} @click=${() => this.#emit('mapping-save', null)}>${m.save}</button>
        <label class="button ${this.disabled ? 'disabled' : ''}">
          ${m.open}
          <input type="file" accept=".json,application/json" data-testid="mapping-input" ?disabled=${this.disabled} @change=${this.#opened} />
        </label>
      </div>
    </form>`;
  }

  /**
   * Selects are set after their options are rendered: a value set before the new file's options
   * exist selects nothing, and marks the options so that their selected attribute is ignored.
   */
  override updated() {
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select[data-field]')) {
      const wanted = this.fields[select.dataset.field as CanonicalField] ?? '';
      if (select.value !== wanted) select.value = wanted;
    }
    const order = this.renderRoot.querySelector<HTMLSelectElement>('#date-order');
    if (order && order.value !== this.dateOrder) order.value = this.dateOrder;
  }

  #fieldRow(field: CanonicalField) {
    const { t } = this.i18n;
    const hint = t.mapping.fieldHints[field];
    const id = `field-${field}`;
    return html`<label for=${id}>${t.mapping.fields[field]}${hint ? html`<span class="hint">${hint}</span>` : nothing}</label>
      <select id=${id} data-field=${field} ?disabled=${this.disabled} @change=${(e: Event) => this.#fieldChanged(field, e)}>
        <option value="">${t.mapping.notMapped}</option>
        ${this.columns.map((column) => html`<option .value=${column}>${column}</option>`)}
      </select>`;
  }

  #fieldChanged(field: CanonicalField, event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    // "Not mapped" is sent as null: the data layer then leaves the field unmapped, even where a
    // column's name would have suggested it.
    this.#emit<FieldChoice>('mapping-field-change', { field, column: value === '' ? null : value });
  }

  #dateOrderChanged(event: Event) {
    this.#emit<DateOrderChoice>('date-order-change', (event.target as HTMLSelectElement).value as DateOrderChoice);
  }

  #opened(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.#emit<File>('mapping-open', file);
  }

  #emit<T>(name: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-mapping-editor': MappingEditor;
  }
}
