import { describe, expect, it } from 'vitest';
import { gatherPerTask } from './same-task';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('gatherPerTask', () => {
  it('hands over what one task asked for together, and what a later task asks for apart', async () => {
    const handed: number[][] = [];
    const ask = gatherPerTask<number>((items) => handed.push(items));
    ask(1);
    ask(2);
    await Promise.resolve();
    ask(3); // still the same task's microtasks
    expect(handed).toEqual([]);
    await nextTask();
    expect(handed).toEqual([[1, 2, 3]]);
    ask(4);
    await nextTask();
    expect(handed).toEqual([[1, 2, 3], [4]]);
  });
});
