import { css } from 'lit';

export const exportStyles = css`
  .controls {
    display: grid;
    grid-template-columns: minmax(200px, 260px) minmax(0, 1fr) minmax(220px, 280px);
    gap: 20px;
    align-items: start;
    margin-bottom: 16px;
  }
  .policy {
    display: flex;
    flex-direction: column;
    gap: 6px;
    align-items: flex-start;
  }
  /* The longest policy name would push the select under the targets. */
  .policy select {
    max-width: 100%;
  }
  label,
  legend {
    font-size: 13px;
    font-weight: 600;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 6px;
  }
  .target-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
    gap: 6px;
  }
  .target {
    display: flex;
    align-items: center;
    gap: 6px;
    font-weight: 400;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: 5px 8px;
    cursor: pointer;
  }
  .target:has(input:checked) {
    border-color: var(--accent);
    background: var(--accent-soft);
    color: var(--accent-strong);
  }
  .target-help {
    margin: 6px 0 0;
  }
  .options {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .options input[type='text'] {
    font: inherit;
    font-size: 13px;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius);
    padding: 4px 6px;
  }
  .options input[aria-invalid='true'] {
    border-color: var(--bad);
    background: var(--bad-soft);
  }
  .options .error {
    color: var(--bad);
    font-size: 12px;
    margin: 0;
  }
  .limits {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .limits li {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 2px 10px;
    font-size: 13px;
    padding-bottom: 8px;
    border-bottom: 1px solid var(--border);
  }
  .limits li:last-child {
    border-bottom: 0;
    padding-bottom: 0;
  }
  .limits .pill {
    grid-row: span 2;
    align-self: start;
    background: var(--warn-soft);
    color: var(--warn);
    font-family: var(--font-mono);
  }
  .instead {
    color: var(--muted);
  }
  .files {
    margin-top: 16px;
  }
  .files-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 10px;
  }
  .mono {
    font-family: var(--font-mono);
    font-size: 12px;
    margin: 4px 0;
  }
  .experiment {
    display: flex;
    flex-direction: column;
    gap: 4px;
    align-self: stretch;
    margin-top: 6px;
    padding-top: 8px;
    border-top: 1px solid var(--border);
  }
  .experiment .toggle {
    display: flex;
    align-items: baseline;
    gap: 6px;
  }
  .experiment .help {
    margin: 0;
  }
  .split {
    margin: 2px 0 0;
    padding-left: 18px;
    font-size: 13px;
    overflow-wrap: anywhere;
  }
  .experiment .invalid {
    color: var(--bad);
    font-size: 12px;
    margin: 0;
  }
  button.link {
    align-self: flex-start;
    border: 0;
    background: none;
    padding: 0;
    color: var(--accent);
    text-decoration: underline;
    cursor: pointer;
    font-size: 12px;
  }
  @media (max-width: 1100px) {
    .controls {
      grid-template-columns: 1fr 1fr;
    }
  }
`;
