import type { ReadoutReport } from '../../experiment/readout-report';

/** The Rollout step's words (the `rollout` section of en.ts / zh.ts). Values come in formatted. */
export interface RolloutTexts {
  title: string;
  intro: string;
  /** Above the readout, below the design. */
  readoutTitle: string;
  needsData: string;
  fileTitle: string;
  fileHelp: string;
  noFile: string;
  /** A file over the browser's size limit, refused before it is read. */
  tooBig: (file: string, size: string, limit: string) => string;
  armsTitle: string;
  byColumn: string;
  columnLabel: string;
  columnHelp: string;
  /** Above the file's columns, offered after a readout named a column the file does not have. */
  columnsOfFile: string;
  byHash: string;
  shareLabel: string;
  saltLabel: string;
  hashHelp: string;
  bySlot: string;
  slotColumnLabel: string;
  slotHelp: string;
  byWeek: string;
  weekStartLabel: string;
  weekHelp: string;
  policiesTitle: string;
  controlLabel: string;
  candidateLabel: string;
  windowLabel: string;
  windowHelp: string;
  invalid: { column: string; share: string; salt: string; slotShare: string; weekStart: string; window: string; samePolicies: string };
  readOut: string;
  cancel: string;
  needsFile: string;
  ready: string;
  preparing: string;
  simulating: (done: string, total: string) => string;
  reading: (file: string, size: string) => string;
  mapping: (file: string, rows: string) => string;
  restoring: string;
  failed: string;
  stale: string;
  /** The report's first line: which policy is which arm. */
  headline: (candidate: string, control: string) => string;
  armsByColumn: (column: string) => string;
  armsByHash: (share: string, salt: string) => string;
  armsBySlot: (share: string, column: string) => string;
  armsByWeek: (share: string, weekStart: string) => string;
  /** `created` is a date range (Mar 2 – May 24, 2026). */
  period: (created: string, asOf: string) => string;
  tableTitle: string;
  arm: string;
  policy: string;
  leads: string;
  wonWithin: (days: string) => string;
  rate: string;
  armNames: { control: string; candidate: string };
  leftOutTitle: string;
  tooYoung: (count: string, days: string) => string;
  unmatched: (count: string) => string;
  withoutArm: (count: string) => string;
  noneLeftOut: string;
  wonWithoutDate: (count: string, days: string) => string;
  effectTitle: string;
  effectHelp: (days: string) => string;
  effect: (effect: string, low: string, high: string, segments: string) => string;
  forecast: (mean: string, low: string, high: string, replications: string) => string;
  chartTitle: string;
  chartAxis: string;
  measured: string;
  forecastRow: string;
  interval: string;
  verdicts: Record<ReadoutReport['verdict'], string>;
  /** The week-by-week monitor of the candidate's leads. */
  monitor: {
    title: string;
    help: (days: string) => string;
    weekOf: string;
    leads: string;
    won: string;
    band: string;
    sla: string;
    flag: string;
    notJudged: (days: string) => string;
    noTouches: string;
    above: string;
    below: string;
    /** What moved most in a week outside its band. */
    repRate: (rep: string, won: string, leads: string, expected: string) => string;
    segmentVolume: (segment: string, leads: string, expected: string) => string;
    /** A week outside its band, and what moved most (may be empty). */
    flagged: (side: string, moved: string) => string;
    repsTitle: string;
    repsOutside: string;
    repLoad: (rep: string, perWeek: string, low: string, high: string, side: string) => string;
    repsInside: string;
  };
}
