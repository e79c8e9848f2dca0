import { z } from 'zod';

/**
 * How the dates of one column are read. Day/month/year is the rule (UK). A column in which some dates
 * can only be month/day (02/13/2024) is read as "unsure" until the user says which it is: its dates
 * that could be either (03/04/2024) are then rejected rather than guessed. The user's answer is
 * remembered per file header, like a column mapping.
 */
export type DateOrder = 'dmy' | 'mdy' | 'unsure';

/** What the user can choose for a column (unsure is never a choice). */
export const chosenDateOrderSchema = z.enum(['dmy', 'mdy']);
export type ChosenDateOrder = z.infer<typeof chosenDateOrderSchema>;

/** Choices per header signature (see headerSignature), then per field. */
export type DateOrders = Record<string, Record<string, ChosenDateOrder>>;

/** The SQL macros (schema-sql.ts) that read a date and explain a rejected one, per order. */
export const DATE_ORDER_MACROS: Readonly<Record<DateOrder, { read: string; problem: string }>> = {
  dmy: { read: 'pi_date', problem: 'pi_date_problem' },
  mdy: { read: 'pi_date_mdy', problem: 'pi_date_problem_mdy' },
  unsure: { read: 'pi_date_unsure', problem: 'pi_date_problem_unsure' },
};

/** A date column that is, or looks, month/day in one file: what the load report offers to change. */
export interface DateColumnReport {
  field: string;
  /** How the column was read this time. */
  order: DateOrder;
  /** Values that can only be month/day (second number over 12), with the first of them. */
  monthDayCount: number;
  example: { line: number; value: string } | null;
  /**
   * Values that can only be day/month (first number over 12), with the first of them: the evidence for
   * the other reading, so the question can weigh the two.
   */
  dayMonthCount: number;
  dayMonthExample: { line: number; value: string } | null;
  /** Values that could be either, not loaded while the column is unsure. */
  ambiguousCount: number;
}
