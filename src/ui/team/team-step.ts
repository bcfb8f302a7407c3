import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RepSchema, type Rep } from '../../model/roster';
import { runErrorAlert } from '../step/run-error';
import type { I18n } from '../i18n';
import type { RosterOrigin } from '../../pipeline';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import './roster-table';
import type { RepChange } from './roster-table';

/** Where the roster stands: being read, read (with where from), or failed. */
export type RosterStatus = { kind: 'waiting' } | { kind: 'loading' } | { kind: 'ready'; origin: RosterOrigin } | { kind: 'error'; error: unknown };

/** Step 2, 团队: the roster, editable. Shows what it is given; edits go up as `rep-change`. */
@customElement('allot-team-step')
export class TeamStep extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) reps: Rep[] | null = null;
  @property({ attribute: false }) status: RosterStatus = { kind: 'waiting' };

  static override styles = [
    shared,
    stepStyles,
    css`
      .summary {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 6px 16px;
        margin-bottom: 12px;
      }
      details {
        margin-bottom: 12px;
        font-size: 13px;
      }
      summary {
        cursor: pointer;
        color: var(--accent-strong);
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
        margin-bottom: 10px;
      }
      label.button input {
        display: none;
      }
      .crm {
        font-size: 13px;
        margin: 0 0 10px;
      }
      details ul {
        margin: 6px 0 0;
        padding-left: 20px;
      }
    `,
  ];

  override render() {
    const { t, fmt } = this.i18n;
    const reps = this.reps;
    return html`
      <div class="head">
        <h1>${t.team.title}</h1>
        <p class="muted">${t.team.intro}</p>
      </div>
      ${this.status.kind === 'error' ? runErrorAlert(this.i18n, t.team.loadFailed, this.status.error, () => this.dispatchEvent(new CustomEvent('roster-retry', { bubbles: true, composed: true }))) : nothing}
      <section class="panel" aria-labelledby="roster-title" aria-busy=${this.status.kind === 'loading' ? 'true' : 'false'}>
        <div class="summary">
          <h2 id="roster-title">${t.steps.team}</h2>
          ${reps ? html`<span class="muted" data-testid="roster-count">${t.team.reps(fmt.number(reps.length), fmt.number(reps.filter((r) => r.active).length))}</span>` : nothing}
          ${this.#origin()}
        </div>
        ${this.status.kind === 'ready' && this.status.origin.kind === 'inferred'
          ? html`<details open>
              <summary>${t.team.inferredNotes}</summary>
              <ul>
                ${this.status.origin.notes.map((n) => html`<li>${n}</li>`)}
              </ul>
            </details>`
          : nothing}
        ${reps
          ? html`<div class="tools">
                <button type="button" data-action="add-rep" @click=${this.#add}>${t.team.addRep}</button>
                <label class="button">${t.team.importRoster}<input type="file" data-testid="roster-input" accept=".csv,.tsv,.txt,.xlsx" @change=${this.#import} /></label>
                <span class="muted small">${t.team.importHelp}</span>
              </div>
              ${this.#crmUsers(reps)}
              <allot-roster-table .i18n=${this.i18n} .reps=${reps} @rep-change=${this.#changed} @rep-remove=${this.#removed}></allot-roster-table>`
          : html`<p class="muted">${this.status.kind === 'loading' ? t.team.loading : t.team.noData}</p>`}
      </section>
    `;
  }

  /** Salesforce, HubSpot, Odoo and Frappe assign to CRM users: the reps without one are named here, before an export needs them. */
  #crmUsers(reps: Rep[]) {
    const { t, fmt } = this.i18n;
    const missing = reps.filter((r) => r.active && !r.crm_user.trim());
    if (!missing.length) return html`<p class="crm muted" data-testid="crm-users">${t.team.crmAll}</p>`;
    return html`<p class="crm" data-testid="crm-users">${t.team.crmMissing(fmt.number(missing.length), missing.map((r) => r.name || r.rep_id).join(', '))}</p>`;
  }

  #emitRoster(reps: Rep[]) {
    this.dispatchEvent(new CustomEvent<Rep[]>('roster-replace', { detail: reps, bubbles: true, composed: true }));
  }

  #add = () => {
    const reps = this.reps ?? [];
    const taken = new Set(reps.map((r) => r.rep_id));
    let n = reps.length + 1;
    while (taken.has(`rep-${n}`)) n++;
    const id = `rep-${n}`;
    this.#emitRoster([...reps, RepSchema.parse({ rep_id: id, name: id, capacity_per_week: 10 })]);
  };

  #removed = (event: CustomEvent<number>) => this.#emitRoster((this.reps ?? []).filter((_, i) => i !== event.detail));

  #import = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.dispatchEvent(new CustomEvent<File>('roster-import', { detail: file, bubbles: true, composed: true }));
  };

  #origin() {
    const { t } = this.i18n;
    if (this.status.kind !== 'ready') return nothing;
    const origin = this.status.origin;
    if (origin.kind === 'file') return html`<span class="muted small">${t.team.fromFile(origin.file)}</span>`;
    if (origin.kind === 'inferred') return html`<span class="muted small">${t.team.inferred}</span>`;
    return nothing;
  }

  #changed = (event: CustomEvent<RepChange>) => {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent<RepChange>('roster-edit', { detail: event.detail, bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-team-step': TeamStep;
  }
}
