// When checks run: a change asks for one, and the check starts after a short debounce that grows
// with how long checks take (bursts of keystrokes coalesce; a quick check is not held back). Checks
// run to completion on the event loop, so every result reflects the texts current when it ran;
// generations let a request wait for "a check that saw my version".

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private requested = 0;
  private completed = 0;
  private lastMs = 0;
  private waiters: { gen: number; resolve: () => void }[] = [];

  constructor(private readonly check: () => void, private readonly onError: (e: unknown) => void, private readonly minDelay = 4, private readonly maxDelay = 100) {}

  /** Asks for a check that will see the current state; returns its generation. */
  request(): number {
    this.requested++;
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.delay());
    return this.requested;
  }

  /** Runs a requested check now (e.g. at the end of indexing) instead of after the debounce. */
  runNow(): void {
    this.requested++;
    this.flush();
  }

  /** Resolves once a check at or after `gen` finished (at once if one has). */
  whenDone(gen = this.requested): Promise<void> {
    if (this.completed >= gen) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ gen, resolve }));
  }

  /** The generation of the latest request (a check after it has not been asked for yet). */
  get requestedGeneration(): number {
    return this.requested;
  }

  get pending(): boolean {
    return this.completed < this.requested;
  }

  private delay(): number {
    // A quarter of the last check: bursts coalesce (keystrokes that arrive during a check are
    // taken together anyway), a lone keystroke is not held back much.
    return Math.min(this.maxDelay, Math.max(this.minDelay, this.lastMs / 4));
  }

  private flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    const gen = this.requested;
    const t0 = performance.now();
    try {
      this.check();
    } catch (e) {
      this.onError(e);
    }
    this.lastMs = performance.now() - t0;
    this.completed = Math.max(this.completed, gen);
    const ready = this.waiters.filter((w) => w.gen <= this.completed);
    this.waiters = this.waiters.filter((w) => w.gen > this.completed);
    for (const w of ready) w.resolve();
  }
}
