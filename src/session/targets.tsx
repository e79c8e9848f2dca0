import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { z } from 'zod';
import { safeRecord } from '../shared/safe-record';
import { readStored, schemaCheck, useStoredReset, writeStored } from './stored';

export const TARGETS_KEY = 'partnership-insight:targets';
const targetsSchema = safeRecord(z.string().max(20), z.number().finite());

/** Targets per indicator id: the partnership's own, saved in this browser (they are not data). */
export type Targets = Record<string, number>;

/** Read back as completely as a file is: a damaged entry is set aside, with a notice (stored.ts). */
const readTargets = (): Targets => readStored(TARGETS_KEY, schemaCheck(targetsSchema), () => ({}));

interface TargetsValue {
  targets: Targets;
  setTarget(indicatorId: string, value: number | null): void;
  /** Every target at once (those of a board pack file the user chose to take). */
  replaceTargets(targets: Targets): void;
}

const save = (targets: Targets) => writeStored(TARGETS_KEY, targets);

const TargetsContext = createContext<TargetsValue | null>(null);

export function TargetsProvider({ children }: { children: ReactNode }) {
  const [targets, setTargets] = useState<Targets>(readTargets);
  const setTarget = useCallback((indicatorId: string, value: number | null) => {
    setTargets((current) => {
      const next = { ...current };
      if (value === null || !Number.isFinite(value)) delete next[indicatorId];
      else next[indicatorId] = value;
      save(next);
      return next;
    });
  }, []);
  useStoredReset(TARGETS_KEY, () => setTargets({}));
  const replaceTargets = useCallback((next: Targets) => {
    setTargets(next);
    save(next);
  }, []);
  const value = useMemo(() => ({ targets, setTarget, replaceTargets }), [targets, setTarget, replaceTargets]);
  return <TargetsContext.Provider value={value}>{children}</TargetsContext.Provider>;
}

export function useTargets(): TargetsValue {
  const value = useContext(TargetsContext);
  if (!value) throw new Error('useTargets must be used inside TargetsProvider');
  return value;
}
