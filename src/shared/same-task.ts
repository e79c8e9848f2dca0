/**
 * Gathers what is asked for during one task — the cards of a page asking at once, the areas of the
 * Overview — and hands it over together, once, in the next task: callers need not know of each other.
 */
export function gatherPerTask<T>(handOver: (items: T[]) => void): (item: T) => void {
  let waiting: T[] = [];
  return (item) => {
    if (waiting.length === 0) {
      setTimeout(() => {
        const items = waiting;
        waiting = [];
        handOver(items);
      }, 0);
    }
    waiting.push(item);
  };
}
