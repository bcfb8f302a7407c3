/**
 * How a rollout experiment (allot.rules/v2 `experiment`) splits leads into the candidate and the
 * control arm. These few functions are the only implementation: the router, the simulator
 * (src/simulate/experiment-run.ts), the readout (src/experiment) and every exporter import them,
 * so a lead is in the same arm wherever it is looked at. They live here because src/route ships
 * alone as the reference router and may import nothing outside its folder.
 */

/** Buckets a lead id falls into; a lead-level share is honoured to 0.01%. */
export const ARM_BUCKETS = 10_000;

/** Slots of a slot-level split: Salesforce's `MOD(AutoNumber, 100)`. */
export const SLOTS = 100;

const utf8 = new TextEncoder();

/**
 * A lead id's bucket: FNV-1a over the UTF-8 bytes of `salt:id`, modulo ARM_BUCKETS. Stable across
 * runtimes, so a lead's arm never has to be stored; another salt reshuffles the leads.
 */
export function bucketOf(leadId: string, salt: string): number {
  let h = 0x811c9dc5;
  for (const byte of utf8.encode(`${salt}:${leadId}`)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % ARM_BUCKETS;
}

/** Lead unit: the candidate takes the buckets below share × ARM_BUCKETS. */
export function isCandidateLead(leadId: string, candidateShare: number, salt: string): boolean {
  return bucketOf(leadId, salt) < Math.round(candidateShare * ARM_BUCKETS);
}

/** Slot unit: the candidate holds the first share × SLOTS slots (0 … k − 1). */
export function isCandidateSlot(slot: number, candidateShare: number): boolean {
  return slot < Math.round(candidateShare * SLOTS);
}

/** Week k is the candidate's when the running count of share × weeks steps up in it: evenly spread, alternating at ½. */
export function candidateWeek(k: number, share: number): boolean {
  return Math.floor((k + 1) * share) > Math.floor(k * share);
}

const DAYS_PER_WEEK = 7;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD…` text (a date, or an ISO date-time whose date part is
 * taken as written, without time zones), or null when it does not start with a valid date.
 * Plain arithmetic (Howard Hinnant's days-from-civil) rather than Date, so the router stays a
 * pure function that reads no clock or locale.
 */
export function dayNumber(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

/** Whether a day number is a Monday (1970-01-01, day 0, was a Thursday). */
export function isMonday(day: number): boolean {
  return ((day % 7) + 7) % 7 === 4;
}

/** The week (0 = the week starting on `weekStartDay`, negative before it) a day falls in. */
export function weekIndex(day: number, weekStartDay: number): number {
  return Math.floor((day - weekStartDay) / DAYS_PER_WEEK);
}
