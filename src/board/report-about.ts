import { SUPPRESSED } from '../indicators/suppression';
import type { CsvValue } from '../shared/csv';
import { indicatorCsvRows } from './indicator-csv';
import type { IndicatorFigures } from './pack-figures';
import type { ReportBlock, ReportSection } from './report-model';

/** The heading that closes every published document (`_`: no pack item's key starts so). */
export const ABOUT_KEY = '_about';

function suppressionWords(suppressed: boolean, reviewCountsShown: boolean): string {
  if (!suppressed) {
    return 'NOT FOR PUBLICATION. Small numbers are not suppressed in this copy: it shows counts of 1 to 5 about children and families, and is for use inside the partnership only.';
  }
  const reviews = reviewCountsShown
    ? ' As the safeguarding partners agreed, the practice review numbers (serious incident notifications, rapid reviews, local reviews, and how many were on time) are shown as they are, small or not.'
    : '';
  return `${SUPPRESSED} means a figure is not shown: a count of 1 to 5 about children and families, or a figure that would let one be worked out from the others, as in the Department for Education’s published statistics. A rate resting on such a count is not shown either; a 0 is a true zero.${reviews}`;
}

/**
 * "About these figures": what each measure is, how small numbers are protected, where the figures come
 * from and the date they are as at, and the figures themselves as CSV — what GOV.UK asks of statistics.
 */
export function aboutSection(about: {
  indicators: readonly IndicatorFigures[];
  suppressed: boolean;
  reviewCountsShown: boolean;
  asAt: string;
  sources: readonly string[];
}): ReportSection {
  const blocks: ReportBlock[] = [
    { kind: 'words', heading: 'Small numbers', text: suppressionWords(about.suppressed, about.reviewCountsShown) },
    {
      kind: 'words',
      heading: 'Other symbols',
      text: 'x means not available (no data for the period); z means not applicable (a rate over nothing, or a count the measure does not have); – means nothing to show. A period still running at the date the figures are as at is marked “part” and never judged as if it were whole. Variation is judged as NHS England’s Making Data Count does, from the published figures only.',
    },
    {
      kind: 'words',
      heading: 'Data sources and date',
      text: `The figures are as at ${about.asAt}. They were worked out on one computer, offline, from: ${about.sources.length > 0 ? about.sources.join('; ') : 'no data'}. No child-level record is in this document.`,
    },
    {
      kind: 'definitions',
      items: about.indicators.map((f) => ({
        term: `${f.indicator.id} ${f.indicator.title}`,
        detail: `${f.indicator.definition} ${f.indicator.directionNote}`,
      })),
    },
    { kind: 'csv' },
  ];
  return { key: ABOUT_KEY, heading: 'About these figures', blocks, parts: [] };
}

/** Every figure of the document as one CSV: each indicator's periods as published, markers and all. */
export function reportCsvRows(indicators: readonly IndicatorFigures[]): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const f of indicators) {
    const own = indicatorCsvRows(f.indicator, f.points, f.spc);
    rows.push(...(rows.length === 0 ? own : own.slice(1)));
  }
  return rows;
}
