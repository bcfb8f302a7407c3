/**
 * A rep's working time as a roster writes it (DESIGN §2.2): working hours such as `09:00-18:00`
 * or `周一至周五 9-18`, and absences as dates or date ranges. Read once here, so the roster
 * reader can refuse what it cannot read (naming row and column), the Team step can check a cell,
 * and the simulator places them in its clock.
 */
export interface WorkingHours {
  /** Weekdays worked, 0 = Monday … 6 = Sunday. */
  days: readonly number[];
  start: number;
  end: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [0, 1, 2, 3, 4], start: 9, end: 18 };

/** Parses `09:00-18:00` or `9-18` (to the hour), optionally with days `Mon-Fri 9-18` / `周一至周五 9-18`; null when unreadable. */
export function parseWorkingHours(text: string | null | undefined): WorkingHours | null {
  if (!text) return null;
  const m = /(\d{1,2})(?::(\d{2}))?\s*[-–~至到]\s*(\d{1,2})(?::(\d{2}))?\s*$/.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]), end = Number(m[3]);
  if (!(start >= 0 && end <= 24 && start < end)) return null;
  const days = /sat|sun|周六|周日|周末|7\s*[x×]\s*24|每天|daily/i.test(text) ? [0, 1, 2, 3, 4, 5, 6] : DEFAULT_WORKING_HOURS.days;
  return { days, start, end };
}

/** `2026-02-02`, or a range `2026-02-02..2026-02-06` (also `~`, `至`, ` to `), both ends included; null when unreadable. */
export function parseAbsence(text: string): { from: string; to: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|~|至|to)\s*(\d{4}-\d{2}-\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const from = m[1]!, to = m[2] ?? m[1]!;
  if (Number.isNaN(Date.parse(`${from}T00:00:00Z`)) || Number.isNaN(Date.parse(`${to}T00:00:00Z`)) || to < from) return null;
  return { from, to };
}
