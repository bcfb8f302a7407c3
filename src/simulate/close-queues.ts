/**
 * The leads waiting to close: the simulator's most frequent future event (every touched lead
 * closes a sales cycle later). Which closes are due by a moment is all the simulator asks: it
 * closes them all before routing the next lead, and a rep's open count after them does not depend
 * on the order they were taken in. So nothing keeps them in order: each close sits in the bucket
 * of its time (a calendar queue), and taking the closes due by `now` walks the buckets from the
 * last one taken up to now's. With about one close per bucket a close costs a few steps, where a
 * heap over 200 reps cost a sift per close (a seventh of a large team's replication).
 *
 * Buckets are a ring: a close a whole ring ahead shares a bucket with an earlier one and stays
 * there until its own time comes. Times are finite (a lead never touched never closes).
 */
export class CloseQueues {
  /** Buckets per hour: bucket b holds the closes with floor(time × perHour) = b (mod the ring). */
  private perHour = 1;
  /** Per ring place: the first close in it, -1 for none; then `next` down the list. */
  private head = new Int32Array(1).fill(-1);
  private mask = 0;
  private time = new Float64Array(64);
  private rep = new Int32Array(64);
  private next = new Int32Array(64);
  /** Closes not in use, a list through `next`; `used` closes were ever handed out since the reset. */
  private free = -1;
  private used = 0;
  /** No pending close has a bucket below `from`; none has one above `highest`. */
  private from = 0;
  private highest = -1;
  /** The reps of the closes the last `takeDue` took, in its first n places (read after the call: it may grow). */
  due = new Int32Array(64);

  /**
   * Empties the queue for about `closes` closes spread over `hours`, keeping what it has grown:
   * buckets a close wide on average, and a ring as long as the span.
   */
  reset(closes: number, hours: number): void {
    const buckets = Math.max(1, Math.ceil(closes));
    this.perHour = hours > 0 && Number.isFinite(hours) ? buckets / hours : 1;
    let size = 1;
    while (size < buckets) size *= 2;
    if (this.head.length !== size) this.head = new Int32Array(size);
    this.head.fill(-1);
    this.mask = size - 1;
    this.free = -1;
    this.used = 0;
    this.from = 0;
    this.highest = -1;
  }

  push(rep: number, time: number): void {
    const bucket = Math.floor(time * this.perHour);
    let item = this.free;
    if (item >= 0) this.free = this.next[item]!;
    else {
      if (this.used === this.time.length) this.grow();
      item = this.used++;
    }
    this.time[item] = time;
    this.rep[item] = rep;
    const place = bucket & this.mask;
    this.next[item] = this.head[place]!;
    this.head[place] = item;
    if (bucket > this.highest) this.highest = bucket;
    if (bucket < this.from) this.from = bucket;
  }

  /** Takes every close due by `now` (time ≤ now) and returns how many; their reps are `due[0, n)`. */
  takeDue(now: number): number {
    // floor(t × k) < floor(now × k) means t < now (a product by k > 0 keeps order), so the buckets
    // before now's hold due closes only; now's own is looked through close by close.
    const last = Math.min(Math.floor(now * this.perHour), this.highest);
    const { head, next, time, rep, mask } = this;
    let count = 0;
    // One lap of the ring looks at every place once, however far `now` has moved.
    const end = Math.min(last, this.from + mask);
    for (let b = this.from; b <= end; b++) {
      const place = b & mask;
      let previous = -1;
      for (let item = head[place]!; item >= 0;) {
        const following = next[item]!;
        if (time[item]! <= now) {
          if (previous < 0) head[place] = following;
          else next[previous] = following;
          if (count === this.due.length) this.due = growInt(this.due);
          this.due[count++] = rep[item]!;
          next[item] = this.free;
          this.free = item;
        } else previous = item;
        item = following;
      }
    }
    if (last > this.from) this.from = last;
    return count;
  }

  /** Doubles the closes' arrays (a rep's backlog can hold more leads open than the first guess). */
  private grow(): void {
    const n = this.time.length * 2;
    const time = new Float64Array(n);
    time.set(this.time);
    this.time = time;
    this.rep = growInt(this.rep, n);
    this.next = growInt(this.next, n);
  }
}

function growInt(array: Int32Array, size = array.length * 2): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}
