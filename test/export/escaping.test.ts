import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORTERS, exportRules, type ExportOptions, type ExportTargetName } from '../../src/export';
import { csvCell } from '../../src/export/csv-cell';
import type { FrappeAssignmentRule } from '../../src/export/frappe';
import { parseRuleConfig, type RuleConfig } from '../../src/model/rules';
import { compileDomain } from './replay/odoo-domain-eval';
import { compilePython } from './replay/python-subset';
import { xmlUnescape } from './replay/shares';
import { liveMarkdown, markdownShown, onOneLine, readXml } from './support/human-readable';

const NASTY = `Tom & "Jerry" <O'Brien>, 王芳\n第二行`;

function nastyConfig(): RuleConfig {
  const parsed = parseRuleConfig({
    schema: 'allot.rules/v1',
    name: `Q3 ${NASTY}`,
    reps: [
      { id: 'r1', name: NASTY, crmUser: `o'brien+"x"@example.com`, capacityPerWeek: 10, active: true },
      { id: 'r2', name: '李伟, "Lee"', crmUser: 'li.wei@example.com', capacityPerWeek: 12, active: true },
    ],
    rules: [
      {
        id: 'east&<co>',
        when: { all: [{ field: 'region', op: 'eq', value: NASTY }, { field: 'company', op: 'contains', value: `a"b'c,d` }] },
        assign: { method: 'weighted_round_robin', pool: [{ rep: 'r1', weight: 0.3 }, { rep: 'r2', weight: 0.7 }] },
        sla: { firstTouchHours: 24 },
      },
    ],
    fallback: { method: 'round_robin', pool: [{ rep: 'r1' }, { rep: 'r2' }] },
  });
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.config;
}

const file = (target: ExportTargetName, name: string, options = {}) => exportRules(nastyConfig(), target, options).files.find((f) => f.path.endsWith(name))!.content;

