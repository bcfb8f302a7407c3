import { html, nothing, type TemplateResult } from 'lit';
import { EXPORT_OPTIONS, EXPORT_OPTION_DEFAULTS, EXPORT_OPTION_NAMES, allowedValues, parseExportOptions, type ExportOptionName, type ExportOptions, type ExportOptionSpec, type OptionProblem } from '../../export';
import type { Lang } from '../i18n';

/** The option values the user set in the Export step, as entered; an option not in it shows its default. */
export type EnteredOptions = Partial<Record<ExportOptionName, string>>;

/** The declared defaults, except that the sheet follows the workbench's own language until one is chosen. */
function workbenchDefaults(lang: Lang): ExportOptions {
  return { ...EXPORT_OPTION_DEFAULTS, language: lang };
}

/**
 * What the Export step exports with: each entered value that fits its declaration, the default for
 * the rest. Text is trimmed, and empty text is not set (a text option is unset by default).
 */
export function workbenchOptions(entered: EnteredOptions, lang: Lang): { options: ExportOptions; problems: OptionProblem[] } {
  const raw = Object.fromEntries(EXPORT_OPTION_NAMES.map((name) => [name, given(name, entered[name])]));
  const { options, problems } = parseExportOptions(raw);
  return { options: { ...workbenchDefaults(lang), ...options }, problems };
}

function given(name: ExportOptionName, value: string | undefined): string | undefined {
  if (value === undefined || EXPORT_OPTIONS[name].kind !== 'text') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export interface OptionControlsProps {
  /** The options the selected target reads, in declaration order. */
  names: readonly ExportOptionName[];
  lang: Lang;
  entered: EnteredOptions;
  problems: readonly OptionProblem[];
  /** The line under a text field whose value does not fit, given what the option takes. */
  invalidText: (allowed: string) => string;
  onChange: (name: ExportOptionName, value: string) => void;
}

/**
 * One labelled control per option, made from its declaration: a select for an enum, a text field
 * for text, each with the option's help line. A control's id is the option's CLI flag name
 * (`#frappe-version`), so the workbench and `allot export` call an option the same.
 */
export function optionControls(props: OptionControlsProps): TemplateResult[] {
  return props.names.map((name) => optionControl(name, props));
}

function optionControl(name: ExportOptionName, { lang, entered, problems, invalidText, onChange }: OptionControlsProps): TemplateResult {
  const spec: ExportOptionSpec = EXPORT_OPTIONS[name];
  const id = spec.flag;
  const value = entered[name] ?? workbenchDefaults(lang)[name] ?? '';
  const problem = problems.find((p) => p.name === name);
  const describedBy = problem ? `${id}-help ${id}-error` : `${id}-help`;
  const changed = (event: Event) => onChange(name, (event.target as HTMLInputElement | HTMLSelectElement).value);
  const control =
    spec.kind === 'enum'
      ? html`<select id=${id} aria-describedby=${describedBy} @change=${changed}>
          ${Object.entries(spec.values).map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label[lang]}</option>`)}
        </select>`
      : html`<input id=${id} type="text" spellcheck="false" autocomplete="off" placeholder=${spec.example} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${describedBy} .value=${value} @change=${changed} />`;
  return html`<label for=${id}>${spec.label[lang]}</label>
    ${control}
    <p class="help" id=${`${id}-help`}>${spec.help[lang]}</p>
    ${problem ? html`<p class="error" id=${`${id}-error`} role="alert">${invalidText(allowedValues(name, lang))}</p>` : nothing}`;
}
