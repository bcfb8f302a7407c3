/**
 * Wall-clock time for the generator, as whole minutes since 1970-01-01 00:00 read as local time
 * (the sample has no time zone: a Chinese CRM writes Beijing time without an offset). Integers
 * keep the hot loop free of Date objects; days are formatted once and cached.
 */

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Public holidays (inclusive date ranges) in and around the sample year: few leads, no work. */
export const HOLIDAYS: ReadonlyArray<readonly [string, string, string]> = [
  ['2025-01-01', '2025-01-01', 'New Year'],
  ['2025-01-28', '2025-02-04', 'Spring Festival'],
  ['2025-04-04', '2025-04-06', 'Qingming'],
  ['2025-05-01', '2025-05-05', 'Labour Day'],
  ['2025-05-31', '2025-06-02', 'Dragon Boat'],
  ['2025-10-01', '2025-10-08', 'National Day and Mid-Autumn'],
  ['2026-01-01', '2026-01-03', 'New Year'],
  ['2026-02-15', '2026-02-23', 'Spring Festival'],
];

/** Working windows per weekday (0 = Monday), in minutes of the day: [start, end). */
const WORK_WINDOWS: ReadonlyArray<readonly [number, number] | null> = [
  [9 * 60, 19 * 60],
  [9 * 60, 19 * 60],
  [9 * 60, 19 * 60],
  [9 * 60, 19 * 60],
  [9 * 60, 19 * 60],
  [10 * 60, 16 * 60],
  null,
];

export function parseDay(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`expected a date like 2025-01-06, got "${day}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 60000;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

interface DayInfo {
  iso: string;
  /** `2026/1/8`: how Excel and Chinese CRMs write a date. */
  zh: string;
  weekday: number;
  holiday: boolean;
}

export class Calendar {
  private readonly days = new Map<number, DayInfo>();
  private readonly holidayDays = new Set<number>();
  private readonly hhmm: string[] = [];
  private readonly hmmZh: string[] = [];

  constructor() {
    for (const [from, to] of HOLIDAYS) {
      for (let d = parseDay(from); d <= parseDay(to); d += MINUTES_PER_DAY) this.holidayDays.add(d / MINUTES_PER_DAY);
    }
    for (let m = 0; m < MINUTES_PER_DAY; m++) {
      this.hhmm.push(`${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);
      this.hmmZh.push(`${Math.floor(m / 60)}:${pad2(m % 60)}`);
    }
  }

  private day(dayNumber: number): DayInfo {
    let info = this.days.get(dayNumber);
    if (!info) {
      const date = new Date(dayNumber * 86400000);
      const y = date.getUTCFullYear();
      const mo = date.getUTCMonth() + 1;
      const d = date.getUTCDate();
      info = {
        iso: `${y}-${pad2(mo)}-${pad2(d)}`,
        zh: `${y}/${mo}/${d}`,
        weekday: (date.getUTCDay() + 6) % 7,
        holiday: this.holidayDays.has(dayNumber),
      };
      this.days.set(dayNumber, info);
    }
    return info;
  }

  weekday(minute: number): number {
    return this.day(Math.floor(minute / MINUTES_PER_DAY)).weekday;
  }

  isHoliday(minute: number): boolean {
    return this.day(Math.floor(minute / MINUTES_PER_DAY)).holiday;
  }

  /** `2026-01-08 14:14:00` */
  format(minute: number): string {
    const day = Math.floor(minute / MINUTES_PER_DAY);
    return `${this.day(day).iso} ${this.hhmm[minute - day * MINUTES_PER_DAY]}:00`;
  }

  /** `2026/1/8 14:14` */
  formatZh(minute: number): string {
    const day = Math.floor(minute / MINUTES_PER_DAY);
    return `${this.day(day).zh} ${this.hmmZh[minute - day * MINUTES_PER_DAY]}`;
  }

  /**
   * The moment `workMinutes` of working time after `from`, counting only working windows on
   * working days. With 0 it is the next moment someone is at work (or `from` itself).
   */
  addWorkingMinutes(from: number, workMinutes: number): number {
    let remaining = workMinutes;
    let day = Math.floor(from / MINUTES_PER_DAY);
    let cursor = from;
    // A delay of years would mean a broken parameter; the bound keeps a bad draw from hanging.
    for (let guard = 0; guard < 3660; guard++, day++) {
      const info = this.day(day);
      const window = info.holiday ? null : WORK_WINDOWS[info.weekday];
      if (window) {
        const open = day * MINUTES_PER_DAY + window[0];
        const close = day * MINUTES_PER_DAY + window[1];
        const begin = Math.max(cursor, open);
        if (begin < close) {
          if (begin + remaining < close) return begin + remaining;
          remaining -= close - begin;
        }
      }
      cursor = (day + 1) * MINUTES_PER_DAY;
    }
    throw new Error(`working time ${workMinutes} min after ${this.format(from)} is out of range`);
  }
}

/** Parses `2026-01-08 14:14:00` back to minutes; for tests and readers of the sample. */
export function parseTimestamp(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`expected a timestamp like 2026-01-08 14:14:00, got "${text}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) / 60000;
}
