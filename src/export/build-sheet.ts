import type { Assign, RuleConfig } from '../model/rules';
import { CHINESE, ENGLISH, type SheetWords } from './build-sheet-words';
import { limitationsMarkdown } from './limitations-note';
import { EXPORT_OPTIONS } from './options';
import type { Exporter, Limitation } from './target';
import { csvCell } from './csv-cell';
import { crmUserLimitation, crmUserOf } from './crm-users';
import { markdownText } from './human-text';

/**
 * The rules as a sheet a person types into a CRM configured by hand (简道云, 用友, 金蝶, Zoho,
 * Dynamics 365): one line per rule, as CSV (UTF-8 with BOM, which Excel needs to read Chinese,
 * and CRLF, RFC 4180) and as Markdown.
 */
export const exportBuildSheet: Exporter = (config, options) => {
  const words = (options.language ?? EXPORT_OPTIONS.language.default) === 'zh' ? CHINESE : ENGLISH;
  const experiment = config.experiment;
  const rows = experiment ? experimentRows(config, words) : sheetRows(config, words);
  const header = experiment ? [words.armHeader, ...words.header] : [...words.header];
  const limitations: Limitation[] = [];
  if (experiment)
    limitations.push({ at: 'experiment', code: 'sheet_experiment', params: { unit: experiment.unit },
      what: `the experiment's split (unit ${experiment.unit})`,
      approximation: experiment.unit === 'week' ? 'stated on the sheet with the first weeks\' dates: the CRM\'s rules must be switched by hand at the start of each week' : 'stated on the sheet in words: the CRM needs each lead\'s arm (a field filled as the sheet says), and every rule must require its arm' });
  if (config.prescreen) limitations.push({ at: 'prescreen', code: 'sheet_prescreen', params: {}, what: 'prescreen (reject and duplicate checks)', approximation: 'not on the sheet: set up duplicate checks in the CRM' });
  const withoutUsers = crmUserLimitation(config);
  if (withoutUsers) limitations.push(withoutUsers);
  // The split sentence goes first in both files, so nobody sets up the rules without the arms.
  const split = experiment ? words.split(experiment, config.name) : null;
  const csvRows = split === null ? [header, ...rows] : [[split], header, ...rows];
  const csv = '\uFEFF' + csvRows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const table = [header.map(markdownText), header.map(() => '---'), ...rows.map((row) => row.map(markdownText))].map((row) => `| ${row.join(' | ')} |`).join('\n');
  const markdown = `# ${markdownText(words.title(config.name))}\n\n${split === null ? '' : `${markdownText(split)}\n\n`}${words.intro}\n\n${table}\n\n${limitationsMarkdown(limitations)}`;
  return {
    target: 'build-sheet',
    files: [
      { path: 'build-sheet.csv', content: csv, mediaType: 'text/csv' },
      { path: 'build-sheet.md', content: markdown, mediaType: 'text/markdown' },
    ],
    limitations,
  };
};

export function sheetRows(config: RuleConfig, words: SheetWords): string[][] {
  const rows = config.rules.map((rule, i) => [String(i + 1), rule.id, words.describe(rule.when), ...assignCells(config, rule.assign, words), sla(rule.sla, words)]);
  rows.push([String(config.rules.length + 1), words.fallbackName, words.fallbackCondition, ...assignCells(config, config.fallback, words), words.none]);
  return rows;
}

/** An experiment's rows: the candidate's rules, then the control's (none for a keepCurrent control), each row led by its arm. */
function experimentRows(config: RuleConfig, words: SheetWords): string[][] {
  const control = config.experiment!.control;
  const rows = sheetRows(config, words).map((row) => [words.arm('candidate'), ...row]);
  if ('rules' in control) rows.push(...sheetRows({ ...config, rules: control.rules, fallback: control.fallback }, words).map((row) => [words.arm('control'), ...row]));
  return rows;
}

function assignCells(config: RuleConfig, assign: Assign, words: SheetWords): [string, string, string] {
  const reps = new Map(config.reps.map((r) => [r.id, r]));
  const method = words.methods[assign.method];
  if (assign.method === 'manual_review') return [words.queue(assign.queue!), method, words.none];
  const equal = 100 / assign.pool.length;
  const pool = assign.pool.map((e) => {
    const rep = reps.get(e.rep)!;
    const percent = assign.method === 'weighted_round_robin' ? (e.weight ?? 0) * 100 : equal;
    return words.member(rep.name, rep.id, crmUserOf(rep), +percent.toFixed(1));
  });
  const caps = assign.pool.map((e) => {
    const rep = reps.get(e.rep)!;
    return words.capacity(rep.name, rep.capacityPerWeek, rep.maxOpen);
  });
  return [pool.join('; '), method, caps.join('; ')];
}

function sla(value: { firstTouchHours?: number; reclaimAfterHours?: number } | undefined, words: SheetWords): string {
  const parts = [value?.firstTouchHours && words.firstTouch(value.firstTouchHours), value?.reclaimAfterHours && words.reclaim(value.reclaimAfterHours)].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : words.none;
}
