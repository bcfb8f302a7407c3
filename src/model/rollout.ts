/** The leads of a post-rollout export, lead by lead, as the readout takes them. */
export interface RolloutRows {
  leadId: string[];
  segment: string[];
  /** Epoch ms of creation (the data's local clock read as UTC); leads without one are counted apart. */
  created: Float64Array;
  /** 1 won, 0 lost, −1 open. */
  outcome: Int8Array;
  /** Days from creation to the close, NaN when open or the close date is missing. */
  daysToClose: Float64Array;
  owner: Array<string | null>;
  /** Hours from creation to the first touch, NaN when untouched or not mapped. */
  touchHours: Float64Array;
  /** The arm column's text per lead (null when empty), or null when no arm column was read. */
  armText: Array<string | null> | null;
  /** The latest creation or close time in the export: the moment its outcomes are known at. */
  asOfMs: number;
  withoutCreatedAt: number;
}
