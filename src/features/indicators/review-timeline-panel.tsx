import { useQuery } from '@tanstack/react-query';
import { ReviewTimelineChart } from '../../charts/review-timeline-chart';
import { RAPID_REVIEW_DECISION_LABELS } from '../../datasets/reviews';
import { formatUkDate } from '../../indicators/periods';
import type { PreparedState } from '../../indicators/prepare-indicators';
import { reviewEvents, reviewTimeline } from '../../indicators/review-timeline';
import { useEngine } from '../../session/app-data';
import { ownValue } from '../../shared/own';

function Timeliness({ days, onTime, standard }: { days: number | null; onTime: boolean | null; standard: number }) {
  if (days === null || onTime === null) return <span>–</span>;
  return (
    <span className={`status-tag status-tag--${onTime ? 'good' : 'bad'}`}>
      {days} working days: {onTime ? 'on time' : `late (standard ${standard})`}
    </span>
  );
}

const date = (iso: string | null) => (iso ? formatUkDate(iso) : '–');

/** The practice reviews in the period, in order: notification, rapid review, decision, local review. */
export function ReviewTimelinePanel({ prepared, from, to }: { prepared: PreparedState; from: string; to: string }) {
  const getEngine = useEngine();
  const result = useQuery({
    queryKey: ['review-timeline', from, to, prepared],
    queryFn: async () => reviewTimeline(await getEngine(), prepared, from, to),
  });
  const rows = result.data ?? [];
  const { prNotificationWorkingDays, prRapidReviewWorkingDays, prLcsprMonths } = prepared.settings;
  return (
    <article
      className="indicator-card indicator-card--wide"
      data-testid="review-timeline"
      aria-labelledby="review-timeline-heading"
    >
      <h3 className="heading-m" id="review-timeline-heading">
        Timeline of notifications, rapid reviews and local reviews
      </h3>
      <p className="hint">
        Every serious incident notified from {formatUkDate(from)} to {formatUkDate(to)}, in date order, with the working
        days each step took against the standards ({prNotificationWorkingDays} working days to notify,{' '}
        {prRapidReviewWorkingDays} for the rapid review).
      </p>
      {result.isPending && <p role="status">Calculating…</p>}
      {result.isSuccess && rows.length === 0 && <p className="inset-text">No reviews in these periods.</p>}
      {rows.length > 0 && (
        <ReviewTimelineChart
          from={from}
          to={to}
          rows={rows.map((r) => ({
            id: r.reviewId,
            events: reviewEvents(r),
          }))}
        />
      )}
      {rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
        <section className="table-scroll" tabIndex={0} aria-label="Practice reviews in date order (table)">
          <table className="table table--compact">
            <caption className="visually-hidden">Practice reviews in date order</caption>
            <thead>
              <tr>
                <th scope="col">Review</th>
                <th scope="col">Notified</th>
                <th scope="col">Notification</th>
                <th scope="col">Rapid review sent</th>
                <th scope="col">Rapid review</th>
                <th scope="col">Decision</th>
                <th scope="col">Local review final report</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.reviewId}>
                  <th scope="row">{r.reviewId}</th>
                  <td>{date(r.notified)}</td>
                  <td>
                    <Timeliness
                      days={r.notificationWorkingDays}
                      onTime={r.notificationOnTime}
                      standard={prNotificationWorkingDays}
                    />
                  </td>
                  <td>{date(r.rapidReviewSent)}</td>
                  <td>
                    <Timeliness
                      days={r.rapidReviewWorkingDays}
                      onTime={r.rapidReviewOnTime}
                      standard={prRapidReviewWorkingDays}
                    />
                  </td>
                  <td>{r.decision ? (ownValue(RAPID_REVIEW_DECISION_LABELS, r.decision) ?? r.decision) : 'Awaited'}</td>
                  <td>
                    {date(r.lcsprFinal)}
                    {r.lcsprOnTime === false
                      ? ` (after ${prLcsprMonths} months)`
                      : r.lcsprOnTime
                        ? ` (within ${prLcsprMonths} months)`
                        : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}
