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
