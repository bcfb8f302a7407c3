import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from '../support/run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'allot-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};


describe('inspect refuses bad input with one clear line', () => {
  it('a missing file', () => expectOneLineError(['inspect', path.join(dir, 'nope.csv')], /nope\.csv: no such file/));
  it('an empty file', () => expectOneLineError(['inspect', file('empty.csv', '')], /empty\.csv: the file is empty/));
  it('binary junk', () => expectOneLineError(['inspect', file('junk.csv', new Uint8Array(4096).map((_, i) => (i * 31) % 256))], /junk\.csv: this is not a CSV/));
  it('no file at all', () => expectOneLineError(['inspect'], /inspect needs a lead file/));
  it('an unknown command', () => expectOneLineError(['frobnicate'], /unknown command "frobnicate"/));
  it('an unknown option', () => expectOneLineError(['inspect', '--colour', 'x.csv'], /inspect: unknown option --colour; it takes --map, --roster, --save-map, --json/));
  it('a mapping file that is not valid JSON', () => {
    expectOneLineError(['inspect', file('a.csv', 'id,outcome\n1,won\n'), '--map', file('bad.json', '{ "fields": ')], /bad\.json: not valid JSON/);
  });
  it('a mapping that breaks the schema names the JSON path', () => {
    expectOneLineError(['inspect', file('b.csv', 'id,outcome\n1,won\n'), '--map', file('m.json', '{"dateOrder":"sideways"}')], /m\.json: dateOrder: /);
  });
  it('a roster row with a capacity that is not a number names row and column', () => {
    const leads = file('l.csv', 'id,owner,outcome\n1,r1,won\n');
    const roster = file('r.csv', 'rep_id,name,capacity_per_week\nr1,Ann,20\nr2,Bob,lots\n');
    expectOneLineError(['inspect', leads, '--roster', roster], /r\.csv: row 2, column "capacity_per_week": "lots" is not a non-negative number/);
  });
});

describe('inspect keeps what it can and says what it could not', () => {
  it('accepted rows survive a broken row, and the JSON names the line', () => {
    const run = runCli(['inspect', file('mixed.csv', 'id,owner,outcome\n1,r1,won\n2,r2,lost,extra\n3,r3,maybe\n4,r1,open\n'), '--json']);
    expect(run.code).toBe(0);
    const { report } = JSON.parse(run.stdout);
    expect(report).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2 });
    expect(report.issues.map((i: { code: string }) => i.code).sort()).toEqual(['csv_parse_error', 'unknown_outcome']);
  });

  it('a saved mapping is reused as it was applied', () => {
    const leads = file('zh.csv', '编号,负责人,状态\n1,王芳,成交\n2,李强,未成交\n');
    const saved = path.join(dir, 'zh.mapping.json');
    const first = runCli(['inspect', leads, '--save-map', saved, '--json']);
    const second = runCli(['inspect', '--map', saved, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).mapping.fields).toEqual(JSON.parse(first.stdout).mapping.fields);
    expect(JSON.parse(second.stdout).report.summary).toMatchObject({ leads: 2, won: 1, lost: 1 });
  });

  it('a roster file is read with Chinese headers', () => {
    const leads = file('l2.csv', 'id,owner,outcome\n1,r1,won\n');
    const roster = file('r2.csv', '销售编号,姓名,级别,技能标签,容量,在职\nr1,王芳,资深,region:East;lang:zh,30,是\nr2,李强,新人,region:North,20,否\n');
    const run = runCli(['inspect', leads, '--roster', roster, '--json']);
    const { roster: parsed } = JSON.parse(run.stdout);
    expect(parsed.origin).toBe('file');
    expect(parsed.reps[0]).toMatchObject({ rep_id: 'r1', name: '王芳', tier: '资深', skills: ['region:East', 'lang:zh'], capacity_per_week: 30, active: true });
    expect(parsed.reps[1]).toMatchObject({ active: false });
  });
});
