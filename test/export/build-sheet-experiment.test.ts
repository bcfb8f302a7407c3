import { describe, expect, it } from 'vitest';
import { exportRules } from '../../src/export';
import { sampleExperiment } from './replay/experiment-fixture';

const files = (config: ReturnType<typeof sampleExperiment>, language: 'en' | 'zh') => {
  const { files } = exportRules(config, 'build-sheet', { language });
  const text = (path: string) => files.find((f) => f.path === path)!.content;
  return { csv: text('build-sheet.csv').replace(/^\uFEFF/, '').split('\r\n'), md: text('build-sheet.md') };
};

describe('the build sheet of an experiment, for a CRM set up by hand', () => {
  it('a week split: the schedule of the first weeks by their Mondays, in Chinese, before the rules', () => {
    const { csv, md } = files(sampleExperiment({ unit: 'week', candidateShare: 0.5, weekStart: '2026-12-07' }), 'zh');
    expect(csv[0]).toMatch(/从 2026-12-07（周一）起：2026-12-07 那周对照组，2026-12-14 那周实验组，2026-12-21 那周对照组/);
    expect(csv[1]!.split(',')[0]).toBe('实验分组');
    expect(md).toMatch(/请在每周开始时切换规则/);
  });

  it('a slot split: the number mod 100 below k, and a warning not to rotate on the same number, in English', () => {
    const config = sampleExperiment({ unit: 'slot', candidateShare: 0.4 });
    const { csv } = files(config, 'en');
    expect(csv[0]).toMatch(/whose number modulo 100 is below 40 is the candidate's/);
    expect(csv[0]).toMatch(/not on the same number/);
    const rows = csv.slice(2).filter((line) => line !== '');
    const control = config.experiment!.control as { rules: unknown[] };
    expect(rows.filter((r) => r.startsWith('candidate,'))).toHaveLength(config.rules.length + 1);
    expect(rows.filter((r) => r.startsWith('control,'))).toHaveLength(control.rules.length + 1);
  });

  it('a control kept as the current process: no control rows, and the sheet says to leave those leads alone', () => {
    const { csv } = files(sampleExperiment({ unit: 'lead', candidateShare: 0.5, salt: 'x' }, 'keepCurrent'), 'en');
    // CSV doubles the quotes inside a quoted cell.
    expect(csv[0]).toMatch(/the control ""as is"" \(leave its leads to your current process/);
    expect(csv[0]).toMatch(/FNV-1a \(32-bit\) over the UTF-8 bytes of ""x:"" followed by the id, modulo 10000; below 5000/);
    expect(csv.slice(2).filter((r) => r.startsWith('control,'))).toEqual([]);
  });
});
