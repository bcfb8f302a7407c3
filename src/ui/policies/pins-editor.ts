import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Rep } from '../../model/roster';
import type { Scenario } from '../../model/scenario';
import type { PlanView } from '../../pipeline';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';
import { controlStyles, emitScenarioEdit, percentInput, readShare } from './controls';
import type { SegmentValues } from './optimizer-controls';
import { segmentWith, withExclusions, withPins, type Exclusion, type Pin, type SegmentMatch } from './scenario-edits';

const DEFAULT_PIN_SHARE = 0.2;
const ANY = '';

type Kind = 'pin' | 'exclusion';

/**
 * Pins (a share of a segment's leads to one rep, whatever the optimizer would do) and exclusions
 * (a rep who never gets a segment's leads), as a small table per kind. Reads the scenario, fires
 * `scenario-edit` with the edited scenario; whether the pins can be met is the optimizer's to say,
 * in the plan panel, in its own words.
 */
@customElement('allot-pins-editor')
export class PinsEditor extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) scenario!: Scenario;
  /** Per segment field, the values the current estimates know. */
  @property({ attribute: false }) segmentValues: SegmentValues = {};
  @property({ attribute: false }) reps: readonly Rep[] = [];
  /** How the last solve ended: the plan panel says why a plan failed; this editor points there, as it may be scrolled far from it. */
  @property({ attribute: false }) planStatus: PlanView['status'] | null = null;
  /** The row just added, to be focused once the scenario holding it comes back. */
  #focusAfterAdd: { kind: Kind; index: number } | null = null;

  static override styles = [
    shared,
    controlStyles,
    css`
      :host {
        margin-top: 14px;
      }
      .label {
        font-weight: 600;
        font-size: 13px;
      }
      .sub {
        font-size: 13px;
        font-weight: 500;
        margin-top: 8px;
      }
      table {
        border-collapse: collapse;
        table-layout: fixed;
        width: 100%;
        margin: 2px 0 4px;
        font-size: 13px;
      }
      th.segment {
        width: 128px;
      }
      th.share {
        width: 92px;
      }
      th.remove {
        width: 40px;
      }
      th {
        text-align: left;
        font-size: 12px;
        font-weight: 500;
        color: var(--muted);
        padding: 0 6px 2px 0;
      }
      td {
        padding: 3px 6px 3px 0;
        vertical-align: middle;
      }
      td.segment {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      select {
        width: 100%;
      }
      /* The share's label is for screen readers (it names the row); the column head says it for the eye. */
      td.share label {
        font-size: 0;
        white-space: nowrap;
      }
      button.remove {
        padding: 2px 8px;
      }
      .empty {
        font-size: 12px;
        color: var(--muted);
        margin: 2px 0 4px;
      }
      .add {
        margin-bottom: 6px;
      }
      .problem {
        font-size: 12px;
        color: var(--bad);
        margin: 4px 0;
      }
      .problem:empty {
        margin: 0;
      }
    `,
  ];

  override render() {
    const p = this.i18n.t.policies;
    const { pins, exclusions } = this.scenario.constraints;
    const ready = this.#fields().length > 0 && this.reps.length > 0;
    return html`
      <div class="label" id="pins-title">${p.pinsTitle}</div>
      <p class="help">${p.pinsHelp}</p>
      <p class="problem" role="status" data-plan-problem>${this.planStatus && this.planStatus !== 'optimal' && pins.length + exclusions.length > 0 ? p.pinsPlanProblem : nothing}</p>
      ${this.#table('pin', pins, p.pins, p.noPins)}
      <button type="button" class="add" data-control="add-pin" ?disabled=${!ready} @click=${this.#addPin}>${p.addPin}</button>
      ${this.#table('exclusion', exclusions, p.exclusions, p.noExclusions)}
      <button type="button" class="add" data-control="add-exclusion" ?disabled=${!ready} @click=${this.#addExclusion}>${p.addExclusion}</button>
    `;
  }

  override updated() {
    const target = this.#focusAfterAdd;
    if (!target) return;
    const first = this.renderRoot.querySelector<HTMLSelectElement>(`tr[data-kind="${target.kind}"][data-index="${target.index}"] select`);
    if (first) {
      this.#focusAfterAdd = null;
      first.focus();
    }
  }

  #table(kind: Kind, rows: ReadonlyArray<Pin | Exclusion>, caption: string, empty: string) {
    const p = this.i18n.t.policies;
    const sub = html`<div class="sub" id=${`${kind}-rows`}>${caption}</div>`;
    if (rows.length === 0) return html`${sub}<p class="empty" data-empty=${kind}>${empty}</p>`;
    return html`${sub}<table data-table=${kind} aria-labelledby=${`${kind}-rows`}>
      <thead>
        <tr>
          <th scope="col" class="segment">${p.pinSegment}</th>
          <th scope="col">${p.pinRep}</th>
          ${kind === 'pin' ? html`<th scope="col" class="share">${p.pinShare} (%)</th>` : nothing}
          <th scope="col" class="remove"><span class="visually-hidden">${p.remove}</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row, index) => this.#row(kind, row, index))}
      </tbody>
    </table>`;
  }

  #row(kind: Kind, row: Pin | Exclusion, index: number) {
    const p = this.i18n.t.policies;
    const name = kind === 'pin' ? p.pinRow(index + 1) : p.exclusionRow(index + 1);
    const replace = (next: Pin | Exclusion) => this.#setRows(kind, this.#rows(kind).map((r, i) => (i === index ? next : r)));
    return html`<tr data-kind=${kind} data-index=${index}>
      <td class="segment">${this.#fields(row.segment).map((field) => this.#fieldSelect(name, field, row.segment, (segment) => replace({ ...row, segment })))}</td>
      <td>${this.#repSelect(kind, name, row.rep, (rep) => replace({ ...row, rep }))}</td>
      ${'share' in row
        ? html`<td class="share">${percentInput({ label: `${name} ${p.pinShare}`, control: 'pin-share', share: row.share, onChange: (e) => { const share = readShare(e); if (share !== null) replace({ ...row, share }); } })}</td>`
        : nothing}
      <td><button type="button" class="remove" data-control="remove" aria-label=${`${p.remove} ${name}`} title=${p.remove} @click=${() => this.#setRows(kind, this.#rows(kind).filter((_, i) => i !== index))}>✕</button></td>
    </tr>`;
  }

  #fieldSelect(rowName: string, field: string, segment: SegmentMatch, set: (segment: SegmentMatch) => void) {
    const current = segment[field];
    const known = this.segmentValues[field] ?? [];
    // A value the estimates do not hold (a scenario file from other data) stays shown as it is; the optimizer says it matches nothing.
    const values = current !== undefined && !known.includes(current) ? [...known, current] : known;
    return html`<select aria-label=${`${rowName} ${field}`} data-segment-field=${field} @change=${(e: Event) => {
      const value = (e.target as HTMLSelectElement).value;
      set(segmentWith(segment, field, value === ANY ? null : value));
    }}>
      <option value=${ANY} ?selected=${current === undefined}>${this.i18n.t.policies.anyValue(field)}</option>
      ${values.map((v) => html`<option value=${v} ?selected=${v === current}>${v}</option>`)}
    </select>`;
  }

  #repSelect(kind: Kind, rowName: string, current: string, set: (rep: string) => void) {
    const p = this.i18n.t.policies;
    const missing = this.reps.some((r) => r.rep_id === current) ? [] : [current];
    return html`<select aria-label=${`${rowName} ${p.pinRep}`} data-control="pin-rep" @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
      ${this.reps.map(
        (rep) => html`<option value=${rep.rep_id} ?selected=${rep.rep_id === current} ?disabled=${kind === 'pin' && !rep.active && rep.rep_id !== current}>
          ${rep.name || rep.rep_id}${rep.active ? '' : ` (${p.inactiveRep})`}
        </option>`,
      )}
      ${missing.map((id) => html`<option value=${id} selected>${id}</option>`)}
    </select>`;
  }

  /** The segment fields to offer: the estimates' own, then any a row names that they do not know. */
  #fields(segment: SegmentMatch = {}): string[] {
    const fields = Object.keys(this.segmentValues);
    return [...fields, ...Object.keys(segment).filter((f) => !fields.includes(f))];
  }

  /** A new row starts on the first segment field's first value; the others match any value. */
  #defaultSegment(): SegmentMatch {
    const [field] = this.#fields();
    const value = field ? this.segmentValues[field]?.[0] : undefined;
    return field && value !== undefined ? { [field]: value } : {};
  }

  #addPin = () => {
    const rep = this.reps.find((r) => r.active) ?? this.reps[0];
    if (!rep) return;
    const pins = this.scenario.constraints.pins;
    this.#focusAfterAdd = { kind: 'pin', index: pins.length };
    this.#setRows('pin', [...pins, { segment: this.#defaultSegment(), rep: rep.rep_id, share: DEFAULT_PIN_SHARE }]);
  };

  #addExclusion = () => {
    const segment = this.#defaultSegment();
    const { pins, exclusions } = this.scenario.constraints;
    // Not a rep pinned to the same segment: a new row should not start out contradicting a pin.
    const pinned = new Set(pins.filter((pin) => sameSegment(pin.segment, segment)).map((pin) => pin.rep));
    const rep = this.reps.find((r) => r.active && !pinned.has(r.rep_id)) ?? this.reps[0];
    if (!rep) return;
    this.#focusAfterAdd = { kind: 'exclusion', index: exclusions.length };
    this.#setRows('exclusion', [...exclusions, { segment, rep: rep.rep_id }]);
  };

  #rows(kind: Kind): Array<Pin | Exclusion> {
    return kind === 'pin' ? this.scenario.constraints.pins : this.scenario.constraints.exclusions;
  }

  #setRows(kind: Kind, rows: Array<Pin | Exclusion>) {
    emitScenarioEdit(this, kind === 'pin' ? withPins(this.scenario, rows as Pin[]) : withExclusions(this.scenario, rows));
  }

}

function sameSegment(a: SegmentMatch, b: SegmentMatch): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-pins-editor': PinsEditor;
  }
}
