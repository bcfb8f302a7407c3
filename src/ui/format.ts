/** Locale-aware formatting of the numbers and dates the workbench shows. */
export interface Formats {
  number(value: number): string;
  percent(share: number): string;
  /** A `YYYY-MM-DD[ HH:MM:SS]` value as DuckDB prints it, shown as a local date. */
  date(value: string | null): string;
  dateRange(from: string | null, to: string | null): string;
  /** A file size: `840 KB`, `1.5 MB`, `199 MB`, `1,016 MB`, `1 GB` (units of 1024, as Windows shows them). */
  bytes(value: number): string;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function makeFormats(locale: string): Formats {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const sizes = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const smallSizes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const date = (value: string | null) => {
    if (value === null) return '';
    const parsed = parseSqlDate(value);
    return parsed ? dates.format(parsed) : value;
  };
  return {
    number: (value) => numbers.format(value),
    percent: (share) => percents.format(share),
    date,
    dateRange: (from, to) => {
      const a = from === null ? null : parseSqlDate(from);
      const b = to === null ? null : parseSqlDate(to);
      return a && b ? dates.formatRange(a, b) : [date(from), date(to)].filter(Boolean).join(' – ');
    },
    bytes: (value) => {
      let unit = 0;
      while (value >= 1024 && unit < BYTE_UNITS.length - 1) (value /= 1024), unit++;
      return `${(value < 10 ? smallSizes : sizes).format(value)} ${BYTE_UNITS[unit]}`;
    },
  };
}

/** Timestamps from the data layer carry no zone: read them as UTC and print them in UTC, unshifted. */
export function parseSqlDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  return new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s));
}
