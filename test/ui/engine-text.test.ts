import { describe, expect, it } from 'vitest';
import type { EngineMessage, MessageSpec } from '../../src/model/message';
import { FRONTIER_NOTES, OPTIMIZE_MESSAGES, POLICY_NOTES } from '../../src/optimize/messages';
import { optimize } from '../../src/optimize/optimize';
import { SIMULATION_NOTES } from '../../src/simulate/notes';
import { READINESS_MESSAGES } from '../../src/model/readiness';
import { PROPOSAL_MESSAGES } from '../../src/model/proposal';
import { FOLLOW_MESSAGES } from '../../src/pipeline/follow-data';
import { VERDICT_MESSAGES } from '../../src/simulate/verdict';
import { IMPORT_ERROR_PARAMS, importError, SCENARIO_ERROR_PARAMS, scenarioError, type ImportErrorCode, type ScenarioErrorCode } from '../../src/model/scenario-errors';
import { makeFormats } from '../../src/ui/format';
import { ZH_ENGINE, type EngineWords } from '../../src/ui/i18n/engine-zh';
import { engineWords, makeI18n } from '../../src/ui/i18n/index';
import { problemOf, rep, seg } from '../optimize/fixtures';

const SPECS: Record<string, MessageSpec> = { simulation: SIMULATION_NOTES, optimize: OPTIMIZE_MESSAGES, policies: POLICY_NOTES, frontier: FRONTIER_NOTES, readiness: READINESS_MESSAGES, proposal: PROPOSAL_MESSAGES, follow: FOLLOW_MESSAGES, verdict: VERDICT_MESSAGES };
const zhFormats = makeFormats('zh-CN');
const CJK = /[\u4e00-\u9fff]/;

/** Distinct values per param, so a template that shows one param in another's place is caught. */
function sentinelParams(names: readonly string[]): EngineMessage['params'] {
  return Object.fromEntries(names.map((name, i) => [name, i % 2 ? `值${name}` : 1234.5 + i]));
}

/** Renders `code` in Chinese, recording each param the template read and what it showed for it. */
function renderRecorded(code: keyof typeof ZH_ENGINE, params: EngineMessage['params']) {
  const words = engineWords({ code, params, text: '' }, zhFormats);
  const shown = new Map<string, string>();
  const record = (read: (name: string, ...rest: never[]) => string) => (name: string, ...rest: never[]) => {
    const value = read(name, ...rest);
    shown.set(name, value);
    return value;
  };
  const recorded: EngineWords = { text: record(words.text), num: record(words.num), pct: record(words.pct), choice: record(words.choice as never) };
  return { out: ZH_ENGINE[code](recorded), shown };
}

describe('the engine speaks Chinese in the workbench', () => {
  for (const [module, spec] of Object.entries(SPECS)) {
    it(`every ${module} code has a Chinese template that shows each param it is given`, () => {
      for (const [code, names] of Object.entries(spec)) {
        const { out, shown } = renderRecorded(code as keyof typeof ZH_ENGINE, sentinelParams(names));
        expect(out, code).toMatch(CJK);
        expect(out, code).not.toMatch(/undefined|NaN|\[object/);
        expect([...shown.keys()].sort(), code).toEqual([...names].sort());
        for (const [name, value] of shown) expect(out, `${code}: ${name}`).toContain(value);
      }
    });
  }

  it('has a template for no code the engine does not give', () => {
    const given = Object.values(SPECS).flatMap((spec) => Object.keys(spec));
    expect(Object.keys(ZH_ENGINE).sort()).toEqual([...given].sort());
  });

  it('an infeasible load band reads in Chinese with the numbers formatted for the locale, and in English as the CLI prints it', async () => {
    const problem = problemOf([seg('East', 1500)], [rep('a', 1500), rep('b', 1500)], [[0.3, 0.3]]);
    problem.constraints.loadBand = [0.625, 1];
    const result = await optimize(problem, { solver: 'jslp' });
    if (result.status !== 'infeasible') throw new Error(`expected infeasible, got ${result.status}`);
    const [conflict] = result.conflicts;
    expect(conflict).toMatchObject({ code: 'band_min_team', params: { min: 0.625, need: 1875, demand: 1500 } });
    expect(makeI18n('zh').engineText(conflict!)).toBe('负载区间下限 62.5% 要求全团队每周 1,875 条线索，但线索量只有 1,500 条。');
    expect(makeI18n('en').engineText(conflict!)).toBe('the load band minimum 62.5% needs 1875 leads/week across the team, but demand is only 1500');
  });

  it('an enumerated param shows its Chinese word, and a message with no Chinese template stays English', () => {
    const zh = makeI18n('zh');
    const decay = { code: 'decay', params: { floor: 0.4, tauHours: 36.125, referenceFrom: 'as-is replay' }, text: 'Decay: …' };
    expect(zh.engineText(decay)).toContain('按现状重放');
    expect(zh.engineText(decay)).toContain('36.13');
    expect(zh.engineText({ code: 'english_only', params: {}, text: 'highs returned error' })).toBe('highs returned error');
  });

  it('every scenario error reads in Chinese, led by the JSON path it names, and shows each param but the path it repeats', () => {
    const zh = makeI18n('zh');
    for (const [code, names] of Object.entries(SCENARIO_ERROR_PARAMS) as Array<[ScenarioErrorCode, readonly string[]]>) {
      const params = sentinelParams(names);
      const text = zh.errorText(scenarioError(code, params as never, `english for ${code}`, { path: 'segments.fields[0]' }));
      expect(text, code).toMatch(CJK);
      expect(text, code).toMatch(/^segments\.fields\[0\]：/);
      expect(text, code).not.toContain('english for');
      for (const name of names.filter((n) => n !== 'setting')) expect(text, `${code}: ${name}`).toContain(String(params[name]));
    }
  });

  it('every import error reads in Chinese, led by the file, row and column it names, and shows each param', () => {
    const zh = makeI18n('zh');
    for (const [code, names] of Object.entries(IMPORT_ERROR_PARAMS) as Array<[ImportErrorCode, readonly string[]]>) {
      const params = sentinelParams(names);
      const text = zh.errorText(importError(code, params as never, `english for ${code}`, { file: 'roster.csv', row: 7, column: '容量' }));
      expect(text, code).toMatch(CJK);
      expect(text, code).toMatch(/^roster\.csv，第 7 行，列「容量」：/);
      expect(text, code).not.toContain('english for');
      // A number shows formatted for the locale, or as it is where it is an id or a detail.
      const shown = (value: string | number) => [String(value), typeof value === 'number' ? zhFormats.number(value) : String(value)].some((v) => text.includes(v));
      for (const name of names) expect(shown(params[name]!), `${code}: ${name} in ${text}`).toBe(true);
    }
  });
});
