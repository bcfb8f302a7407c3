import { css } from 'lit';

/** Building blocks most components use: panels, buttons, focus rings, figures, hidden labels. */
export const shared = css`
  /* A small rounded label: a mapped field, a file's role. */
  .pill {
    font-size: 11px;
    padding: 1px 6px;
    border-radius: 10px;
    background: var(--accent-soft);
    color: var(--accent-strong);
    white-space: nowrap;
  }
  :host {
    font-family: var(--font);
    color: var(--text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    font-weight: 600;
    line-height: 1.3;
  }
  h2 {
    font-size: 16px;
  }
  h3 {
    font-size: 14px;
  }
  p {
    margin: 0;
  }
  .panel {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
    padding: 16px;
  }
  .muted {
    color: var(--muted);
  }
  .small {
    font-size: 12px;
  }
  button,
  .button {
    font: inherit;
    font-size: 13px;
    border: 1px solid var(--border-strong);
    background: var(--surface);
    color: var(--text);
    border-radius: var(--radius);
    padding: 5px 12px;
    cursor: pointer;
    line-height: 1.4;
  }
  button:hover,
  .button:hover {
    border-color: var(--accent);
    color: var(--accent-strong);
  }
  button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: #fff;
  }
  button.primary:hover {
    background: var(--accent-strong);
    color: #fff;
  }
  button:focus-visible,
  select:focus-visible,
  a:focus-visible,
  input:focus-visible,
  .button:focus-within {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }
  select {
    font: inherit;
    font-size: 13px;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius);
    background: var(--surface);
    color: var(--text);
    padding: 4px 6px;
    min-width: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
`;
