import { css, html, nothing } from 'lit';
import type { EngineMessage } from '../../model/message';
import type { I18n } from '../i18n';

/** The warning box's look, for every step that shows one (Policies, Compare, Export). */
export const planWarningStyles = css`
  .plan-warnings {
    margin: 0 0 12px;
    padding: 10px 14px;
    border: 1px solid #ecd49a;
    border-left: 4px solid var(--warn);
    border-radius: var(--radius);
    background: var(--warn-soft);
    color: #4d3300;
    font-size: 13px;
    overflow-wrap: anywhere;
  }
  .plan-warnings strong {
    display: block;
    margin-bottom: 4px;
  }
  .plan-warnings ul {
    display: block;
    list-style: disc;
    margin: 0;
    padding-left: 18px;
  }
  .plan-warnings li + li {
    margin-top: 3px;
  }
`;

/** The engine's English flags start in lower case, as the CLI prints them after "warning:"; a line of their own starts as a sentence. */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What the optimized plan would harm (overflow, reps with nothing, floors the demand cannot fill),
 * one line each in the user's language, under `title`; nothing when there is no warning
 * (issue 13: no harmful plan passes quietly).
 */
export function planWarnings(i18n: I18n, title: string, warnings: readonly EngineMessage[]) {
  if (warnings.length === 0) return nothing;
  return html`<div class="plan-warnings" role="status" data-testid="plan-warnings">
    <strong>${title}</strong>
    <ul>
      ${warnings.map((w) => html`<li data-code=${w.code}>${capitalized(i18n.engineText(w))}</li>`)}
    </ul>
  </div>`;
}
