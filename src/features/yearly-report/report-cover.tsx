import type { IndicatorFigures, PackFigures } from '../../board/pack-figures';
import { formatLongDate } from '../../indicators/periods';
import { SUPPRESSED } from '../../indicators/suppression';

/** The element id of a report's page, for the contents. */
export const reportAnchor = (key: string) => `report-${key}`;

/** What the cover lists: the report's title, its pages (sections and comparisons), and its indicators. */
export interface CoverContents {
  title: string;
  pages: readonly { key: string; title: string }[];
  indicatorIds: readonly string[];
}

/** The indicators of a report's sections whose change cannot be judged, in report order. */
function unjudgedIn(ids: readonly string[], figures: PackFigures): IndicatorFigures[] {
  return ids.flatMap((id) => {
    const outcome = figures.indicators.get(id);
    return outcome?.status === 'ok' && outcome.unjudged ? [outcome] : [];
  });
}

/** What a reader needs once, before the figures: what `c` means, and which changes are not judged. */
function HowToRead({ indicatorIds, figures }: { indicatorIds: readonly string[]; figures: PackFigures }) {
  const unjudged = unjudgedIn(indicatorIds, figures);
  const filling = unjudged.filter((f) => f.spc.warmUp && f.spc.points[f.latestIndex]?.excluded);
  return (
    <section className="report-cover__read" aria-labelledby="how-to-read">
      <h2 className="report-cover__heading" id="how-to-read">
        How to read this report
      </h2>
      <p>
        Each measure is given for the year, with the count it rests on, beside the year before. A period still running
        at the date the figures are as at is never shown as if it were whole.
      </p>
      {figures.suppressed ? (
        <p data-testid="c-key">
          <strong>{SUPPRESSED}</strong> — not shown: a count of 1 to 5 about children and families, or a figure that
          would let one be worked out, as in the Department for Education’s statistics; a rate resting on such a count
          is not shown either. A 0 is a true zero.
          {figures.reviewCountsShown &&
            ' As the safeguarding partners have agreed, the practice review numbers — serious incident notifications, rapid reviews and local reviews, and how many of each were on time — are shown as they are, small or not.'}
        </p>
      ) : (
        <p className="warning-text" data-testid="c-key">
          <strong>Small numbers are not suppressed.</strong> This copy is for use inside the partnership only.
        </p>
      )}
      {unjudged.length > 0 && (
        <p data-testid="unjudged-note">
          Whether a change is more than everyday variation is judged (NHS Making Data Count) only where there are enough
          periods for process limits: {unjudged.length === 1 ? 'this measure has' : 'these measures have'} too few years
          of data, or too few cases, so no change is claimed for {unjudged.length === 1 ? 'it' : 'them'}:{' '}
          {unjudged.map((f) => f.indicator.id).join(', ')}. By month or quarter, as in the board pack, there may be
          enough periods to judge them.
          {filling.length > 0 &&
            ` ${filling.map((f) => f.indicator.id).join(', ')} ${filling.length === 1 ? 'is' : 'are'} still filling from the start of the data and not judged yet.`}
        </p>
      )}
    </section>
  );
}

/**
 * The yearly report's cover: its title and year, what the figures are as at, the contents (links on
 * screen), and how to read the figures — said once here rather than on every page.
 */
export function ReportCover({
  contents,
  figures,
  year,
  asAt,
  mode,
}: {
  contents: CoverContents;
  figures: PackFigures;
  year: number;
  asAt: string;
  mode: 'screen' | 'print';
}) {
  return (
    <section
      className={`report-cover report-cover--${mode}`}
      data-testid="report-cover"
      aria-label="Cover and contents"
    >
      <p className="report-cover__kicker">Safeguarding partnership</p>
      <h1 className="report-cover__title">{contents.title}</h1>
      <p className="report-cover__period">
        {formatLongDate(`${year}-04-01`)} to {formatLongDate(`${year + 1}-03-31`)} · figures as at {asAt}
      </p>
      <nav aria-labelledby="report-contents" className="report-cover__contents">
        <h2 className="report-cover__heading" id="report-contents">
          Contents
        </h2>
        <ol data-testid="report-contents">
          {contents.pages.map((slide) => (
            <li key={slide.key}>
              {mode === 'screen' ? (
                // The address holds the page and its view: the contents scroll instead of changing it.
                <a
                  href={`#/yearly-report?year=${year}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(reportAnchor(slide.key))?.scrollIntoView({ block: 'start' });
                  }}
                >
                  {slide.title}
                </a>
              ) : (
                slide.title
              )}
            </li>
          ))}
        </ol>
      </nav>
      <HowToRead indicatorIds={contents.indicatorIds} figures={figures} />
    </section>
  );
}
