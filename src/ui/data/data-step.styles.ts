import { css } from 'lit';
import { stepStyles } from '../styles/step';

/**
 * The Data step: the frame every step shares, with files and mapping on the left, the report on
 * the right, the column profile below; the status line tells a running load from a finished one.
 */
export const dataStepStyles = [
  stepStyles,
  css`
    .status.active {
      color: var(--accent-strong);
    }
    .notice {
      margin: 0 0 16px;
      padding: 8px 14px;
      border-left: 3px solid var(--accent-strong);
      background: var(--panel, #f6f8fb);
    }
    .notice ul {
      margin: 0;
      padding-left: 18px;
    }
    .status .elapsed {
      color: var(--muted);
      font-variant-numeric: tabular-nums;
    }
    .alert {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 16px;
    }
    .alert .message {
      margin: 2px 0;
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
    /* No help line under these titles, unlike the other steps' panels. */
    .panel > h2 {
      margin-bottom: 12px;
    }
    /* Dimmed while being replaced; not while being filled in (its figures are final by then). */
    .main[aria-busy='true']:not(.filling) .report,
    .main[aria-busy='true']:not(.filling) allot-issue-list {
      opacity: 0.65;
      transition: opacity 0.2s;
    }
    .waiting {
      min-height: 240px;
    }
    .checking {
      margin-bottom: 8px;
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
    .readiness {
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: 13px;
    }
    .readiness li {
      display: flex;
      gap: 8px;
      padding: 3px 0;
    }
    .readiness .mark {
      flex: none;
      width: 16px;
      font-weight: 700;
      color: var(--good, #1a7f37);
    }
    .readiness li[data-ready='no'] .mark {
      color: var(--bad);
    }
`,
];
