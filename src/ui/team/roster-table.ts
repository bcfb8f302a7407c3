import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Rep } from '../../model/roster';
import type { I18n } from '../i18n';
import type { TeamColumn, Texts } from '../i18n/texts';
import { shared } from '../styles/shared';
import { TEAM_COLUMNS, cellText, editCell, type CellProblem } from './rep-cells';

export interface RepChange {
  index: number;
  rep: Rep;
}

interface Refused {
  text: string;
  problem: CellProblem;
}

const NUMERIC: TeamColumn[] = ['capacity_per_week', 'max_open'];
const LISTS: TeamColumn[] = ['skills', 'absences'];

/**
 * The roster as an editable table: one labelled input per cell, checked when it is left (or on
 * Enter). A refused value stays in its cell, marked invalid, with the reason under it; an
 * accepted one is sent up as `rep-change`.
 */
@customElement('allot-roster-table')
export class RosterTable extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) reps: Rep[] = [];
  @state() private refused = new Map<string, Refused>();

  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 13px;
      }
      th {
        text-align: left;
        font-weight: 600;
        color: var(--muted);
        font-size: 12px;
        padding: 6px 4px;
        border-bottom: 1px solid var(--border-strong);
        white-space: nowrap;
      }
      th.num {
        text-align: right;
      }
      td {
        padding: 3px 4px;
        border-bottom: 1px solid var(--border);
        vertical-align: top;
      }
      tr.inactive td {
        background: #f7f8fa;
      }
      tr.inactive textarea,
      tr.inactive input[type='text'] {
        color: var(--muted);
      }
      input[type='text'],
      textarea {
        font: inherit;
        width: 100%;
        min-width: 0;
        border: 1px solid transparent;
        border-radius: 4px;
        padding: 3px 5px;
        background: transparent;
        color: var(--text);
      }
      /* Text cells wrap and grow instead of cutting a long skill list or email off at 1280 px. */
      textarea {
        display: block;
        resize: none;
        field-sizing: content;
        min-height: 0;
        overflow-wrap: anywhere;
        line-height: 1.35;
      }
      textarea:hover,
      input[type='text']:hover {
        border-color: var(--border);
      }
      textarea:focus,
      input[type='text']:focus {
        border-color: var(--accent);
        background: var(--surface);
      }
      input.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      textarea[aria-invalid='true'],
      input[aria-invalid='true'] {
        border-color: var(--bad);
        background: var(--bad-soft);
      }
      .error {
        color: var(--bad);
        font-size: 12px;
        margin-top: 2px;
        max-width: 220px;
      }
      /* The label only: a bare .active would also match <col class="active">, and a col shown inline has no width. */
      label.active {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        padding-top: 4px;
        white-space: nowrap;
      }
      table {
        table-layout: fixed;
        min-width: 1100px;
      }
      col.rep_id { width: 56px; }
      col.name { width: 120px; }
      col.team { width: 100px; }
      col.tier { width: 64px; }
      col.skills { width: 220px; }
      col.capacity_per_week { width: 76px; }
      col.max_open { width: 64px; }
      col.active { width: 72px; }
      col.absences { width: 96px; }
      /* 1,100 px in all, inside a 1280 px window; the text cells wrap, so a long email shows whole. */
      col.crm_user { width: 200px; }
      col.remove { width: 32px; }
      button.remove {
        border: 0;
        background: none;
        color: var(--muted);
        font-size: 16px;
        cursor: pointer;
      }
      th {
        white-space: normal;
        vertical-align: bottom;
      }
    `,
  ];

  override render() {
    const { t } = this.i18n;
    return html`<div class="scroll">
      <table>
        <colgroup>${TEAM_COLUMNS.map((c) => html`<col class=${c} />`)}<col class="remove" /></colgroup>
        <thead>
          <tr>
            ${TEAM_COLUMNS.map((c) => html`<th scope="col" class=${NUMERIC.includes(c) ? 'num' : ''}>${t.team.columns[c]}${LISTS.includes(c) ? html`<span class="muted small"> (${t.team.listHint})</span>` : nothing}</th>`)}
            <th scope="col"><span class="visually-hidden">${t.team.removeColumn}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.reps.map((rep, index) => html`<tr data-rep=${rep.rep_id} class=${rep.active ? '' : 'inactive'}>${TEAM_COLUMNS.map((c) => html`<td>${this.#cell(rep, index, c)}</td>`)}<td>
            <button type="button" class="remove" data-action="remove-rep" aria-label=${t.team.removeRep(rep.name || rep.rep_id)} title=${t.team.removeRep(rep.name || rep.rep_id)}
              @click=${() => this.dispatchEvent(new CustomEvent<number>('rep-remove', { detail: index }))}>×</button>
          </td></tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  #cell(rep: Rep, index: number, column: TeamColumn) {
    const { t } = this.i18n;
    const label = t.team.cellLabel(t.team.columns[column], rep.name);
    if (column === 'active') {
      return html`<label class="active"
        ><input type="checkbox" data-column="active" .checked=${live(rep.active)} @change=${(e: Event) => this.#commit(index, column, String((e.target as HTMLInputElement).checked))} aria-label=${label} /><span
          class="small"
          aria-hidden="true"
          >${rep.active ? t.team.activeYes : ''}</span
        ></label
      >`;
    }
    const key = `${index}:${column}`;
    const refused = this.refused.get(key);
    const errorId = `error-${index}-${column}`;
    const value = refused?.text ?? cellText(rep, column);
    const commit = (e: Event) => this.#commit(index, column, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    const error = refused ? html`<div class="error" id=${errorId} role="alert">${problemText(t, refused.problem)}</div>` : nothing;
    if (NUMERIC.includes(column)) {
      return html`<input type="text" class="num" data-column=${column} inputmode="decimal" aria-label=${label}
        aria-invalid=${refused ? 'true' : 'false'} aria-describedby=${refused ? errorId : nothing}
        .value=${live(value)} @change=${commit}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && commit(e)} />${error}`;
    }
    // Enter commits, as in the numeric cells; a roster value never holds a line break.
    return html`<textarea rows="1" data-column=${column} aria-label=${label}
        aria-invalid=${refused ? 'true' : 'false'} aria-describedby=${refused ? errorId : nothing}
        .value=${live(value)} @change=${commit}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          commit(e);
        }}></textarea>${error}`;
  }

  #commit(index: number, column: TeamColumn, text: string) {
    const key = `${index}:${column}`;
    const edit = editCell(this.reps, index, column, text);
    const refused = new Map(this.refused);
    if ('problem' in edit) {
      refused.set(key, { text, problem: edit.problem });
      this.refused = refused;
      return;
    }
    refused.delete(key);
    this.refused = refused;
    if (JSON.stringify(edit.rep) === JSON.stringify(this.reps[index])) return;
    this.dispatchEvent(new CustomEvent<RepChange>('rep-change', { detail: { index, rep: edit.rep }, bubbles: true, composed: true }));
  }
}

function problemText(t: Texts, problem: CellProblem): string {
  const errors = t.team.errors;
  switch (problem.code) {
    case 'badDate':
      return errors.badDate(problem.value);
    case 'duplicateId':
      return errors.duplicateId(problem.id);
    default:
      return errors[problem.code];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-roster-table': RosterTable;
  }
}
