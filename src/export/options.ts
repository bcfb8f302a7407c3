import type { ExportTargetName } from './target';

/** Words a user reads, in both languages the workbench speaks; the Chinese uses GLOSSARY.md's terms. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

interface OptionCommon {
  /** The CLI flag without its dashes, kebab-case: `salesforce-queue` for `--salesforce-queue`. */
  readonly flag: string;
  /** The targets whose exporter reads the option; the others ignore it. */
  readonly targets: readonly ExportTargetName[];
  /** The workbench's label for the control. */
  readonly label: Bilingual;
  /** One sentence: what the option changes in the exported files (CLI help, workbench help line). */
  readonly help: Bilingual;
}

/** One of a fixed list of values; `values` holds each one's label, in the order lists show them. */
export interface EnumOptionSpec<V extends string = string> extends OptionCommon {
  readonly kind: 'enum';
  readonly values: { readonly [K in V]: Bilingual };
  readonly default: NoInfer<V>;
}

/** Free text that must match `pattern`; unset by default, when the target's own behaviour applies. */
export interface TextOptionSpec extends OptionCommon {
  readonly kind: 'text';
  readonly pattern: RegExp;
  readonly maxLength: number;
  /** What `pattern` and `maxLength` allow, in words, for the refusal of a value that does not fit. */
  readonly allowed: Bilingual;
  /** The CLI synopsis's name for the value: `--salesforce-queue <queue>`. */
  readonly valueName: string;
  /** A value that fits, shown as the workbench field's placeholder and in the CLI help. */
  readonly example: string;
  readonly default: undefined;
}

export type ExportOptionSpec = EnumOptionSpec | TextOptionSpec;

// The helpers only give each entry its exact type: an enum's values become a union of literals,
// and a default that is not among them fails to compile.
const enumOption = <const V extends string>(spec: Omit<EnumOptionSpec<V>, 'kind'>): EnumOptionSpec<V> => ({ kind: 'enum', ...spec });
const textOption = (spec: Omit<TextOptionSpec, 'kind' | 'default'>): TextOptionSpec => ({ kind: 'text', default: undefined, ...spec });

/**
 * Every export option, once. `ExportOptions` (what exporters receive), the CLI's `export` flags and
 * help, and the workbench's option controls are all made from this table: adding an option is one
 * entry here, and reading it in its exporter.
 */
export const EXPORT_OPTIONS = {
  language: enumOption({
    flag: 'language',
    targets: ['build-sheet'],
    values: { en: { en: 'English', zh: 'English' }, zh: { en: '中文', zh: '中文' } },
    default: 'en',
    label: { en: 'Language of the sheet', zh: '清单语言' },
    help: { en: 'The language of the build sheet’s headings, assignment methods and notes.', zh: '配置清单的表头、分配方式和说明所用的语言。' },
  }),
  salesforceQueue: textOption({
    flag: 'salesforce-queue',
    targets: ['salesforce'],
    // A Salesforce API name: a letter first, then letters and digits, single underscores between them.
    pattern: /^[A-Za-z](?:_?[A-Za-z0-9])*$/,
    maxLength: 80,
    allowed: {
      en: 'a queue API name: a letter, then letters, digits and single underscores, not ending in an underscore, at most 80 characters',
      zh: '队列的 API 名称：以字母开头，只含字母、数字和单个下划线，不以下划线结尾，最多 80 个字符',
    },
    valueName: 'queue',
    example: 'Inside_Sales',
    label: { en: 'Assign to queue', zh: '分配到队列' },
    help: {
      en: 'Every lead goes to this Salesforce queue (its API name) instead of to reps; without it, leads go to reps by their Salesforce username.',
      zh: '所有线索分配到该 Salesforce 队列（填写队列的 API 名称），而不是分配给销售；留空则按用户名分配给销售。',
    },
  }),
  frappeVersion: enumOption({
    flag: 'frappe-version',
    targets: ['frappe'],
    values: {
      v16: { en: 'v16 (Weighted Distribution)', zh: 'v16（Weighted Distribution）' },
      v15: { en: 'v15 (Round Robin / Load Balancing)', zh: 'v15（Round Robin / Load Balancing）' },
    },
    default: 'v16',
    label: { en: 'Frappe version', zh: 'Frappe 版本' },
    help: {
      en: 'The Frappe / ERPNext version the assignment rules are for: v16 has weighted distribution, v15 only round robin and load balancing.',
      zh: '分配规则适用的 Frappe / ERPNext 版本：v16 支持按权重分配，v15 只有轮流分配和负载均衡。',
    },
  }),
} as const satisfies Record<string, ExportOptionSpec>;

export type ExportOptionName = keyof typeof EXPORT_OPTIONS;

type ValueOf<S> = S extends EnumOptionSpec<infer V> ? V : string;

/** Per-target options, as exporters receive them; unset means the option's default. */
export type ExportOptions = { [K in ExportOptionName]?: ValueOf<(typeof EXPORT_OPTIONS)[K]> };

export const EXPORT_OPTION_NAMES = Object.keys(EXPORT_OPTIONS) as ExportOptionName[];

/** Every option's default, leaving out those that are unset by default. */
export const EXPORT_OPTION_DEFAULTS: ExportOptions = Object.fromEntries(
  EXPORT_OPTION_NAMES.flatMap((name) => (EXPORT_OPTIONS[name].default === undefined ? [] : [[name, EXPORT_OPTIONS[name].default]])),
);

/** The options `target`'s exporter reads, in declaration order. */
export function optionsFor(target: ExportTargetName): ExportOptionName[] {
  return EXPORT_OPTION_NAMES.filter((name) => (EXPORT_OPTIONS[name].targets as readonly string[]).includes(target));
}

/** An enum's values in list order. */
export function enumValues(spec: EnumOptionSpec): string[] {
  return Object.keys(spec.values);
}

/** What an option takes, in words: `v16 or v15`, or a text option's rule. */
export function allowedValues(name: ExportOptionName, lang: keyof Bilingual = 'en'): string {
  const spec: ExportOptionSpec = EXPORT_OPTIONS[name];
  if (spec.kind === 'text') return spec.allowed[lang];
  const values = enumValues(spec);
  const or = lang === 'zh' ? ' 或 ' : ' or ';
  return values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')}${or}${values.at(-1)}`;
}

/** A value that does not fit its option; `message` is the CLI's one line, naming the flag. */
export interface OptionProblem {
  name: ExportOptionName;
  value: string;
  message: string;
}

export function isValidOptionValue(name: ExportOptionName, value: string): boolean {
  const spec: ExportOptionSpec = EXPORT_OPTIONS[name];
  if (spec.kind === 'enum') return Object.hasOwn(spec.values, value);
  return value.length <= spec.maxLength && spec.pattern.test(value);
}

/**
 * Raw values (from flags, or the workbench's fields), keyed by option name, into ExportOptions.
 * Undefined means not given; every other value is checked, and each that does not fit is a problem
 * and left out of `options`.
 */
export function parseExportOptions(raw: Partial<Record<ExportOptionName, string | undefined>>): { options: ExportOptions; problems: OptionProblem[] } {
  const options: Record<string, string> = {};
  const problems: OptionProblem[] = [];
  for (const name of EXPORT_OPTION_NAMES) {
    const value = raw[name];
    if (value === undefined) continue;
    if (isValidOptionValue(name, value)) options[name] = value;
    else problems.push({ name, value, message: `--${EXPORT_OPTIONS[name].flag} must be ${allowedValues(name)} (got ${JSON.stringify(value)}).` });
  }
  return { options: options as ExportOptions, problems };
}
