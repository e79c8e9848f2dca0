import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { z } from 'zod';

const TARGETS_KEY = 'partnership-insight:targets';
const targetsSchema = z.record(z.string(), z.number().finite());

/** Targets per indicator id: the partnership's own, saved in this browser (they are not data). */
export type Targets = Record<string, number>;

function readTargets(): Targets {
  try {
    const parsed = targetsSchema.safeParse(JSON.parse(localStorage.getItem(TARGETS_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

interface TargetsValue {
  targets: Targets;
  setTarget(indicatorId: string, value: number | null): void;
  /** Every target at once (those of a board pack file the user chose to take). */
  replaceTargets(targets: Targets): void;
}

function save(targets: Targets) {
  try {
    localStorage.setItem(TARGETS_KEY, JSON.stringify(targets));
  } catch {
    // Storage blocked: targets last for this visit.
  }
}

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
