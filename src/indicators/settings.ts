import { z } from 'zod';
import { isIsoDate } from './periods';

const isoDate = z.string().refine(isIsoDate, 'a date written YYYY-MM-DD');

/**
 * Local standards the indicators measure against. Each default is the common practice named in
 * domain.md §5; where that is marked [K] (known locally, not verified in statute) it is a setting so a
 * partnership can change it, and the Definitions page shows the value in use.
 */
export const indicatorSettingsSchema = z.object({
  /** Report date (YYYY-MM-DD). Empty: the latest event date in each area's data. */
  reportDate: isoDate.nullable().default(null),
  /** EH7: working days from request to assessment start within which a start is "on time". */
  ehStartStandardWorkingDays: z.number().int().min(1).max(200).default(20),
  /** EH6: a new episode starting within this many days of a closure counts as a re-referral. */
  ehReReferralDays: z.number().int().min(1).max(1000).default(365),
  /** TR4: coverage counts distinct people trained in this many months up to the period end. */
  trCoverageMonths: z.number().int().min(1).max(120).default(36),
  /** TR6: a follow-up response counts when it came at least this many days after the course. */
  trFollowUpMinDays: z.number().int().min(0).max(365).default(42),
  /** TR6: only courses at least this many days old at the report date are counted. */
  trFollowUpEventAgeDays: z.number().int().min(0).max(730).default(90),
  /** PR2: working days from the LA becoming aware to the notification (Children Act 2004 s16C: 5). */
  prNotificationWorkingDays: z.number().int().min(1).max(60).default(5),
  /** PR3: working days from notification to the rapid review being sent (the Panel's guidance: 15). */
  prRapidReviewWorkingDays: z.number().int().min(1).max(120).default(15),
  /** PR5: calendar months from the LCSPR decision to the final report ([K] Working Together 2018: 6). */
  prLcsprMonths: z.number().int().min(1).max(36).default(6),
  /** CP1: a referral of the same child this many days after a contact (or on its day) is the contact's. */
  cpContactReferralDays: z.number().int().min(0).max(90).default(7),
  /** CP11: working days within which a child on a plan is visited (local standard; 10 is common). */
  cpVisitStandardWorkingDays: z.number().int().min(1).max(60).default(10),
  /** CP14: a plan starting within this many days of the child's early help ending is a step from it. */
  cpStepFromEarlyHelpDays: z.number().int().min(0).max(730).default(90),
  /** Local closure days (YYYY-MM-DD) that are not working days, in addition to bank holidays. */
  closureDays: z.array(isoDate).default([]),
});

export type IndicatorSettings = z.infer<typeof indicatorSettingsSchema>;

export const DEFAULT_SETTINGS: IndicatorSettings = indicatorSettingsSchema.parse({});

/** Plain-English description of each setting, for the Definitions page and docs/indicators.md. */
export const SETTING_DESCRIPTIONS: Record<keyof IndicatorSettings, string> = {
  reportDate:
    'The date the figures are “as at”. Open episodes and overdue actions are counted on this date, and a period after it is not shown. By default the latest event date in each area’s data.',
  ehStartStandardWorkingDays:
    'EH7b: an early help assessment started within this many working days of the request is on time (local standard; 20 is common).',
  ehReReferralDays: 'EH6: a new early help episode starting within this many days of a closure is a re-referral.',
  trCoverageMonths:
    'TR4: people trained within this many months count towards coverage (36 matches the usual three-year refresher cycle).',
  trFollowUpMinDays:
    'TR6: a follow-up evaluation counts when it came at least this many days after the course (6–8 weeks is common).',
  trFollowUpEventAgeDays: 'TR6: only courses held at least this many days before the report date are counted.',
  prNotificationWorkingDays:
    'PR2: a serious incident notification is on time within this many working days of the local authority becoming aware (5: Children Act 2004, section 16C).',
  prRapidReviewWorkingDays:
    'PR3: a rapid review is on time when sent within this many working days of the notification (15: the Child Safeguarding Practice Review Panel’s guidance).',
  prLcsprMonths:
    'PR5: a local child safeguarding practice review is on time when the final report comes within this many months of the decision to hold it. The safeguarding partners set this; 6 months was Working Together 2018’s expectation.',
  cpContactReferralDays:
    'CP1: a contact leads to a referral when the same child is referred on the day of the contact or within this many days after it (7 by default; a local choice).',
  cpVisitStandardWorkingDays:
    'CP11: a child on a child protection plan is visited on time when the last statutory visit was within this many working days (local standard; 10 working days is common).',
  cpStepFromEarlyHelpDays:
    'CP14: a child protection plan starting while the child’s early help is open, or within this many days after it ended, is a step from early help (90 by default; a local choice).',
  closureDays:
    'Local closure days that are not working days (for example the days between Christmas and New Year), on top of England and Wales bank holidays.',
};
