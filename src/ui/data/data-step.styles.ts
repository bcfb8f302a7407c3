import { css } from 'lit';

/** Layout of the Data step: files and mapping on the left, the report on the right, columns below. */
export const dataStepStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    align-items: baseline;
    gap: 16px;
    flex-wrap: wrap;
  }
  h1 {
    margin: 0;
    font-size: 20px;
    font-weight: 600;
  }
  .status {
    min-height: 22px;
    margin: 6px 0 8px;
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 13px;
    color: var(--muted);
  }
  .status.active {
    color: var(--accent-strong);
  }
  .status .elapsed {
    color: var(--muted);
    font-variant-numeric: tabular-nums;
  }
  .spinner {
    width: 14px;
    height: 14px;
    border: 2px solid var(--accent-soft);
    border-top-color: var(--accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  .alert {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 16px;
    margin-bottom: 12px;
    padding: 10px 14px;
    border: 1px solid #f1c4bf;
    border-left: 4px solid var(--bad);
    border-radius: var(--radius);
    background: var(--bad-soft);
    color: #5f1510;
  }
  .alert .message {
    margin: 2px 0;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .alert .command {
    display: inline-block;
    margin: 4px 0 6px;
    padding: 3px 8px;
    border-radius: 4px;
    background: #fff;
    border: 1px solid #f1c4bf;
    color: var(--text);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 12.5px;
    user-select: all;
    overflow-wrap: anywhere;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(300px, 360px) minmax(0, 1fr);
    gap: 16px;
    align-items: start;
  }
  .side,
  .main {
    display: grid;
    gap: 16px;
    min-width: 0;
  }
  .panel > h2 {
    margin-bottom: 12px;
  }
  .main[aria-busy='true'] .report,
  .main[aria-busy='true'] allot-issue-list {
    opacity: 0.65;
    transition: opacity 0.2s;
  }
  .waiting {
    min-height: 240px;
  }
  .profile {
    margin-top: 16px;
  }
  allot-source-list {
    display: block;
    margin-top: 12px;
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
`;
