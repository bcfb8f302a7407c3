import { css, html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Scenario } from '../../model/scenario';

/** What every policy control shows alike: a block with rows of inputs, a one-line help, number fields and sliders. */
export const controlStyles = css`
  :host {
    display: block;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  .help {
    font-size: 12px;
    color: var(--muted);
  }
  input[type='number'] {
    width: 64px;
    font: inherit;
    font-size: 13px;
    padding: 3px 6px;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius);
  }
  input[type='range'] {
    flex: 1;
    accent-color: var(--accent);
  }
`;

/** A column of controls with their groups unframed: the optimizer's settings, the what-if panel. */
export const controlColumnStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
`;

interface PercentInput {
  label: string;
  /** Its data-control name (what tests and the component itself find it by). */
  control: string;
  /** The share in [0, max/100] it shows, as a whole percent. */
  share: number;
  /** The largest percent it offers; 100 unless more than all of something makes sense. */
  max?: number;
  disabled?: boolean;
  /** The id of the help line that explains it, in the same shadow root. */
  describedBy?: string;
  onChange: (event: Event) => void;
}

/** A share typed as a percent in steps of 5, its label before and "%" after. */
export function percentInput({ label, control, share, max = 100, disabled = false, describedBy, onChange }: PercentInput) {
  return html`<label>${label} <input type="number" min="0" max=${max} step="5" data-control=${control} .value=${String(Math.round(share * 100))} ?disabled=${disabled} aria-describedby=${ifDefined(describedBy)} @change=${onChange} /> %</label>`;
}

/** Reads a percent field as a share in [0, max]; anything else is marked invalid (aria-invalid) and gives null, kept out of the scenario. */
export function readShare(event: Event, max = 1): number | null {
  const input = event.target as HTMLInputElement;
  const share = Number(input.value) / 100;
  const valid = input.value.trim() !== '' && share >= 0 && share <= max;
  input.setAttribute('aria-invalid', String(!valid));
  return valid ? share : null;
}

/** Hands an edited scenario up to the step, which puts it in the store (saved, autosaved, re-solved). */
export function emitScenarioEdit(from: HTMLElement, scenario: Scenario): void {
  from.dispatchEvent(new CustomEvent<Scenario>('scenario-edit', { detail: scenario, bubbles: true, composed: true }));
}
