/**
 * How long background work waits after the user's last statement. A page asks its statements one after
 * another, each once the last has answered (periods written, then the batch of its cards), so the queue
 * is briefly empty between them; background work started in that gap (a large summary table on a big
 * file) would make the page wait for it: the Early help page's batch would queue behind the
 * re-referral cohort, and its first chart be drawn late.
 */
export const BACKGROUND_GRACE_MS = 100;

/** How a task waits its turn. */
export interface TaskOptions {
  /** Waits while the user's tasks run (see TaskQueue). */
  background?: boolean;
  /**
   * For background work only: stops the task while it runs (its promise then rejects), so that a user's
   * task arriving meanwhile need not wait for its end. The task is then run again, from the start,
   * after the user's tasks; its caller sees only the run that finishes.
   */
  stop?: () => Promise<unknown>;
}

interface Entry {
  task: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  stop?: () => Promise<unknown>;
}

/**
 * One task at a time, the user's first: duckdb-wasm runs one query at a time per connection, so every
 * call waits its turn here. A task marked `background` (building the slower summary tables after a
 * load) runs only when no foreground task is waiting and none has run for `graceMs`, so a chart a user
 * asked for never queues behind it; and one that can be stopped is stopped when a user's task arrives
 * while it runs, and run again later. No polling: the next task starts when the previous one settles,
 * or background work when its one timer fires.
 */
export class TaskQueue {
  private readonly foreground: Entry[] = [];
  private readonly background: Entry[] = [];
  private running: { entry: Entry; foreground: boolean; stopped: boolean } | undefined;
  private lastForeground = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly graceMs: number;
  private stopped = 0;

  constructor(options: { graceMs?: number } = {}) {
    this.graceMs = options.graceMs ?? BACKGROUND_GRACE_MS;
  }

  /** Queues `task`; resolves or rejects with it. */
  add<T>(task: () => Promise<T>, options: TaskOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Entry = { task, resolve: resolve as (value: unknown) => void, reject };
      if (options.background) {
        entry.stop = options.stop;
        this.background.push(entry);
      } else {
        this.foreground.push(entry);
        this.stopBackground();
      }
      this.pump();
    });
  }

  /** Background runs stopped for a user's task (each was run again). */
  get stops(): number {
    return this.stopped;
  }

  /** Tasks waiting (not counting the one running). */
  get waiting(): number {
    return this.foreground.length + this.background.length;
  }

  /** A user's task is waiting: the background task running is stopped, if it can be. */
  private stopBackground() {
    const current = this.running;
    if (!current || current.foreground || current.stopped || !current.entry.stop) return;
    current.stopped = true;
    void current.entry.stop().catch(() => undefined);
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
    this.start(this.background.shift() as Entry, false);
  }

  private start(entry: Entry, foreground: boolean) {
    const current = { entry, foreground, stopped: false };
    this.running = current;
    entry
      .task()
      .then(entry.resolve, (error: unknown) => {
        if (!current.stopped) {
          entry.reject(error);
          return;
        }
        // Stopped for a user's task: run again, first of the background work.
        this.stopped += 1;
        this.background.unshift(entry);
      })
      .finally(() => {
        if (foreground) this.lastForeground = Date.now();
        this.running = undefined;
        this.pump();
      });
  }
}
