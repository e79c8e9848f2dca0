/**
 * A partnership's target for an indicator: one value, or a trajectory — a value per step, each in force
 * from its date until the next (a planned improvement over the year, as NHSRplotthedots' `trajectory`).
 * A period takes the step in force on its last day, so quarterly steps read the same on a monthly chart.
 * Framework-free: the charts, the words, the board pack and the file all take the target from here.
 */
import { z } from 'zod';
import { formatValue } from '../shared/format';
import type { Unit } from './indicator-definition';
import { formatLongDate, isIsoDate } from './periods';

export const MAX_TRAJECTORY_STEPS = 60;
const TARGET_RANGE = 1e9;

const targetValueSchema = z.number().finite().min(-TARGET_RANGE).max(TARGET_RANGE);

export const targetStepSchema = z
  .object({
    from: z.string().refine(isIsoDate, { message: 'is not a date (YYYY-MM-DD)' }),
    value: targetValueSchema,
  })
  .strict();

export const trajectorySchema = z
  .array(targetStepSchema)
  .min(1)
  .max(MAX_TRAJECTORY_STEPS)
  .refine((steps) => new Set(steps.map((s) => s.from)).size === steps.length, {
    message: 'has two steps from the same date',
  });

export const targetSpecSchema = z.union([targetValueSchema, trajectorySchema], {
  error: 'is neither a number nor a trajectory (steps of from and value)',
});

export type TargetStep = z.infer<typeof targetStepSchema>;
export type Trajectory = readonly TargetStep[];
/** One value, or a trajectory. */
export type TargetSpec = number | Trajectory;

export const isTrajectory = (spec: TargetSpec | null | undefined): spec is Trajectory => Array.isArray(spec);

/** The steps in date order (the order a trajectory is kept and written in). */
export const sortSteps = (steps: Trajectory): TargetStep[] => [...steps].sort((a, b) => a.from.localeCompare(b.from));

/** The target in force for a period ending on `periodEnd`: null before a trajectory's first step. */
export function targetAt(spec: TargetSpec | null | undefined, periodEnd: string): number | null {
  if (spec === null || spec === undefined) return null;
  if (!isTrajectory(spec)) return spec;
  return sortSteps(spec).findLast((step) => step.from <= periodEnd)?.value ?? null;
}

/** The target of each period (by its last day), or null with no target at all. */
export function targetLine(
  spec: TargetSpec | null | undefined,
  periodEnds: readonly string[],
): (number | null)[] | null {
  if (spec === null || spec === undefined) return null;
  return periodEnds.map((end) => targetAt(spec, end));
}

export function sameTarget(a: TargetSpec | null | undefined, b: TargetSpec | null | undefined): boolean {
  if (!isTrajectory(a) || !isTrajectory(b)) return a === b;
  const x = sortSteps(a);
  const y = sortSteps(b);
  return x.length === y.length && x.every((s, i) => s.from === y[i]?.from && s.value === y[i]?.value);
}

/** "80%", or "a trajectory: 70% from 1 April 2025, then 75% from 1 July 2025". */
export function describeTarget(spec: TargetSpec, unit: Unit): string {
  if (!isTrajectory(spec)) return formatValue(spec, unit);
  const steps = sortSteps(spec).map((s) => `${formatValue(s.value, unit)} from ${formatLongDate(s.from)}`);
  return `a trajectory: ${steps.join(', then ')}`;
}
