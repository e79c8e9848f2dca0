import type { ReactElement } from 'react';
import type { PointType } from '../indicators/spc';
import { CENTRE_LINE, FILLING, INK, MID_GREY, SECONDARY_INK, TARGET, WHITE } from './palette';

/**
 * The marks of an SPC chart, drawn the same in the chart and in its key (so an exported image's key,
 * read from the key's own SVG, matches the chart). Never colour alone: a special-cause point differs by
 * shape too — improvement a triangle, concern a square, a change with no direction of good a diamond,
 * common cause a small disc, a period still running a hollow disc.
 */
export type MarkKind = PointType | 'partial' | 'none';

export function PointMark({
  kind,
  cx,
  cy,
  colour,
}: {
  kind: MarkKind;
  cx: number;
  cy: number;
  colour: string;
}): ReactElement {
  const data = { 'data-point-type': kind === 'partial' ? 'none' : kind };
  switch (kind) {
    case 'partial':
      return <circle cx={cx} cy={cy} r={5} fill={WHITE} stroke={colour} strokeWidth={2} {...data} />;
    case 'special_cause_improvement':
      return <path d={`M${cx},${cy - 7} L${cx + 7},${cy + 5} L${cx - 7},${cy + 5} Z`} fill={colour} {...data} />;
    case 'special_cause_concern':
      return <rect x={cx - 5.5} y={cy - 5.5} width={11} height={11} fill={colour} {...data} />;
    case 'special_cause_neutral_high':
    case 'special_cause_neutral_low':
      return (
        <path d={`M${cx},${cy - 7} L${cx + 7},${cy} L${cx},${cy + 7} L${cx - 7},${cy} Z`} fill={colour} {...data} />
      );
    default:
      return <circle cx={cx} cy={cy} r={3.5} fill={colour} {...data} />;
  }
}

const LINES = {
  value: { stroke: INK, width: 3, dash: undefined },
  mean: { stroke: CENTRE_LINE, width: 2, dash: undefined },
  limit: { stroke: SECONDARY_INK, width: 2, dash: '5 3' },
  target: { stroke: TARGET, width: 2.5, dash: '2 3' },
} as const;

/** A key's swatch, 18 px square: a point's mark, a line as the chart draws it, a change or a filling band. */
export function Swatch({
  mark,
  line,
  colour = MID_GREY,
}: {
  mark?: MarkKind;
  line?: keyof typeof LINES | 'change' | 'filling' | 'event';
  colour?: string;
}) {
  let drawn: ReactElement | null = null;
  if (mark) drawn = <PointMark kind={mark} cx={9} cy={9} colour={colour} />;
  else if (line === 'change') drawn = <rect x={7.5} y={1} width={3} height={16} fill={INK} />;
  else if (line === 'event')
    drawn = (
      <>
        <line x1={9} y1={0} x2={9} y2={18} stroke={INK} strokeWidth={2} strokeDasharray="1 3" />
        <path d="M9,3 l6,6 l-6,6 l-6,-6 Z" fill={INK} />
      </>
    );
  else if (line === 'filling') drawn = <rect x={0.5} y={2.5} width={17} height={13} fill={FILLING} stroke="#b1b4b6" />;
  else if (line) {
    const l = LINES[line];
    drawn = <line x1={0} y1={9} x2={18} y2={9} stroke={l.stroke} strokeWidth={l.width} strokeDasharray={l.dash} />;
  }
  return (
    <svg className="spc-key__swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      {drawn}
    </svg>
  );
}
