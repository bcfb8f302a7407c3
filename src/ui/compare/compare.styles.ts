import { css } from 'lit';

/** The Compare step's frame: controls on the left, results on the right, dimmed while a new run is on its way. */
export const compareStyles = css`
  .verdict {
    margin: 4px 0 8px;
    padding-left: 18px;
    font-weight: 600;
  }
  .layout {
    display: grid;
    grid-template-columns: 290px minmax(0, 1fr);
    gap: 16px;
    align-items: start;
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: 12px;
    position: sticky;
    top: 8px;
  }
  .results {
    display: flex;
    flex-direction: column;
    gap: 16px;
    min-width: 0;
  }
  .results[aria-busy='true'] > * {
    opacity: 0.5;
    transition: opacity 0.2s;
  }
  .grid {
    margin-top: 0;
  }
  .title-row {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 12px;
    margin-bottom: 4px;
  }
  .title-row label {
    font-size: 13px;
  }
  .run .buttons {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    margin-top: 8px;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 13px;
  }
  progress {
    flex: 1;
    min-width: 60px;
  }
  table.policies {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
    margin-bottom: 12px;
  }
  table.policies th,
  table.policies td {
    text-align: left;
    padding: 5px 8px;
    border-bottom: 1px solid var(--border);
    white-space: nowrap;
  }
  table.policies thead th {
    /* Long headings (Δ vs a baseline, to fallback / queued) wrap rather than push the table past its panel. */
    white-space: normal;
    vertical-align: bottom;
    font-size: 12px;
    color: var(--muted);
    font-weight: 600;
  }
  table.policies tr.baseline th {
    color: var(--accent-strong);
  }
  .range {
    display: block;
    color: var(--muted);
    font-size: 11px;
  }
  .mean {
    font-weight: 600;
  }
  .trio {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 16px;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 16px;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  h3 {
    font-size: 13px;
    margin: 4px 0;
  }
  .notes {
    font-size: 12px;
    color: var(--muted);
    margin: 4px 0 0;
    padding-left: 18px;
  }
  @media (max-width: 1000px) {
    .layout,
    .trio,
    .pair {
      grid-template-columns: 1fr;
    }
  }
`;
