/**
 * A binary min-heap of (time, payload) on typed arrays: the simulator's future events (a lead
 * closing, a lead reclaimed) without an object per event.
 */
export class TimeHeap {
  private times: Float64Array;
  private payloads: Int32Array;
  private extras: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
    this.extras = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(time: number, payload: number, extra = 0): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.times[parent]! <= time) break;
      this.times[i] = this.times[parent]!;
      this.payloads[i] = this.payloads[parent]!;
      this.extras[i] = this.extras[parent]!;
      i = parent;
    }
    this.times[i] = time;
    this.payloads[i] = payload;
    this.extras[i] = extra;
  }

  /** The earliest time, Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  peekPayload(): number {
    return this.payloads[0]!;
  }

  peekExtra(): number {
    return this.extras[0]!;
  }

  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const time = this.times[last]!, payload = this.payloads[last]!, extra = this.extras[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.times[child + 1]! < this.times[child]!) child++;
      if (this.times[child]! >= time) break;
      this.times[i] = this.times[child]!;
      this.payloads[i] = this.payloads[child]!;
      this.extras[i] = this.extras[child]!;
      i = child;
    }
    this.times[i] = time;
    this.payloads[i] = payload;
    this.extras[i] = extra;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const payloads = new Int32Array(this.times.length * 2);
    const extras = new Int32Array(this.times.length * 2);
    times.set(this.times);
    payloads.set(this.payloads);
    extras.set(this.extras);
    this.times = times;
    this.payloads = payloads;
    this.extras = extras;
  }
}
