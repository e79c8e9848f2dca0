import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskQueue } from './task-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the engine queue', () => {
  it('runs one task at a time, in order', async () => {
    const queue = new TaskQueue();
    const log: string[] = [];
    let active = 0;
    const task = (name: string) => async () => {
      active += 1;
      expect(active).toBe(1);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      active -= 1;
      return name;
    };
    const results = await Promise.all([queue.add(task('a')), queue.add(task('b')), queue.add(task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets a foreground task overtake waiting background work, never the one running', async () => {
    const queue = new TaskQueue();
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const background = [1, 2, 3].map((i) =>
      queue.add(
        async () => {
          order.push(`background ${i}`);
          if (i === 1) await held;
        },
        { background: true },
      ),
    );
    // Background 1 is running: a chart asked for now goes before backgrounds 2 and 3.
    const chart = queue.add(async () => {
      order.push('chart');
    });
    expect(order).toEqual(['background 1']);
    release();
    await Promise.all([...background, chart]);
    expect(order).toEqual(['background 1', 'chart', 'background 2', 'background 3']);
  });

  it('carries a failure to its caller and goes on with the next task', async () => {
    const queue = new TaskQueue();
    const failed = queue.add(async () => {
      throw new Error('bad SQL');
    });
    const next = queue.add(async () => 'still running');
    await expect(failed).rejects.toThrow('bad SQL');
    await expect(next).resolves.toBe('still running');
    expect(queue.waiting).toBe(0);
  });

  describe("background work after the user's statements", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('waits the grace period, so a statement asked just after the last one goes first', async () => {
      vi.useFakeTimers();
      const queue = new TaskQueue({ graceMs: 100 });
      const order: string[] = [];
      await queue.add(async () => {
        order.push('periods');
      });
      const background = queue.add(
        async () => {
          order.push('cohort');
        },
        { background: true },
      );
      await vi.advanceTimersByTimeAsync(60);
      expect(order).toEqual(['periods']);
      // The page's batch, asked once the periods are written.
      const batch = queue.add(async () => {
        order.push('batch');
      });
      await batch;
      await vi.advanceTimersByTimeAsync(99);
      expect(order).toEqual(['periods', 'batch']);
      await vi.advanceTimersByTimeAsync(1);
      await background;
      expect(order).toEqual(['periods', 'batch', 'cohort']);
      expect(queue.waiting).toBe(0);
    });

    it('starts at once when the user has asked nothing', async () => {
      vi.useFakeTimers();
      const queue = new TaskQueue({ graceMs: 100 });
      let ran = false;
      const background = queue.add(
        async () => {
          ran = true;
        },
        { background: true },
      );
      await vi.advanceTimersByTimeAsync(0);
      expect(ran).toBe(true);
      await background;
    });
  });
});

describe('background work that can be stopped', () => {
  /** A background statement: it runs until released, or fails at once when stopped (as DuckDB's cancel). */
  function stoppable(log: string[]) {
    let runs = 0;
    let release: () => void = () => {};
    let cancel: () => void = () => {};
    const task = () =>
      new Promise<string>((resolve, reject) => {
        runs += 1;
        const run = runs;
        log.push(`summary run ${run}`);
        release = () => resolve(`summary from run ${run}`);
        cancel = () => reject(new Error('Interrupted'));
      });
    return {
      task,
      stop: async () => cancel(),
      release: () => release(),
      get runs() {
        return runs;
      },
    };
  }

  it("is stopped when a user's task arrives, and run again from the start after it", async () => {
    const queue = new TaskQueue({ graceMs: 0 });
    const log: string[] = [];
    const summary = stoppable(log);
    const built = queue.add(summary.task, { background: true, stop: summary.stop });
    await tick();
    expect(log).toEqual(['summary run 1']);
    const chart = queue.add(async () => {
      log.push('chart');
      return 'drawn';
    });
    await expect(chart).resolves.toBe('drawn');
    await tick();
    expect(log).toEqual(['summary run 1', 'chart', 'summary run 2']);
    summary.release();
    // The caller sees only the run that finished.
    await expect(built).resolves.toBe('summary from run 2');
    expect(queue.stops).toBe(1);
    expect(queue.waiting).toBe(0);
  });

  it('keeps the result of a run that finished before the stop took effect', async () => {
    const queue = new TaskQueue({ graceMs: 0 });
    const log: string[] = [];
    const summary = stoppable(log);
    const built = queue.add(summary.task, {
      background: true,
      // DuckDB had already finished: the cancel finds nothing to stop.
      stop: async () => false,
    });
    await tick();
    const chart = queue.add(async () => {
      log.push('chart');
    });
    summary.release();
    await chart;
    await expect(built).resolves.toBe('summary from run 1');
    expect(log).toEqual(['summary run 1', 'chart']);
    expect(summary.runs).toBe(1);
    expect(queue.stops).toBe(0);
  });

  it('gives its caller the failure of a run that was not stopped', async () => {
    const queue = new TaskQueue({ graceMs: 0 });
    let runs = 0;
    let fail: () => void = () => {};
    const built = queue.add(
      () => {
        runs += 1;
        const run = runs;
        return new Promise<never>((_, reject) => {
          fail = () => reject(new Error(`bad SQL (run ${run})`));
        });
      },
      // Stopping does not end it: it fails by itself.
      { background: true, stop: async () => undefined },
    );
    await tick();
    const chart = queue.add(async () => 'drawn');
    fail();
    await expect(chart).resolves.toBe('drawn');
    await tick();
    // Stopped while failing anyway: run again, and that run's failure is reported.
    expect(runs).toBe(2);
    fail();
    await expect(built).rejects.toThrow('bad SQL (run 2)');
  });

  it("is never stopped for other background work, nor is a user's task ever stopped", async () => {
    const queue = new TaskQueue({ graceMs: 0 });
    let stopped = 0;
    const log: string[] = [];
    let releaseUser: () => void = () => {};
    const user = queue.add(
      () =>
        new Promise<void>((resolve) => {
          log.push('user');
          releaseUser = resolve;
        }),
    );
    const other = queue.add(async () => log.push('chart'));
    const summary = stoppable(log);
    const built = queue.add(summary.task, {
      background: true,
      stop: async () => {
        stopped += 1;
        await summary.stop();
      },
    });
    await tick();
    releaseUser();
    await Promise.all([user, other]);
    await tick();
    const more = queue.add(async () => log.push('more background'), { background: true });
    await tick();
    expect(stopped).toBe(0);
    summary.release();
    await built;
    await more;
    expect(log).toEqual(['user', 'chart', 'summary run 1', 'more background']);
  });
});
