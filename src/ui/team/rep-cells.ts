import { RepSchema, type Rep } from '../../model/roster';
import { parseAbsence } from '../../model/working-time';
import type { TeamColumn } from '../i18n/texts';

/** Why a cell's text was refused; the Team step words it in the user's language. */
export type CellProblem =
  | { code: 'required' | 'notNumber' | 'negative' | 'notWhole' }
  | { code: 'badDate'; value: string }
  | { code: 'duplicateId'; id: string };

export type CellEdit = { rep: Rep } | { problem: CellProblem };

/** The columns of the Team table, in order. */
export const TEAM_COLUMNS: TeamColumn[] = ['rep_id', 'name', 'team', 'tier', 'skills', 'capacity_per_week', 'max_open', 'active', 'absences', 'crm_user'];

/** Skill tags and absences are lists: typed as text, one separator as the roster file reader accepts. */
const LIST_SEPARATORS = /[;|,，；、]/;

/** The text a cell shows for its value. */
export function cellText(rep: Rep, column: TeamColumn): string {
  const value = rep[column];
  if (Array.isArray(value)) return value.join('; ');
  if (value === null) return '';
  return String(value);
}

/** Applies one cell's text to `reps[index]`, or says what is wrong with it. Nothing else of the rep changes. */
export function editCell(reps: readonly Rep[], index: number, column: TeamColumn, text: string): CellEdit {
  const rep = reps[index]!;
  const trimmed = text.trim();
  const problem = (p: CellProblem): CellEdit => ({ problem: p });
  let value: Rep[TeamColumn];
  switch (column) {
    case 'rep_id':
      if (!trimmed) return problem({ code: 'required' });
      if (reps.some((r, i) => i !== index && r.rep_id === trimmed)) return problem({ code: 'duplicateId', id: trimmed });
      value = trimmed;
      break;
    case 'name':
      if (!trimmed) return problem({ code: 'required' });
      value = trimmed;
      break;
    case 'capacity_per_week':
    case 'max_open': {
      if (!trimmed) {
        if (column === 'capacity_per_week') return problem({ code: 'required' });
        value = null;
        break;
      }
      const number = Number(trimmed.replace(/,/g, ''));
      if (!Number.isFinite(number)) return problem({ code: 'notNumber' });
      if (number < 0) return problem({ code: 'negative' });
      if (column === 'max_open' && !Number.isInteger(number)) return problem({ code: 'notWhole' });
      value = number;
      break;
    }
    case 'skills':
    case 'absences': {
      const items = trimmed ? trimmed.split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean) : [];
      const badDate = column === 'absences' ? items.find((item) => parseAbsence(item) === null) : undefined;
      if (badDate !== undefined) return problem({ code: 'badDate', value: badDate });
      value = items;
      break;
    }
    case 'active':
      value = trimmed === 'true';
      break;
    default:
      value = trimmed;
  }
  // The schema is the last word: an edit the table let through must still be a valid rep.
  return { rep: RepSchema.parse({ ...rep, [column]: value }) };
}
