import { formatUkDate } from '../../indicators/periods';
import type { HistoryEntry } from '../../session/load-history';
import { useLoadHistory } from '../../session/use-load-history';
import { downloadCsv } from '../../ui/download';
import { type FigureColumns, FigureTable } from '../../ui/figure-table';
import { FileName } from '../../ui/file-name';
import { ACTION_WORDS, historyCsvRows, historyTime, newestFirst } from './history-table';

/** An entry with its place in the history (two entries can say the same thing at the same moment). */
type Row = HistoryEntry & { seq: number };

const COLUMNS: FigureColumns<Row> = [
  {
    key: 'at',
    head: 'Date and time',
    cell: (e) => <time dateTime={e.at}>{historyTime(e.at)}</time>,
    className: 'history-time',
  },
  { key: 'action', head: 'What happened', cell: (e) => ACTION_WORDS[e.action], className: 'history-action' },
  { key: 'summary', head: 'Details', cell: (e) => e.summary },
  { key: 'file', head: 'File', cell: (e) => (e.file ? <FileName name={e.file} /> : ''), className: 'history-file' },
  {
    key: 'rows',
    head: 'Rows',
    numeric: true,
    cell: (e) => (e.rows === undefined ? '' : e.rows.toLocaleString('en-GB')),
  },
  { key: 'as-at', head: 'Figures as at', cell: (e) => (e.asAt ? formatUkDate(e.asAt) : ''), className: 'history-time' },
];

const fileStamp = () => {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
};

/**
 * Every load, removal, switch and export of this tab's data, newest first — what a scrutineer asks
 * for ("which data was this pack made from?"), and a CSV of it to attach to the papers.
 */
export function LoadHistoryPage() {
  const entries = useLoadHistory();
  return (
    <div data-testid="load-history" data-entries={entries.length}>
      <h1 className="heading-xl">Load history</h1>
      <p className="lead">
        What has been done with the data in this tab, newest first: each file loaded, loaded again or removed, the data
        cleared, suppression switched, changes marked on charts, and each board pack, report, table or chart saved —
        with the date the figures were as at. Entries are only ever added, never changed or taken away.
      </p>
      <p className="hint">
        The history is of this tab: it goes when the tab is closed, unless you keep the data on this computer, when it
        is kept with it.
      </p>
      {entries.length === 0 ? (
        <div className="inset-text" data-testid="load-history-empty">
          <p>
            Nothing has happened yet in this tab. <a href="#/">Load your partners’ files</a>, or try the sample data,
            and each step is listed here.
          </p>
        </div>
      ) : (
        <>
          <p>
            <button
              type="button"
              className="button button--secondary"
              data-testid="download-history"
              onClick={() => downloadCsv(`load-history-${fileStamp()}.csv`, historyCsvRows(entries))}
            >
              Download as CSV
            </button>{' '}
            <span className="hint">
              {entries.length.toLocaleString('en-GB')} {entries.length === 1 ? 'entry' : 'entries'}. Times are this
              computer’s; the file also has each time in UTC.
            </span>
          </p>
          <FigureTable
            caption="Load history, newest first"
            captionHidden
            columns={COLUMNS}
            rows={newestFirst(entries.map((e, seq) => ({ ...e, seq })))}
            rowKey={(e) => e.seq}
            rowAttributes={(e) => ({ 'data-testid': 'history-entry', 'data-action': e.action })}
            rowHead={false}
            testId="load-history-table"
          />
        </>
      )}
    </div>
  );
}
