import type { WorkingHours } from '../model/working-time';

export { DEFAULT_WORKING_HOURS, parseWorkingHours, type WorkingHours } from '../model/working-time';

/**
 * Working time. The simulation clock is hours since Monday 00:00 of the first simulated week
 * (the data's local clock). A rep works `days` (Monday = 0) from `start` to `end` o'clock; leads
 * arrive at any hour, and wait for the next working moment to be touched.
 */
export const HOURS_PER_WEEK = 168;

/** A compiled week: per hour of the week, whether it is worked, and the worked hours before it. */
export interface WeekCalendar {
  readonly worked: Uint8Array;
  /** Worked hours in [0, h) of the week, for h = 0 … 168. */
  readonly before: Float64Array;
  /** The hour of the week of the k-th worked hour, for k = 0 … hoursPerWeek − 1 (the inverse of `before`). */
  readonly workedHour: Uint8Array;
  readonly hoursPerWeek: number;
}

export function compileCalendar(hours: WorkingHours): WeekCalendar {
  const worked = new Uint8Array(HOURS_PER_WEEK);
  for (const day of hours.days) for (let h = hours.start; h < hours.end; h++) worked[day * 24 + h] = 1;
  const before = new Float64Array(HOURS_PER_WEEK + 1);
  for (let h = 0; h < HOURS_PER_WEEK; h++) before[h + 1] = before[h]! + worked[h]!;
  const workedHour = Uint8Array.from({ length: before[HOURS_PER_WEEK]! }, (_, k) => worked.findIndex((w, h) => w === 1 && before[h] === k));
  return { worked, before, workedHour, hoursPerWeek: before[HOURS_PER_WEEK]! };
}

/** Worked hours from the start of the simulation to time t. */
export function workedUntil(cal: WeekCalendar, t: number): number {
  const week = Math.floor(t / HOURS_PER_WEEK);
  const inWeek = t - week * HOURS_PER_WEEK;
  const hour = Math.floor(inWeek);
  return week * cal.hoursPerWeek + cal.before[hour]! + (cal.worked[hour] ? inWeek - hour : 0);
}

/** The moment at which `w` worked hours have passed since the start (the inverse of workedUntil). */
export function momentAfterWorked(cal: WeekCalendar, w: number): number {
  const perWeek = cal.hoursPerWeek;
  const week = Math.floor(w / perWeek);
  const rest = w - week * perWeek;
  const k = Math.min(Math.floor(rest), perWeek - 1);
  return week * HOURS_PER_WEEK + cal.workedHour[k]! + (rest - k);
}
