import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { z } from 'zod';
import { type TargetSpec, targetSpecSchema } from '../indicators/trajectory';
import { safeRecord } from '../shared/safe-record';
import { readStored, schemaCheck, useStoredReset, writeStored } from './stored';

export const TARGETS_KEY = 'partnership-insight:targets';
const targetsSchema = safeRecord(z.string().max(20), targetSpecSchema);

/**
 * Targets per indicator id (one value or a trajectory): the partnership's own, saved in this browser
 * (they are not data).
 */
export type Targets = Record<string, TargetSpec>;

/** Read back as completely as a file is: a damaged entry is set aside, with a notice (stored.ts). */
const readTargets = (): Targets => readStored(TARGETS_KEY, schemaCheck(targetsSchema), () => ({}));

interface TargetsValue {
  targets: Targets;
  setTarget(indicatorId: string, value: TargetSpec | null): void;
  /** Every target at once (those of a board pack file the user chose to take). */
  replaceTargets(targets: Targets): void;
}

const save = (targets: Targets) => writeStored(TARGETS_KEY, targets);

const TargetsContext = createContext<TargetsValue | null>(null);

export function TargetsProvider({ children }: { children: ReactNode }) {
  const [targets, setTargets] = useState<Targets>(readTargets);
  const setTarget = useCallback((indicatorId: string, value: TargetSpec | null) => {
    setTargets((current) => {
      const next = { ...current };
      if (value === null || (typeof value === 'number' && !Number.isFinite(value))) delete next[indicatorId];
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
