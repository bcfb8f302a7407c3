import { css } from 'lit';

/** The design's inputs in one row of groups, its run buttons at the end. */
export const designPanelStyles = css`
  @media (min-width: 1001px) {
    .form {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr) minmax(0, 1fr) auto;
    }
  }
  .form {
    margin-top: 8px;
  }
  legend {
    font-size: 13px;
    font-weight: 600;
  }
  .invalid {
    font-size: 12px;
  }
  .help {
    margin: 0;
  }
  .run {
    max-width: 16em;
  }
  .results {
    margin-top: 16px;
    border-top: 1px solid var(--border);
    padding-top: 12px;
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
