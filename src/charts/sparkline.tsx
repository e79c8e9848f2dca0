import { BLUE } from './palette';

/** A small trend line (no axes) for a scorecard; its label says what it shows. Nulls break the line. */
export function Sparkline({
  values,
  label,
  width = 160,
  height = 36,
}: {
  values: (number | null)[];
  label: string;
  width?: number;
  height?: number;
}) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return null;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const x = (i: number) => (values.length === 1 ? width / 2 : 2 + (i * (width - 4)) / (values.length - 1));
  const y = (v: number) => (max === min ? height / 2 : 2 + ((max - v) * (height - 4)) / (max - min));
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    pen = true;
  });
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  const last = values[lastIndex] as number;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <path d={d.trim()} fill="none" stroke={BLUE} strokeWidth={2} />
      <circle cx={x(lastIndex)} cy={y(last)} r={3} fill={BLUE} />
    </svg>
  );
}
