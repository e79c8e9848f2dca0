import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { PreparedState } from './prepare-indicators';

/** One practice review on the timeline: its dates and how many working days each step took. */
export interface ReviewTimelineRow {
  reviewId: string;
  laAware: string | null;
  notified: string | null;
  notificationWorkingDays: number | null;
  notificationOnTime: boolean | null;
  rapidReviewSent: string | null;
  rapidReviewWorkingDays: number | null;
  rapidReviewOnTime: boolean | null;
  decision: string | null;
  lcsprFinal: string | null;
  lcsprOnTime: boolean | null;
  published: string | null;
  publicationStatus: string | null;
}

/** One step of a review, for the timeline: when, which, and whether on time (null: no standard). */
export interface ReviewEvent {
  date: string;
  kind: 'notified' | 'rapid_review' | 'local_review';
  onTime: boolean | null;
}

/** A review's steps that happened, in order: notification, rapid review, local review's final report. */
export function reviewEvents(r: ReviewTimelineRow): ReviewEvent[] {
  return [
    r.notified ? [{ date: r.notified, kind: 'notified' as const, onTime: r.notificationOnTime }] : [],
    r.rapidReviewSent ? [{ date: r.rapidReviewSent, kind: 'rapid_review' as const, onTime: r.rapidReviewOnTime }] : [],
    r.lcsprFinal ? [{ date: r.lcsprFinal, kind: 'local_review' as const, onTime: r.lcsprOnTime }] : [],
  ].flat();
}

const row = z.object({
  review_id: z.string(),
  la_aware: z.string().nullable(),
  notified: z.string().nullable(),
  nwd: z.number().nullable(),
  n_on_time: z.boolean().nullable(),
  rr_sent: z.string().nullable(),
  rwd: z.number().nullable(),
  r_on_time: z.boolean().nullable(),
  decision: z.string().nullable(),
  lcspr_final: z.string().nullable(),
  lcspr_on_time: z.boolean().nullable(),
  published: z.string().nullable(),
  publication_status: z.string().nullable(),
});

const iso = (column: string) => `strftime(${column}, '%Y-%m-%d')`;

/**
 * Every practice review notified (or, without a notification date, made aware) between two dates, in
 * date order, with timeliness against the local standards (settings PR2, PR3, PR5).
 */
export async function reviewTimeline(
  engine: Engine,
  prepared: PreparedState,
  from: string,
  to: string,
): Promise<ReviewTimelineRow[]> {
  if (!prepared.datasetRows.practice_reviews) return [];
  const rows = await engine.query(
    `SELECT review_id, ${iso('la_aware_date')} AS la_aware, ${iso('notification_date')} AS notified,
       notification_working_days::DOUBLE AS nwd,
       notification_working_days <= (SELECT pr_notification_working_days FROM pi_settings) AS n_on_time,
       ${iso('rapid_review_sent_date')} AS rr_sent, rapid_review_working_days::DOUBLE AS rwd,
       rapid_review_working_days <= (SELECT pr_rapid_review_working_days FROM pi_settings) AS r_on_time,
       rr_decision AS decision, ${iso('lcspr_report_final_date')} AS lcspr_final, lcspr_on_time,
       ${iso('publication_date')} AS published, publication_status
     FROM pi_pr_reviews
     WHERE coalesce(notification_date, la_aware_date) BETWEEN ?::DATE AND ?::DATE
     ORDER BY coalesce(notification_date, la_aware_date), review_id`,
    [from, to],
    row,
  );
  return rows.map((r) => ({
    reviewId: r.review_id,
    laAware: r.la_aware,
    notified: r.notified,
    notificationWorkingDays: r.nwd,
    notificationOnTime: r.n_on_time,
    rapidReviewSent: r.rr_sent,
    rapidReviewWorkingDays: r.rwd,
    rapidReviewOnTime: r.r_on_time,
    decision: r.decision,
    lcsprFinal: r.lcspr_final,
    lcsprOnTime: r.lcspr_on_time,
    published: r.published,
    publicationStatus: r.publication_status,
  }));
}
