import { financialYearLabel, financialYearOf } from '../indicators/periods';
import type { ReviewEvent } from '../indicators/review-timeline';
import { BLUE, INK, MID_GREY, ORANGE, SECONDARY_INK, WHITE } from './palette';

/** One step of a review on the timeline. */
export type TimelineEvent = ReviewEvent;

export interface TimelineRow {
  id: string;
  events: TimelineEvent[];
}

const KIND_LABELS: Record<TimelineEvent['kind'], string> = {
  notified: 'Notification',
  rapid_review: 'Rapid review sent',
  local_review: 'Local review final report',
};
/** The marks' colours, shared with the key of the chart's image. */
export const TIMELINE_COLOURS = { onTime: BLUE, late: ORANGE, unjudged: SECONDARY_INK } as const;
const { onTime: ON_TIME, late: LATE, unjudged: UNJUDGED } = TIMELINE_COLOURS;

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function Marker({ x, y, event }: { x: number; y: number; event: TimelineEvent }) {
  const colour = event.onTime === null ? UNJUDGED : event.onTime ? ON_TIME : LATE;
  // Late steps are hollow as well as orange, so the difference never rests on colour alone.
  const fill = event.onTime === false ? WHITE : colour;
  const common = {
    fill,
    stroke: colour,
    strokeWidth: 2,
    'data-kind': event.kind,
    'data-on-time': String(event.onTime),
  };
  if (event.kind === 'notified') return <circle cx={x} cy={y} r={6} {...common} />;
  if (event.kind === 'rapid_review') return <rect x={x - 6} y={y - 6} width={12} height={12} {...common} />;
  return <path d={`M${x},${y - 8} L${x + 8},${y} L${x},${y + 8} L${x - 8},${y} Z`} {...common} />;
}

/**
 * The practice reviews on a time line: one row per review, a circle when the Panel was notified, a square
 * when the rapid review was sent, a diamond for a local review's final report; filled blue when on time,
 * hollow orange when late. Presentational; the table beside it carries the same facts in text.
 */
export function ReviewTimelineChart({ rows, from, to }: { rows: TimelineRow[]; from: string; to: string }) {
  const left = 110;
  const width = 1000;
  const rowHeight = 26;
  const top = 30;
  const height = top + rows.length * rowHeight + 10;
  const start = day(from);
  const end = Math.max(day(to), start + 1);
  const x = (iso: string) => left + ((day(iso) - start) / (end - start)) * (width - left - 20);
  const years: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) {
    const april = `${y}-04-01`;
    if (april >= from && april <= to) years.push(april);
  }
  // The financial year the range starts in is named at its left edge.
  const firstLabel = financialYearLabel(financialYearOf(from));
  const late = rows.flatMap((r) => r.events).filter((e) => e.onTime === false).length;
  return (
    <figure className="chart" data-testid="review-timeline-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`Timeline of ${rows.length} practice reviews: ${late} ${late === 1 ? 'step was' : 'steps were'} later than the standard. The table below lists every date.`}
      >
        {years[0] !== from && (
          <text x={left + 4} y={top - 14} fontSize={13} fill={INK}>
            {firstLabel}
          </text>
        )}
        {years.map((april) => (
          <g key={april}>
            <line x1={x(april)} x2={x(april)} y1={top - 8} y2={height - 6} stroke={MID_GREY} strokeDasharray="3 3" />
            <text x={x(april) + 4} y={top - 14} fontSize={13} fill={INK}>
              {financialYearLabel(financialYearOf(april))}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = top + i * rowHeight + rowHeight / 2;
          const dated = row.events.filter((e) => e.date >= from && e.date <= to);
          const xs = dated.map((e) => x(e.date));
          return (
            <g key={row.id} data-review={row.id} data-notified={row.events.find((e) => e.kind === 'notified')?.date}>
              <text x={left - 8} y={y + 4} fontSize={12} textAnchor="end" fill={INK}>
                {row.id}
              </text>
              {xs.length > 1 && (
                <line x1={Math.min(...xs)} x2={Math.max(...xs)} y1={y} y2={y} stroke={MID_GREY} strokeWidth={2} />
              )}
              {dated.map((event) => (
                <Marker key={event.kind} x={x(event.date)} y={y} event={event} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="spc-key">
        {(['notified', 'rapid_review', 'local_review'] as const).map((kind) => (
          <span key={kind} className="spc-key__item">
            <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" focusable="false">
              <Marker x={0} y={0} event={{ date: from, kind, onTime: true }} />
            </svg>
            {KIND_LABELS[kind]}
          </span>
        ))}
        <span className="spc-key__item">Filled blue: on time · hollow orange: late · grey: no standard</span>
      </figcaption>
    </figure>
  );
}
