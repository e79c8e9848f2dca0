/**
 * One task at a time, the user's first: duckdb-wasm runs one query at a time per connection, so every
 * call waits its turn here. A task marked `background` (building the slower summary tables after a
 * load) runs only when no foreground task is waiting, so a chart a user asked for never queues behind
 * it. No polling: the next task starts when the previous one settles.
 */
export class TaskQueue {
  private readonly foreground: (() => Promise<void>)[] = [];
  private readonly background: (() => Promise<void>)[] = [];
  private running = false;

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
    const next = this.foreground.shift() ?? this.background.shift();
    if (!next) return;
    this.running = true;
    next().finally(() => {
      this.running = false;
      this.pump();
    });
  }
}
