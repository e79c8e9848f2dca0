import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { z } from 'zod';
import { type BoardPack, defaultPack, packSchema } from '../board/pack-model';
import { safeRecord } from '../shared/safe-record';
import { tabHistory } from './load-history';
import { readStored, schemaCheck, useStoredReset, writeStored } from './stored';

const PACK_KEY = 'partnership-insight:board-pack';
const EVIDENCE_KEY = 'partnership-insight:yearly-report';
const REVIEW_COUNTS_KEY = 'partnership-insight:review-counts-shown';
const evidenceSchema = safeRecord(z.string().max(40), z.string().max(8000));

const read = <T,>(key: string, schema: z.ZodType<T, unknown>, fallback: () => T) =>
  readStored(key, schemaCheck(schema), fallback);

interface BoardPackValue {
  pack: BoardPack;
  setPack(pack: BoardPack): void;
  /** Small numbers hidden in the summary, the slides and every export: on until switched off, every visit. */
  suppress: boolean;
  setSuppress(on: boolean): void;
  /**
   * Serious incident and rapid review counts shown as they are in the yearly report, as the partnership
   * has agreed (most yearly reports publish them). Off by default; kept in this browser once chosen.
   */
  reviewCountsShown: boolean;
  setReviewCountsShown(on: boolean): void;
  /** The yearly report's own words (evidence of impact), by `<year>:<section>`. */
  evidence: Readonly<Record<string, string>>;
  setEvidence(key: string, text: string): void;
}

const BoardPackContext = createContext<BoardPackValue | null>(null);

/**
 * The board pack and the yearly report's words, saved in this browser (choices and words, never data).
 * Read back as completely as a pack file is (stored.ts): a damaged entry is set aside, with a notice.
 */
export const BOARD_PACK_KEYS = { pack: PACK_KEY, evidence: EVIDENCE_KEY, reviewCounts: REVIEW_COUNTS_KEY } as const;

export function BoardPackProvider({ children }: { children: ReactNode }) {
  const [pack, setPackState] = useState<BoardPack>(() => read(PACK_KEY, packSchema, defaultPack));
  const [suppress, setSuppressState] = useState(true);
  // Recorded in the load history: what a pack shows depends on it.
  const setSuppress = useCallback((on: boolean) => {
    setSuppressState(on);
    tabHistory.record({
      action: 'suppression',
      summary: on
        ? 'Suppression of small numbers (1 to 5) switched on for the pack and every export'
        : 'Suppression of small numbers switched off: counts of 1 to 5 shown, for internal use only',
    });
  }, []);
  const [reviewCountsShown, setReviewCountsState] = useState<boolean>(() =>
    read(REVIEW_COUNTS_KEY, z.boolean(), () => false),
  );
  const setReviewCountsShown = useCallback((on: boolean) => {
    setReviewCountsState(on);
    writeStored(REVIEW_COUNTS_KEY, on);
    tabHistory.record({
      action: 'suppression',
      summary: on
        ? 'Practice review counts shown as they are in the yearly report, as agreed by the partners'
        : 'Practice review counts suppressed again in the yearly report',
    });
  }, []);
  const [evidence, setEvidenceState] = useState<Record<string, string>>(() =>
    read(EVIDENCE_KEY, evidenceSchema, () => ({})),
  );
  const setPack = useCallback((next: BoardPack) => {
    const checked = packSchema.parse(next);
    setPackState(checked);
    writeStored(PACK_KEY, checked);
  }, []);
  useStoredReset(PACK_KEY, () => setPackState(defaultPack()));
  useStoredReset(EVIDENCE_KEY, () => setEvidenceState({}));
  useStoredReset(REVIEW_COUNTS_KEY, () => setReviewCountsState(false));
  const setEvidence = useCallback((key: string, text: string) => {
    setEvidenceState((current) => {
      const next = { ...current, [key]: text };
      writeStored(EVIDENCE_KEY, next);
      return next;
    });
  }, []);
  const value = useMemo(
    () => ({ pack, setPack, suppress, setSuppress, reviewCountsShown, setReviewCountsShown, evidence, setEvidence }),
    [pack, setPack, suppress, setSuppress, reviewCountsShown, setReviewCountsShown, evidence, setEvidence],
  );
  return <BoardPackContext.Provider value={value}>{children}</BoardPackContext.Provider>;
}

export function useBoardPack(): BoardPackValue {
  const value = useContext(BoardPackContext);
  if (!value) throw new Error('useBoardPack must be used inside BoardPackProvider');
  return value;
}
