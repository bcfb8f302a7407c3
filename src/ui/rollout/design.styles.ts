import { css } from 'lit';

/** The design's inputs in one row of groups, its run buttons at the end. */
export const designPanelStyles = css`
  :host {
    display: block;
  }
  .form {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr) minmax(0, 1fr) auto;
    gap: 24px;
    align-items: start;
    margin-top: 8px;
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
    font-size: 13px;
    font-weight: 600;
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
    font-size: 12px;
  }
  .help {
    font-size: 12px;
    color: var(--muted);
    margin: 0;
  }
  .run {
    display: flex;
    flex-direction: column;
    gap: 8px;
    align-self: end;
    max-width: 16em;
  }
  .status progress {
    width: 180px;
  }
  .results {
    margin-top: 16px;
    border-top: 1px solid var(--border);
    padding-top: 12px;
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

/** The curve beside the numbers. */
export const designReportStyles = css`
  :host {
    display: block;
  }
  .report {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 24px;
    align-items: start;
  }
  @media (max-width: 900px) {
    .report {
      grid-template-columns: 1fr;
    }
  }
  h3 {
    margin: 10px 0 2px;
    font-size: 13px;
    color: var(--muted);
    font-weight: 600;
  }
  h3:first-child {
    margin-top: 0;
  }
  p {
    margin: 0;
    font-size: 14px;
  }
  .headline {
    font-weight: 600;
  }
  .reversed {
    margin-top: 6px;
    padding: 6px 10px;
    border-left: 4px solid var(--bad);
    background: var(--bad-soft);
    font-weight: 600;
  }
  .statements {
    margin: 8px 0 0;
    padding-left: 18px;
    font-size: 13px;
    color: var(--muted);
  }
  .statements li + li {
    margin-top: 4px;
  }
`;
