import type { ComparisonPoint } from '../benchmarks/published-store';
import { formatUkDate } from '../indicators/periods';
import { ASSURANCE_LABELS, POINT_TYPE_LABELS } from '../indicators/spc';
import { SUPPRESSED } from '../indicators/suppression';
import { formatNumber, formatValue } from '../shared/format';
import type { IndicatorFigures, IndicatorOutcome } from './pack-figures';
import type { TableFigures } from './pack-tables';
import type { TimelineFigures } from './pack-views';
import { shownBasis, shownCount, shownValue } from './published-format';

/**
 * A table of a published document (the yearly report and the board pack as a web page or a Word
 * document): a caption, column headings, and rows each led by a row heading — what a screen reader
 * reads as `<th scope>` and Word as a header row. Cells are text as published (`c`, `x`, `z`).
 */
export interface ReportTable {
  caption: string;
  head: readonly string[];
  /** Columns holding numbers (right-aligned). */
  numeric: readonly boolean[];
  /** Each row: its heading, its cells, and the indicator it is, where it is one (a screen marks the row). */
  rows: readonly { header: string; cells: readonly string[]; id?: string }[];
  /** Which indicator the rows are periods of (the web page marks the table with it). */
  indicatorId?: string;
}

/** A period of an indicator: value, what it rests on, and the variation judged (none for a part period). */
export function indicatorTable(f: IndicatorFigures, caption: string): ReportTable {
  const { unit } = f.indicator;
  const hasBasis = f.points.some((p) => shownBasis(p, unit) !== null);
  // The partnership's target of each period (a trajectory's step), when it set one: never hidden.
  const target = f.spc.target?.line ?? null;
  const rows = f.points.map((p, i) => {
    const type = f.spc.points[i]?.type;
    const judged = !p.partial && !p.suppressed && p.value !== null && type;
    return {
      header: p.partial ? `${p.label} (part)` : p.label,
      cells: [
        shownValue(p, unit),
        ...(hasBasis ? [shownBasis(p, unit) ?? '–'] : []),
        ...(target ? [formatValue(target[i] ?? null, unit)] : []),
        judged ? POINT_TYPE_LABELS[type] : '–',
      ],
    };
  });
  return {
    caption,
    head: ['Period', 'Value', ...(hasBasis ? ['Out of'] : []), ...(target ? ['Target'] : []), 'Variation'],
    numeric: [false, true, ...(hasBasis ? [true] : []), ...(target ? [true] : []), false],
    rows,
    indicatorId: f.indicator.id,
  };
}

/** The headline indicators at their latest complete period, as the board summary shows them. */
export function summaryTable(outcomes: readonly IndicatorOutcome[], caption: string): ReportTable {
  const rows = outcomes.map((o) => {
    const header = `${o.indicator.id} ${o.indicator.title}`;
    if (o.status !== 'ok')
      return { header, cells: ['–', '–', '–', `Not loaded: needs ${o.missingDatasets.join(', ')}`] };
    const latest = o.points[o.latestIndex];
    const basis = shownBasis(latest, o.indicator.unit);
    const hidden = latest?.suppressed ?? false;
    // The judgement in words: the variation and assurance where they can be judged, then the trend.
    const judged = hidden
      ? []
      : [o.spc.variation && POINT_TYPE_LABELS[o.spc.variation], o.spc.assurance && ASSURANCE_LABELS[o.spc.assurance]];
    const words = [...judged.filter(Boolean), o.trend].join('. ');
    return {
      header,
      id: o.indicator.id,
      cells: [
        latest?.label ?? '–',
        `${shownValue(latest, o.indicator.unit)}${basis ? ` (${basis})` : ''}`,
        o.target === null ? '–' : formatValue(o.target, o.indicator.unit),
        words,
      ],
    };
  });
  return {
    caption,
    head: ['Indicator', 'Latest period', 'Value', 'Target', 'Variation and assurance'],
    numeric: [false, false, true, true, false],
    rows,
  };
}

/** A section's indicators: the year against the year before, with the judgement in words. */
export function yearTable(outcomes: readonly IndicatorOutcome[], caption: string): ReportTable {
  const rows = outcomes.flatMap((f) => {
    if (f.status !== 'ok') return [];
    const latest = f.points[f.latestIndex];
    const basis = shownBasis(latest, f.indicator.unit);
    return [
      {
        header: `${f.indicator.id} ${f.indicator.title}`,
        id: f.indicator.id,
        cells: [
          latest?.label ?? '–',
          `${shownValue(latest, f.indicator.unit)}${basis ? ` (${basis})` : ''}`,
          shownValue(f.points[f.latestIndex - 1], f.indicator.unit),
          f.yearOnYear,
        ],
      },
    ];
  });
  return {
    caption,
    head: ['Indicator', 'Year', 'Value', 'Year before', 'In words'],
    numeric: [false, false, true, true, false],
    rows,
  };
}

/** A view's counts (or shares), `c` where hidden, with each row's total where the view shows one. */
export function viewTable(table: TableFigures): ReportTable {
  const cell = (r: number, c: number) => {
    const x = table.cells[r]?.[c];
    if (!x || (x.n === null && !x.hidden)) return '–';
    if (x.hidden) return SUPPRESSED;
    return table.shares ? `${formatNumber(x.n)} of ${formatNumber(x.total)}` : formatNumber(x.n);
  };
  return {
    caption: `${table.title}: ${table.coverage}`,
    head: [table.rowLabel, ...table.columns.map((c) => c.label), ...(table.totals ? ['Total'] : [])],
    numeric: [false, ...table.columns.map(() => true), ...(table.totals ? [true] : [])],
    rows: table.rows.map((row, r) => ({
      header: row.label,
      cells: [
        ...table.columns.map((_, c) => cell(r, c)),
        ...(table.totals ? [shownCount(table.totals[r]?.value ?? null, table.totals[r]?.hidden ?? false)] : []),
      ],
    })),
  };
}

const STEP_WORDS = {
  notified: 'Notification',
  rapid_review: 'Rapid review sent',
  local_review: 'Local review final report',
};

/** Each review's steps with their dates and whether they were on time ("Review 1": no case reference). */
export function timelineTable(timeline: TimelineFigures, caption: string): ReportTable {
  const timing = (onTime: boolean | null) => (onTime === null ? 'no standard' : onTime ? 'on time' : 'late');
  return {
    caption,
    head: ['Review', 'Steps, with their dates'],
    numeric: [false, false],
    rows: timeline.rows.map((row) => ({
      header: row.label,
      cells: [
        row.events.map((e) => `${STEP_WORDS[e.kind]} ${formatUkDate(e.date)} (${timing(e.onTime)})`).join('; ') || '–',
      ],
    })),
  };
}

/** A published comparison, year by year: ours (or the marker published), neighbours, region, England. */
export function comparisonTable(
  points: readonly ComparisonPoint[],
  name: string,
  caption: string,
  format: (value: number | null) => string,
): ReportTable {
  return {
    caption,
    head: ['Year', name, 'Statistical neighbours (average)', 'Region', 'England', 'Rank'],
    numeric: [false, true, true, true, true, true],
    rows: points.map((p) => ({
      header: p.timePeriod,
      cells: [
        p.laMarker !== null ? p.laMarker || 'x' : format(p.laValue),
        p.neighbourAverage === null ? 'x' : `${format(p.neighbourAverage)} (of ${p.neighbourCount})`,
        format(p.regionValue),
        format(p.englandValue),
        p.rank === null || p.rankOf === null ? '–' : `${p.rank} of ${p.rankOf}`,
      ],
    })),
  };
}
