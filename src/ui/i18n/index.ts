import type { ExportError, ExportParams, Limitation } from '../../export/target';
import type { CanonicalField } from '../../model/mapping';
import { AllotError } from '../../model/errors';
import { ZH_IMPORT_ERRORS, ZH_SCENARIO_ERRORS } from './errors-zh';
import type { EngineMessage } from '../../model/message';
import type { QualityIssue } from '../../model/quality';
import { makeFormats, type Formats } from '../format';
import { en } from './en';
import { ZH_EXPORT_ERRORS, ZH_LIMITATIONS, type ExportWords } from './export-zh';
import { ZH_ENGINE, type EngineWords } from './engine-zh';
import { ZH_ISSUES } from './issues-zh';
import type { Lang, Texts } from './texts';
import { zh } from './zh';

export type { DateOrderChoice, Lang, Outcome, StepId, Texts } from './texts';

/** What every component gets to speak the user's language: words, number/date formats, issue texts. */
export interface I18n {
  lang: Lang;
  /** BCP 47 tag for Intl and the `lang` attribute. */
  locale: string;
  t: Texts;
  fmt: Formats;
  issueText(issue: QualityIssue): string;
  /** What a target cannot express and what the files do instead, in the user's language. */
  limitationText(limitation: Limitation): { what: string; approximation: string };
  /** Why a target refuses the rules, led by the JSON path it names (`rules[0] (east): …`). */
  exportErrorText(error: Pick<ExportError, 'code' | 'params' | 'path' | 'message'>): string;
  /** A simulator or optimizer message (note, conflict) in the user's language. */
  engineText(message: EngineMessage): string;
  /**
   * Any error a step shows, in the user's language from its family and code, led by where it is
   * (file, row, column or JSON path). An unexpected one says so, with its own words.
   */
  errorText(error: unknown): string;
}

const STORAGE_KEY = 'allot.lang';
const TEXTS: Record<Lang, Texts> = { zh, en };
const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export function makeI18n(lang: Lang): I18n {
  const t = TEXTS[lang];
  const fmt = makeFormats(LOCALES[lang]);
  return {
    lang,
    locale: LOCALES[lang],
    t,
    fmt,
    issueText: (issue) => {
      // Looked up by the runtime code: a report from a newer data layer may carry a code not listed yet.
      const template = lang === 'zh' ? (ZH_ISSUES as Partial<typeof ZH_ISSUES>)[issue.code] : undefined;
      if (!template) return issue.message;
      return template({
        issue,
        count: fmt.number(issue.count),
        file: issue.file ?? '',
        column: issue.column ?? '',
        param: (name) => String(issue.params?.[name] ?? ''),
        paramNumber: (name) => {
          const value = Number(issue.params?.[name]);
          return Number.isFinite(value) ? fmt.number(value) : String(issue.params?.[name] ?? '');
        },
        fieldName: (field) => t.mapping.fields[field as CanonicalField] ?? field,
      });
    },
    limitationText: (limitation) => {
      if (lang !== 'zh') return { what: limitation.what, approximation: limitation.approximation };
      const template = ZH_LIMITATIONS[limitation.code];
      const words = exportWords(limitation.params, fmt);
      return { what: template.what(words), approximation: template.approximation(words) };
    },
    exportErrorText: (error) => (lang === 'zh' ? `${error.path}：${ZH_EXPORT_ERRORS[error.code](exportWords(error.params, fmt))}` : error.message),
    engineText: (message) => {
      // By the runtime code, as for issues: a code without a Chinese template (an ImportError's text) stays English.
      const template = lang === 'zh' ? (ZH_ENGINE as Partial<Record<string, (w: EngineWords) => string>>)[message.code] : undefined;
      return template ? template(engineWords(message, fmt)) : message.text;
    },
    errorText: (error) => errorText(error, lang, t, fmt),
  };
}

function errorText(error: unknown, lang: Lang, t: Texts, fmt: Formats): string {
  if (!(error instanceof AllotError)) return t.data.unexpectedError(error instanceof Error ? error.message : String(error));
  if (error.family === 'engine') return t.data.unexpectedError(error.message);
  if (lang !== 'zh') return error.message;
  const words = engineWords({ code: error.code, params: error.params, text: error.message }, fmt);
  const where = [error.where.file, error.where.path, error.where.row === undefined ? undefined : `第 ${error.where.row} 行`, error.where.column && !error.where.path ? `列「${error.where.column}」` : undefined].filter(Boolean).join('，');
  const lead = where ? `${where}：` : '';
  switch (error.family) {
    case 'scenario': {
      const template = (ZH_SCENARIO_ERRORS as Partial<Record<string, (w: EngineWords) => string>>)[error.code];
      return template ? lead + template(words) : error.message;
    }
    case 'export': {
      const template = (ZH_EXPORT_ERRORS as Partial<Record<string, (w: ExportWords) => string>>)[error.code];
      return template ? `${error.where.path ?? ''}：${template(exportWords(error.params, fmt))}` : error.message;
    }
    case 'policy': {
      const result = error.detail as { status?: string; conflicts?: EngineMessage[]; errors?: EngineMessage[] } | undefined;
      const reasons = result?.conflicts ?? result?.errors;
      return reasons?.length ? reasons.map((r) => makeI18n('zh').engineText(r)).join('；') : error.message;
    }
    case 'import': {
      const template = (ZH_IMPORT_ERRORS as Partial<Record<string, (w: EngineWords) => string>>)[error.code];
      // An import error without a listed code (the CLI's own file reading) keeps its English sentence.
      return template ? lead + template(words) : error.message;
    }
    default:
      return error.message;
  }
}

/** A message's params as its template reads them, formatted for the locale. */
export function engineWords(message: EngineMessage, fmt: Formats): EngineWords {
  const raw = (name: string) => message.params[name];
  const text = (name: string) => String(raw(name) ?? '');
  const formatted = (name: string, format: (value: number) => string) => {
    const value = raw(name);
    return typeof value === 'number' && Number.isFinite(value) ? format(value) : text(name);
  };
  return {
    text,
    num: (name) => formatted(name, fmt.number),
    pct: (name) => formatted(name, fmt.percent),
    choice: (name, words) => words[text(name)] ?? text(name),
  };
}

/** An export limitation's or error's params as its Chinese template reads them, numbers formatted for the locale. */
function exportWords(params: ExportParams, fmt: Formats): ExportWords {
  return {
    param: (name) => {
      const value = params[name];
      return typeof value === 'number' ? fmt.number(value) : (value ?? '');
    },
    has: (name) => params[name] !== undefined,
  };
}

/** The remembered choice, else the browser's language: Chinese for any `zh*`, English otherwise. */
export function initialLang(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Lang {
  const saved = safely(() => storage?.getItem(STORAGE_KEY));
  if (saved === 'zh' || saved === 'en') return saved;
  const first = languages[0] ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLang(storage: Pick<Storage, 'setItem'> | null, lang: Lang): void {
  // Private modes may refuse storage; the choice then lasts for this visit only.
  safely(() => storage?.setItem(STORAGE_KEY, lang));
}

function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
