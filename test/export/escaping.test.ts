import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORTERS, exportRules, type ExportTargetName } from '../../src/export';
import { csvCell } from '../../src/export/csv-cell';
import type { FrappeAssignmentRule } from '../../src/export/frappe';
import { parseRuleConfig, type RuleConfig } from '../../src/model/rules';
import { compileDomain } from './replay/odoo-domain-eval';
import { compilePython } from './replay/python-subset';
import { xmlUnescape } from './replay/shares';

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
