/**
 * The leads waiting to close, per rep: the simulator's most frequent future event (every touched
 * lead closes a sales cycle later). Each rep's close times are kept in order in a ring, and a
 * small heap over the reps orders their earliest closes, so taking the next close costs a sift
 * through the reps (log R) rather than through every open lead (log n). A rep's leads are
 * touched first in, first out, so their close times come in order and join the ring at its end.
 *
 * Which closes are due by a time is all the simulator asks: it closes them all before routing
 * the next lead, and a rep's open count does not depend on the order its closes were taken in.
 */
export class CloseQueues {
  /** Per rep: close times in a ring of `capacity[r]` slots from `first[r]`, `size[r]` of them. */
  private rings: Float64Array[] = [];
  private first = new Int32Array(0);
  private size = new Int32Array(0);
  /** Reps with closes pending, a binary min-heap on their earliest close; `at[r]`: r's place in it, or -1. */
  private heap = new Int32Array(0);
  private heapSize = 0;
  private at = new Int32Array(0);
  /** heap's earliest close times, in heap order (kept beside the reps so a sift reads one array). */
  private heapTime = new Float64Array(0);

  /** Empties the queues for `reps` reps, keeping the rings already grown. */
  reset(reps: number): void {
    if (this.first.length < reps) {
      this.first = new Int32Array(reps);
      this.size = new Int32Array(reps);
      this.heap = new Int32Array(reps);
      this.at = new Int32Array(reps);
      this.heapTime = new Float64Array(reps);
    }
    while (this.rings.length < reps) this.rings.push(new Float64Array(64));
    this.first.fill(0);
    this.size.fill(0);
    this.at.fill(-1);
    this.heapSize = 0;
  }

  /** The earliest close, Infinity when none is pending. */
  peekTime(): number {
    return this.heapSize > 0 ? this.heapTime[0]! : Infinity;
  }

  /** The rep of the earliest close. */
  peekRep(): number {
    return this.heap[0]!;
  }

  push(rep: number, time: number): void {
    let ring = this.rings[rep]!;
    if (this.size[rep] === ring.length) ring = this.grow(rep);
    const mask = ring.length - 1, first = this.first[rep]!;
    let j = this.size[rep]!;
    // In order from the end: a later close stops at once; an earlier one (a rep back from an absence) moves up.
    while (j > 0 && ring[(first + j - 1) & mask]! > time) {
      ring[(first + j) & mask] = ring[(first + j - 1) & mask]!;
      j--;
    }
    ring[(first + j) & mask] = time;
    this.size[rep]! += 1;
    if (j > 0) return;
    if (this.at[rep] === -1) this.at[rep] = this.heapSize++;
    this.siftUp(this.at[rep]!, rep, time);
  }

  /** Takes away the earliest close. */
  pop(): void {
    const rep = this.heap[0]!;
    const ring = this.rings[rep]!;
    this.first[rep] = (this.first[rep]! + 1) & (ring.length - 1);
    if (--this.size[rep]! > 0) {
      this.siftDown(rep, ring[this.first[rep]!]!);
      return;
    }
    this.at[rep] = -1;
    const last = --this.heapSize;
    if (last > 0) this.siftDown(this.heap[last]!, this.heapTime[last]!);
  }

  /** Puts `rep`, whose earliest close is now `time` (no later than before), at place i or above. */
  private siftUp(i: number, rep: number, time: number): void {
    const { heap, at, heapTime } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapTime[parent]! <= time) break;
      heap[i] = heap[parent]!;
      heapTime[i] = heapTime[parent]!;
      at[heap[i]!] = i;
      i = parent;
    }
    heap[i] = rep;
    heapTime[i] = time;
    at[rep] = i;
  }

  /** Puts `rep` with earliest close `time` at the root's place and sifts it down. */
  private siftDown(rep: number, time: number): void {
    const { heap, at, heapTime } = this;
    const n = this.heapSize;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heapTime[child + 1]! < heapTime[child]!) child++;
      if (heapTime[child]! >= time) break;
      heap[i] = heap[child]!;
      heapTime[i] = heapTime[child]!;
      at[heap[i]!] = i;
      i = child;
    }
    heap[i] = rep;
    heapTime[i] = time;
    at[rep] = i;
  }

  /** Doubles rep's ring (capacities stay powers of two), its closes moved to the start in order. */
  private grow(rep: number): Float64Array {
    const old = this.rings[rep]!, mask = old.length - 1, first = this.first[rep]!;
    const ring = new Float64Array(old.length * 2);
    for (let j = 0; j < old.length; j++) ring[j] = old[(first + j) & mask]!;
    this.rings[rep] = ring;
    this.first[rep] = 0;
    return ring;
  }
}
