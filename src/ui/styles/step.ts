import { css } from 'lit';

/** The frame of every step: title line, status line, alert, a grid of panels. */
export const stepStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    align-items: baseline;
    gap: 16px;
    flex-wrap: wrap;
    margin-bottom: 10px;
  }
  h1 {
    margin: 0;
    font-size: 20px;
    font-weight: 600;
  }
  .status {
    min-height: 22px;
    margin: 0 0 8px;
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 13px;
    color: var(--muted);
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
    margin-bottom: 12px;
    padding: 10px 14px;
    border: 1px solid #f1c4bf;
    border-left: 4px solid var(--bad);
    border-radius: var(--radius);
    background: var(--bad-soft);
    color: #5f1510;
    overflow-wrap: anywhere;
  }
  .panel > h2 {
    margin-bottom: 4px;
  }
  .help {
    font-size: 12px;
    color: var(--muted);
    margin-bottom: 8px;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 16px;
    margin-top: 16px;
  }
  @media (max-width: 900px) {
    .grid {
      grid-template-columns: 1fr;
    }
  }
`;
