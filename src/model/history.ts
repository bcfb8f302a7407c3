/**
 * The history lead by lead, in column arrays, for the simulator: when each lead arrived, its
 * segment and value, who got it and how it ended. Resampling whole historical weeks keeps the
 * real mix of segments, values and arrival times; the owner is what the "as is" policy replays.
 * Leads without a creation time cannot be placed in time and are left out (the count says how many).
 */
export interface HistoryLeads {
  /** Segment keys, as the estimates name them. */
  segments: string[];
  /** Per lead: index into `segments`. */
  segment: Uint32Array;
  /** Per lead: creation time, epoch milliseconds of the data's local clock read as UTC. */
  created: Float64Array;
  /** Per lead: value, NaN when the lead has none. */
  value: Float64Array;
  /** Owner ids; per lead an index into `owners`, or -1. */
  owners: string[];
  owner: Int32Array;
  /** Per lead: 1 won, 0 lost, -1 open. */
  outcome: Int8Array;
  /** Per lead: hours from creation to close for decided leads with a close time, else NaN. */
  cycleHours: Float64Array;
  /** Per lead: hours from creation to first touch, NaN when never touched (or not mapped). */
  touchHours: Float64Array;
  /** Per lead: the fold (row number modulo 2) it belongs to in cross-fitting. */
  fold: Uint8Array;
  withoutCreatedAt: number;
}
