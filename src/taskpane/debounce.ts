/**
 * Coalesces bursts of calls into one: `trigger()` any number of times and `fire` runs once, `wait` ms after
 * the last trigger, or at the latest `maxWait` ms after the first one of the burst (so a long stream of edits
 * still refreshes now and then). Timers are the platform's, so tests drive it with fake timers.
 */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private burstStart: number | undefined;

  constructor(
    private readonly fire: () => void,
    private readonly wait: number,
    private readonly maxWait: number = wait * 8,
  ) {}

  trigger(): void {
    const now = Date.now();
    this.burstStart ??= now;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(this.wait, this.burstStart + this.maxWait - now));
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** Whether a call is waiting to fire. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Runs a waiting call now. */
  flush(): void {
    if (this.timer === undefined) return;
    this.cancel();
    this.fire();
  }

  /** Forgets a waiting call. */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.burstStart = undefined;
  }
}
