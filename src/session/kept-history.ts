import type { KeptHistoryPort } from './kept-data';
import { LoadHistory, tabHistory } from './load-history';

/**
 * The load history as the keeper needs it: its entries kept with the data, and taken back in on
 * unlock (merged with what this tab recorded meanwhile, nothing dropped).
 */
export function keptHistoryPort(history: LoadHistory = tabHistory): KeptHistoryPort {
  return {
    record: (action, summary) => void history.record({ action, summary }),
    toJSON: () => history.toJSON(),
    restore(json) {
      try {
        history.takeKept(LoadHistory.fromJSON(json));
      } catch (error) {
        // The data itself came back: a history that cannot be read is said, never a reason to refuse it.
        history.record({
          action: 'restore',
          summary: `The kept load history could not be read (${error instanceof Error ? error.message : String(error)}); it starts again here.`,
        });
      }
    },
    forget: () => history.forget(),
    subscribe: history.subscribe,
  };
}