describe('names and values with & < > " \' , quotes, newlines and Chinese export correctly', () => {
  it.each(Object.keys(EXPORTERS).filter((t) => t !== 'salesforce'))('%s: every JSON file parses and keeps the text', (target) => {
    for (const f of exportRules(nastyConfig(), target as ExportTargetName, {}).files.filter((f) => f.path.endsWith('.json'))) {
      const text = JSON.stringify(JSON.parse(f.content));
      if (f.path !== 'state.example.json' && !f.path.endsWith('schema.json')) expect(text, f.path).toContain(JSON.stringify(NASTY).slice(1, -1));
    }
  });

  it('Odoo: the XML is well-formed (xmllint) and the domain holds the exact text', () => {
    const xml = file('odoo', '.xml');
    const folder = mkdtempSync(path.join(tmpdir(), 'allot-odoo-'));
    writeFileSync(path.join(folder, 'a.xml'), xml);
    const lint = spawnSync('xmllint', ['--noout', path.join(folder, 'a.xml')], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    const domain = compileDomain(xmlUnescape(/<field name="assignment_domain">([^<]*)</.exec(xml)![1]!));
    expect(domain({ region: NASTY, company: `xa"b'c,dx` })).toBe(true);
    expect(domain({ region: NASTY.replace('\n', ' '), company: `a"b'c;d` })).toBe(false);
  });

  it('Frappe: the condition is a Python expression whose strings hold the exact text', () => {
    const [rule] = JSON.parse(file('frappe', 'erpnext/assignment-rules.json')) as FrappeAssignmentRule[];
    const test = compilePython(rule!.assign_condition);
    expect(test({ region: NASTY, company: `a"b'c,d` })).toBe(true);
    expect(test({ region: NASTY, company: `a"b'c;d` })).toBe(false);
    const python = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read(), mode="eval")'], { input: rule!.assign_condition, encoding: 'utf8' });
    if (!python.error) expect(python.stderr).toBe('');
  });

  it('build sheet: the CSV has a BOM and parses back (RFC 4180) to the same cells', () => {
    const csv = file('build-sheet', '.csv', { language: 'zh' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['顺序', '分配规则', '条件', '销售（占比）', '分配方式', '上限', '跟进时限']);
    expect(rows[1]![1]).toBe('east&<co>');
    expect(rows[1]![2]).toContain(JSON.stringify(NASTY));
    expect(rows[1]![3]).toContain(`${NASTY} <o'brien+"x"@example.com> 30%`);
    expect(rows[1]![6]).toBe('24 小时内首次跟进');
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('build sheet: a cell a spreadsheet would run as a formula stays text; numbers stay numbers', () => {
    const formula = { ...nastyConfig(), rules: [{ ...nastyConfig().rules[0]!, id: '=HYPERLINK("http://x","y")' }] };
    const rows = parseCsv(exportRules(formula, 'build-sheet', { language: 'en' }).files.find((f) => f.path.endsWith('.csv'))!.content.slice(1));
    expect(rows[1]![1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows[1]![0]).toBe('1');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('+86 138')).toBe(`'+86 138`);
    expect(csvCell('@sum')).toBe(`'@sum`);
  });

  it('build sheet: Markdown cells keep text as text (no HTML, no broken columns)', () => {
    const md = file('build-sheet', '.md');
    const line = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
    expect(line).toContain('&lt;O\'Brien&gt;');
    expect(line.split(/(?<!\\)\|/).length - 2).toBe(7);
  });
});

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

/*
 * Names, ids and values that would act in a file a person reads: markup, Markdown links and
 * images, autolinks, bare URLs, emails and mentions, code, table pipes, a line of its own,
 * spreadsheet formulas, a template. Each must show as the same text, and do nothing.
 */
const HOSTILE = {
  config: 'Q3 <img src=x onerror=alert(1)> [x](http://evil.example) ![i](http://e.example/i.png) <http://evil.example> http://evil.example/bare www.evil.example `code` a|b {{ 7*7 }} --> before\n# FORGED line',
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  link: '[click](http://evil.example)',
  image: '![x](http://e.example/x.png) 王芳',
  lines: '`rm -rf` | pipe before\n# FORGED heading',
  formula: '=HYPERLINK("http://evil.example","x")',
  mention: '@SUM(1+1) <http://evil.example> mallory@evil.example',
  emphasis: '**bold** _em_ ~~strike~~ $x$ #12 &amp; {{ 7*7 }} {% x %} -->',
  field: '<i>region</i> [f](http://evil.example)',
  queue: '<script>q</script> [q](http://evil.example)',
};
/** Text from the rules: found in a code span or block, it would be shown as code, not as text. */
const FROM_RULES = /evil|onerror|alert|FORGED|HYPERLINK|mallory|王芳/;

/** Every place text goes: rep ids, names and CRM users, rule ids, fields, values, the queue, the config name. */
function hostileConfig(safeFields: boolean, withQueue: boolean): RuleConfig {
  const field = safeFields ? 'region' : HOSTILE.field;
  const parsed = parseRuleConfig({
    schema: 'allot.rules/v1',
    name: HOSTILE.config,
    reps: [
      { id: HOSTILE.img, name: HOSTILE.image, crmUser: 'wang@x.example', capacityPerWeek: 10, active: true },
      { id: HOSTILE.link, name: HOSTILE.script, crmUser: 'li@x.example', capacityPerWeek: 10, active: true },
      { id: 'r3', name: HOSTILE.lines, crmUser: 'r3@x.example', capacityPerWeek: 10, active: true, absent: true },
      { id: HOSTILE.formula, name: HOSTILE.mention, crmUser: 'r4@x.example', capacityPerWeek: 10, active: true },
      { id: 'www.evil.example', name: HOSTILE.emphasis, capacityPerWeek: 10, active: false },
    ],
    ...(safeFields ? {} : { prescreen: { dedupeOn: [field] } }),
    rules: [
      {
        id: '<b>east</b>',
        when: { field, op: 'eq', value: HOSTILE.link },
        assign: { method: 'weighted_round_robin', pool: [{ rep: HOSTILE.img, weight: 0.5 }, { rep: HOSTILE.link, weight: 0.3 }, { rep: 'r3', weight: 0.2 }] },
      },
      { id: HOSTILE.formula, when: { field, op: 'in', value: [HOSTILE.img, HOSTILE.emphasis] }, assign: { method: 'round_robin', pool: [{ rep: HOSTILE.formula }, { rep: HOSTILE.link }] } },
      ...(withQueue ? [{ id: HOSTILE.lines, when: { field: 'amount', op: 'gt' as const, value: 1000 }, assign: { method: 'manual_review' as const, queue: HOSTILE.queue } }] : []),
    ],
    fallback: { method: 'round_robin', pool: [{ rep: HOSTILE.img }, { rep: HOSTILE.link }, { rep: HOSTILE.formula }, { rep: 'www.evil.example' }] },
  });
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.config;
}

/** Per target, the hostile config it can export: HubSpot, Frappe and Odoo need field names they can say; HubSpot and Frappe have no queues. */
const HOSTILE_RUNS: Array<[ExportTargetName, ExportOptions, () => RuleConfig]> = [
  ['json', {}, () => hostileConfig(false, true)],
  ['salesforce', {}, () => hostileConfig(false, true)],
  ['hubspot', {}, () => hostileConfig(true, false)],
  ['frappe', { frappeVersion: 'v16' }, () => hostileConfig(true, false)],
  ['odoo', {}, () => hostileConfig(true, true)],
  ['build-sheet', { language: 'en' }, () => hostileConfig(false, true)],
  ['build-sheet', { language: 'zh' }, () => hostileConfig(false, true)],
  ['reference-router', {}, () => hostileConfig(false, true)],
];

describe('hostile names, ids and values stay text in every file a person reads', () => {
  it('the runs cover every target', () => {
    expect(new Set(HOSTILE_RUNS.map(([t]) => t))).toEqual(new Set(Object.keys(EXPORTERS)));
  });

  it.each(HOSTILE_RUNS.filter(([t]) => t !== 'json'))('%s %o: the text is whole, and a line break in it starts no line of its own', (target, options, config) => {
    const { files } = exportRules(config(), target, options);
    // What a person reads: Markdown, XML comments, Frappe's descriptions. (Values in data fields,
    // a team's name say, are the CRM's to show: they keep the text exactly, line breaks included.)
    const read = files.flatMap((f) => {
      if (f.path.endsWith('.md')) return [{ path: f.path, shown: markdownShown(f.content) }];
      if (f.path.endsWith('.xml')) return [{ path: f.path, shown: readXml(f.content).comments.join('\n').replaceAll('\u200b', '') }];
      if (f.path.endsWith('assignment-rules.json')) return [{ path: f.path, shown: (JSON.parse(f.content) as FrappeAssignmentRule[]).map((r) => htmlShown(r.description)).join('\n') }];
      return [];
    });
    expect(read.length, 'files a person reads').toBeGreaterThan(0);
    for (const { path, shown } of read) {
      if (/README|build-sheet|assignmentRules|allot_lead_assignment/.test(path)) expect(shown, path).toContain(onOneLine(HOSTILE.config));
      for (const line of shown.split('\n').filter((l) => l.includes('FORGED'))) expect(line, path).toContain('before');
    }
  });

  it('Markdown: no tag, link, image, autolink, code or extra column survives, and the text reads the same', () => {
    for (const [target, options, config] of HOSTILE_RUNS) {
      for (const f of exportRules(config(), target, options).files.filter((f) => f.path.endsWith('.md'))) {
        expect(liveMarkdown(f.content, FROM_RULES), `${target} ${f.path}`).toEqual([]);
      }
    }
    const sheet = markdownShown(exportRules(hostileConfig(false, true), 'build-sheet', {}).files.find((f) => f.path.endsWith('.md'))!.content);
    for (const text of [HOSTILE.image, HOSTILE.script, HOSTILE.mention, '<b>east</b>', HOSTILE.field, HOSTILE.queue]) expect(sheet).toContain(onOneLine(text));
    expect(sheet).toContain(`${HOSTILE.image} <wang@x.example> 50%`);
    // The absent rep's name, with its backticks and pipe, in a limitation of each CRM target's read-me.
    for (const [target, options, config] of HOSTILE_RUNS.filter(([t]) => ['hubspot', 'frappe', 'odoo'].includes(t))) {
      const readme = exportRules(config(), target, options).files.find((f) => f.path === 'README.md')!.content;
      expect(markdownShown(readme), target).toContain(`rep r3 (${onOneLine(HOSTILE.lines)}) is absent`);
    }
  });

  it('XML: well-formed, no element from the text, comments that read the text and stay closed', () => {
    for (const [target, options, config] of HOSTILE_RUNS.filter(([t]) => t === 'salesforce' || t === 'odoo')) {
      for (const f of exportRules(config(), target, options).files.filter((f) => f.path.endsWith('.xml'))) {
        const xml = readXml(f.content);
        expect(xml.elements.filter((e) => /^(img|script|b|i)$/i.test(e)), f.path).toEqual([]);
        expect(xml.comments.every((c) => !c.includes('--')), f.path).toBe(true);
      }
    }
    const rules = readXml(exportRules(hostileConfig(false, true), 'salesforce', {}).files.find((f) => f.path.endsWith('assignmentRules-meta.xml'))!.content);
    const comments = rules.comments.join('\n').replaceAll('\u200b', '');
    expect(comments).toContain(`${HOSTILE.img} ${HOSTILE.image}, slots`);
    expect(comments).toContain(`rep r3 (${onOneLine(HOSTILE.lines)}) is absent`);
    const odoo = readXml(exportRules(hostileConfig(true, true), 'odoo', {}).files.find((f) => f.path.endsWith('.xml'))!.content);
    expect(odoo.comments).toContain(` region = ${JSON.stringify(HOSTILE.link)} `);
  });

  it('CSV: no cell starts a formula, and every cell reads the text', () => {
    const csv = exportRules(hostileConfig(false, true), 'build-sheet', {}).files.find((f) => f.path.endsWith('.csv'))!.content;
    const cells = parseCsv(csv.slice(1)).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c))).toEqual([]);
    expect(cells).toContain(`'${HOSTILE.formula}`);
    expect(cells.some((c) => c.startsWith(`'${HOSTILE.mention} <r4@x.example>`))).toBe(true);
  });

  it('Frappe: the description Frappe renders as a template into HTML holds no tag and no template, and reads the text', () => {
    const rules = JSON.parse(exportRules(hostileConfig(true, false), 'frappe', {}).files.find((f) => f.path.endsWith('assignment-rules.json'))!.content) as FrappeAssignmentRule[];
    for (const rule of rules) expect(rule.description).not.toMatch(/[<>{}]/);
    expect(htmlShown(rules[0]!.description)).toBe(`Allot rule 1 of 2: region = ${JSON.stringify(HOSTILE.link)}`);
    expect(htmlShown(rules[1]!.description)).toContain(JSON.stringify(HOSTILE.emphasis));
  });
});

function htmlShown(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#123;', '{').replaceAll('&#125;', '}').replaceAll('&amp;', '&');
}
