// The seeded pseudo-random numbers of the fuzzer and the edit replays: a seed replays a run.

export class Rng {
  constructor(private state: number) {}
  /** The next number in [0, 1). */
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
}

/** The same sequence as a function, for code that only wants numbers in [0, 1). */
export function rng(seed: number): () => number {
  const r = new Rng(seed >>> 0);
  return () => r.next();
}
