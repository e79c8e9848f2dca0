// TEMPORARY STUB until the load history lands
import type { KeptHistoryPort } from './kept-data';
export function keptHistoryPort(): KeptHistoryPort {
  return { record() {}, toJSON: () => [], restore() {}, subscribe: () => () => undefined };
}
