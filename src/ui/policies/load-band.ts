import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';
import { controlStyles, percentInput } from './controls';

export type LoadBand = readonly [number, number];
const DEFAULT_BAND: LoadBand = [0.5, 1];

/**
 * The load band [min, max] as shares of each rep's capacity, switchable. Fires `load-band-change`
 * (detail: the band, or null for off) when a value is committed (Enter, leaving the field).
 */
@customElement('allot-load-band')
export class LoadBandControl extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) band: LoadBand | undefined;

  static override styles = [
    shared,
    controlStyles,
    css`
      .row {
        gap: 12px;
        margin-top: 4px;
      }
      input[aria-invalid='true'] {
        border-color: var(--bad);
      }
    `,
  ];

  override render() {
    const p = this.i18n.t.policies;
    const band = this.band;
    const on = band !== undefined;
    const [lo, hi] = band ?? DEFAULT_BAND;
    return html`<label><input type="checkbox" data-control="load-band" .checked=${on} @change=${this.#toggle} aria-describedby="band-help" /> ${p.loadBand}</label>
      <div class="row">
        ${percentInput({ label: p.loadMin, control: 'load-min', share: lo, disabled: !on, onChange: this.#edit })}
        ${percentInput({ label: p.loadMax, control: 'load-max', share: hi, max: 200, disabled: !on, onChange: this.#edit })}
      </div>
      <p class="help" id="band-help">${p.loadBandHelp}</p>`;
  }

  #toggle = (event: Event) => this.#emit((event.target as HTMLInputElement).checked ? (this.band ?? DEFAULT_BAND) : null);

  #edit = () => {
    const read = (control: string) => Number((this.renderRoot.querySelector(`[data-control="${control}"]`) as HTMLInputElement).value) / 100;
    const lo = read('load-min'), hi = read('load-max');
    const valid = Number.isFinite(lo) && Number.isFinite(hi) && lo >= 0 && lo <= 1 && hi <= 2 && hi >= lo;
    for (const control of ['load-min', 'load-max']) this.renderRoot.querySelector(`[data-control="${control}"]`)!.setAttribute('aria-invalid', String(!valid));
    if (valid) this.#emit([lo, hi]);
  };

  #emit(band: LoadBand | null) {
    this.dispatchEvent(new CustomEvent<LoadBand | null>('load-band-change', { detail: band, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-load-band': LoadBandControl;
  }
}
