/** A segment key as the data layer writes it (`East|Enterprise`) as people read it (`East · Enterprise`). */
export function segmentLabel(key: string): string {
  return key.split('|').join(' · ');
}
