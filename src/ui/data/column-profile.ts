import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CanonicalField } from '../../model/mapping';
import type { ColumnProfile } from '../../model/quality';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';

/** One row per column of the export: its type, blanks, distinct values, range and commonest values. */
@customElement('allot-column-profile')
export class ColumnProfileTable extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) columns: ColumnProfile[] = [];

  static override styles = [
    shared,
    css`
      .scroll {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 13px;
      }
      th,
      td {
        text-align: left;
        padding: 6px 10px;
        border-bottom: 1px solid var(--border);
        vertical-align: top;
      }
      thead th {
        position: sticky;
        top: 0;
        background: #f7f8fa;
        color: var(--muted);
        font-weight: 500;
        font-size: 12px;
        white-space: nowrap;
      }
      tbody th {
        font-weight: 600;
        /* Chinese names break between characters by default: keep 线索编号 whole. */
        word-break: keep-all;
        overflow-wrap: break-word;
        max-width: 240px;
      }
      .type {
        white-space: nowrap;
      }
      .num {
        text-align: right;
        white-space: nowrap;
      }
      abbr.approx {
        text-decoration: none;
        cursor: help;
      }
      .range {
        white-space: nowrap;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      .chip {
        font-size: 12px;
        padding: 0 6px;
        border: 1px solid var(--border);
        border-radius: 4px;
        background: #fafbfc;
        overflow-wrap: break-word;
        max-width: 100%;
      }
      .chip .n {
        color: var(--muted);
        margin-left: 4px;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  override render() {
    const { t } = this.i18n;
    const c = t.columns;
    return html`<div class="scroll">
      <table>
        <caption class="visually-hidden">${c.title}</caption>
        <thead>
          <tr>
            <th scope="col">${c.column}</th>
            <th scope="col">${c.field}</th>
            <th scope="col">${c.type}</th>
            <th scope="col" class="num">${c.nulls}</th>
            <th scope="col" class="num">${c.distinct}</th>
            <th scope="col">${c.min}</th>
            <th scope="col">${c.max}</th>
            <th scope="col">${c.top}</th>
          </tr>
        </thead>
        <tbody>
          ${this.columns.map((column) => this.#row(column))}
        </tbody>
      </table>
    </div>`;
  }

  #row(column: ColumnProfile) {
    const { t, fmt } = this.i18n;
    return html`<tr data-column=${column.column}>
      <th scope="row">${column.column}</th>
      <td>${column.mappedTo ? html`<span class="pill">${t.mapping.fields[column.mappedTo as CanonicalField] ?? column.mappedTo}</span>` : nothing}</td>
      <td class="type">${t.columns.types[column.type]}</td>
      <td class="num">${fmt.number(column.nulls)}</td>
      <td class="num" data-stat="distinct">
        ${column.distinctApprox
          ? html`<abbr class="approx" title=${t.columns.approximate}>≈&nbsp;${fmt.number(column.distinct)}</abbr>`
          : fmt.number(column.distinct)}
      </td>
      <td class="range">${this.#bound(column, column.min)}</td>
      <td class="range">${this.#bound(column, column.max)}</td>
      <td>
        <div class="top">
          ${column.top.map((top) => html`<span class="chip">${top.value}<span class="n">${fmt.number(top.count)}</span></span>`)}
        </div>
      </td>
    </tr>`;
  }

  #bound(column: ColumnProfile, value: string | null) {
    if (value === null) return '';
    // A year column (year_established, 成立年份) reads 1979, never 1,979.
    if (column.type === 'number' && looksLikeYears(column)) return value;
    if (column.type === 'number' && Number.isFinite(Number(value))) return this.i18n.fmt.number(Number(value));
    if (column.type === 'date') return this.i18n.fmt.date(value);
    return value;
  }
}

/** Whole numbers between 1800 and 2200 in a column named like a year. */
function looksLikeYears(column: ColumnProfile): boolean {
  const bounds = [column.min, column.max].map(Number);
  return /year|年/i.test(column.column) && bounds.every((n) => Number.isInteger(n) && n >= 1800 && n <= 2200);
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-column-profile': ColumnProfileTable;
  }
}
