import { describe, expect, it } from 'vitest';
import { RepSchema, type Rep } from '../../src/model/roster';
import { cellText, editCell } from '../../src/ui/team/rep-cells';

const reps: Rep[] = [
  RepSchema.parse({ rep_id: 'r01', name: '王芳', capacity_per_week: 16, skills: ['region:East', 'lang:zh'] }),
  RepSchema.parse({ rep_id: 'r02', name: 'Li Wei', capacity_per_week: 14, max_open: 60 }),
];

describe('editing a cell of the Team table', () => {
  it('a new capacity replaces only that value', () => {
    expect(editCell(reps, 0, 'capacity_per_week', ' 20 ')).toEqual({ rep: { ...reps[0], capacity_per_week: 20 } });
  });

  it('refuses a capacity that is empty, not a number or negative, with the reason', () => {
    expect(editCell(reps, 0, 'capacity_per_week', '')).toEqual({ problem: { code: 'required' } });
    expect(editCell(reps, 0, 'capacity_per_week', 'abc')).toEqual({ problem: { code: 'notNumber' } });
    expect(editCell(reps, 0, 'capacity_per_week', '-3')).toEqual({ problem: { code: 'negative' } });
  });

  it('max open may be cleared, and must be whole', () => {
    expect(editCell(reps, 1, 'max_open', '')).toEqual({ rep: { ...reps[1], max_open: null } });
    expect(editCell(reps, 1, 'max_open', '2.5')).toEqual({ problem: { code: 'notWhole' } });
  });

  it('a rep id already used by another rep is refused; keeping one’s own is fine', () => {
    expect(editCell(reps, 1, 'rep_id', 'r01')).toEqual({ problem: { code: 'duplicateId', id: 'r01' } });
    expect(editCell(reps, 0, 'rep_id', 'r01')).toEqual({ rep: reps[0] });
  });

  it('skill tags are typed as a list and shown back the same way', () => {
    const edit = editCell(reps, 1, 'skills', 'region:West；product:GTX Pro; lang:en');
    expect(edit).toEqual({ rep: { ...reps[1], skills: ['region:West', 'product:GTX Pro', 'lang:en'] } });
    expect(cellText((edit as { rep: Rep }).rep, 'skills')).toBe('region:West; product:GTX Pro; lang:en');
  });

  it('absences are dates or date ranges, as the simulator reads them', () => {
    expect(editCell(reps, 0, 'absences', '2026-02-02; 2026-03-01..2026-03-05')).toEqual({
      rep: { ...reps[0], absences: ['2026-02-02', '2026-03-01..2026-03-05'] },
    });
    expect(editCell(reps, 0, 'absences', '2026-02-02; next week')).toEqual({ problem: { code: 'badDate', value: 'next week' } });
  });

  it('active is a yes/no switch', () => {
    expect(editCell(reps, 0, 'active', 'false')).toEqual({ rep: { ...reps[0], active: false } });
  });
});
