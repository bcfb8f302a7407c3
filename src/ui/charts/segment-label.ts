/** A segment key as the data layer writes it (`East|Enterprise`) as people read it (`East · Enterprise`). */
export function segmentLabel(key: string): string {
  return key.split('|').join(' · ');
}

/** The rows of a chart with one row per segment: room on the left for a two-part segment label. */
export const SEGMENT_ROWS = { rowHeight: 24, chrome: 50, marginLeft: 150, marginRight: 16 } as const;
