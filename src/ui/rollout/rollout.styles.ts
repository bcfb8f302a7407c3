import { css } from 'lit';

/**
 * The Rollout step's two forms (the design's and the readout's): groups of fields side by side,
 * narrowing to two columns; each form sets its own column widths on `.form`.
 */
export const rolloutFieldStyles = css`
  :host {
    display: block;
  }
  .form {
    display: grid;
    gap: 24px;
    align-items: start;
  }
  @media (max-width: 1000px) {
    .form {
      grid-template-columns: 1fr 1fr;
    }
  }
  .field-group {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 4px;
  }
  .help {
    font-size: 12px;
    color: var(--muted);
  }
  label.field {
    font-size: 13px;
    font-weight: 600;
    margin-top: 4px;
  }
  label.choice {
    display: flex;
    align-items: baseline;
    gap: 6px;
    font-size: 13px;
  }
  input[type='text'] {
    font: inherit;
    font-size: 13px;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius);
    padding: 4px 6px;
    min-width: 0;
  }
  input.short {
    width: 7em;
  }
  input[aria-invalid='true'] {
    border-color: var(--bad);
  }
  .invalid {
    color: var(--bad);
  }
  .run {
    display: flex;
    flex-direction: column;
    gap: 8px;
    align-self: end;
  }
`;

/** A run's progress, its results dimmed while a new run replaces them, and the note that they are stale. */
export const rolloutRunStyles = css`
  .status progress {
    width: 180px;
  }
  .results[aria-busy='true'] {
    opacity: 0.55;
  }
  .stale {
    margin: 0 0 8px;
    font-size: 13px;
    color: var(--muted);
  }
`;

/** The readout's inputs, four groups: the export, the arms, the policies and window, the button. */
export const rolloutFormStyles = css`
  @media (min-width: 1001px) {
    .form {
      grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr) auto;
    }
  }
  .sub {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin: 0 0 6px 22px;
  }
  .chosen {
    display: flex;
    align-items: baseline;
    gap: 6px;
    flex-wrap: wrap;
    overflow-wrap: anywhere;
  }
  .columns {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    align-items: baseline;
  }
  button.column {
    font-size: 12px;
    padding: 0 6px;
  }
`;

/** The readout: the verdict in a band, then the arms and the effect side by side. */
export const rolloutReportStyles = css`
  :host {
    display: block;
  }
  .grid {
    margin-top: 12px;
  }
  .verdict {
    margin: 0;
    padding: 10px 14px;
    border-radius: var(--radius);
    border-left: 4px solid var(--accent);
    background: var(--accent-soft);
    font-size: 15px;
    font-weight: 600;
  }
  .verdict[data-verdict='below'] {
    border-left-color: var(--bad);
    background: var(--bad-soft);
  }
  .verdict[data-verdict='above'] {
    border-left-color: #1c7c4a;
    background: #e5f4ec;
  }
  .panel p + p {
    margin-top: 4px;
  }
  table.arms {
    border-collapse: collapse;
    width: 100%;
    margin: 12px 0 16px;
    font-size: 13px;
  }
  table.arms th,
  table.arms td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--border);
    text-align: left;
  }
  table.arms tbody td,
  table.arms tbody th {
    white-space: nowrap;
  }
  table.arms .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  table.arms thead th {
    font-size: 12px;
    color: var(--muted);
    font-weight: 600;
  }
  .left-out {
    margin: 4px 0 0;
    padding-left: 18px;
    font-size: 13px;
  }
  .left-out li + li {
    margin-top: 4px;
  }
  allot-chart {
    margin: 8px 0;
  }
`;
