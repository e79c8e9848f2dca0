/**
 * How long background work waits after the user's last statement. A page asks its statements one after
 * another, each once the last has answered (periods written, then the batch of its cards), so the queue
 * is briefly empty between them; background work started in that gap (a summary table taking 1.6 s on a
 * million rows) would make the page wait for it. Measured on the 1M file: the Early help page's batch
 * queued behind the re-referral cohort, EH1 drawn 1.5 s later.
 */
export const BACKGROUND_GRACE_MS = 100;

/**
 * One task at a time, the user's first: duckdb-wasm runs one query at a time per connection, so every
 * call waits its turn here. A task marked `background` (building the slower summary tables after a
 * load) runs only when no foreground task is waiting and none has run for `graceMs`, so a chart a user
 * asked for never queues behind it. No polling: the next task starts when the previous one settles, or
 * background work when its one timer fires.
 */
export class TaskQueue {
  private readonly foreground: (() => Promise<void>)[] = [];
  private readonly background: (() => Promise<void>)[] = [];
  private running = false;
  private lastForeground = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly graceMs: number;

  constructor(options: { graceMs?: number } = {}) {
    this.graceMs = options.graceMs ?? BACKGROUND_GRACE_MS;
  }

  /** Queues `task`; resolves or rejects with it. */
  add<T>(task: () => Promise<T>, options: { background?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = () => task().then(resolve, reject);
      (options.background ? this.background : this.foreground).push(run);
      this.pump();
    });
  }

  /** Tasks waiting (not counting the one running). */
  get waiting(): number {
    return this.foreground.length + this.background.length;
  }

  private pump() {
    if (this.running) return;
    const user = this.foreground.shift();
    if (user) {
      this.start(user, true);
      return;
    }
    if (this.background.length === 0) return;
    const wait = this.lastForeground + this.graceMs - Date.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    this.start(this.background.shift() as () => Promise<void>, false);
  }

  private start(task: () => Promise<void>, foreground: boolean) {
    this.running = true;
    task().finally(() => {
      if (foreground) this.lastForeground = Date.now();
      this.running = false;
      this.pump();
    });
  }
}
