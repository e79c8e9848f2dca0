import { type DragEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useAppData, useDataSession } from '../../session/app-data';
import { useKeptState } from '../../session/kept-data-provider';
import { sampleFiles } from '../../session/sample-files';
import { fullFileName } from '../../shared/file-name';
import { formatNumber, formatTime } from '../../shared/format';
import { ConfirmPanel } from '../../ui/confirm-panel';
import { FileName } from '../../ui/file-name';
import { KeptNotice } from './kept-notice';
import { LoadProgressView } from './load-progress-view';
import { LoadReportView } from './load-report-view';
import { MappingProfile } from './mapping-profile';

/** The synthetic Fernshire extracts, one per dataset, bundled (and cached for offline use) by the build. */

/** "Remove all loaded data" asks first: what is loaded lives only in this tab. */
function ClearDataButton() {
  const { rowsInDatabase, clearData, loading } = useAppData();
  const [asking, setAsking] = useState(false);
  if (rowsInDatabase === 0) return null;
  return (
    <>
      <button
        type="button"
        className="button button--warning"
        onClick={() => setAsking(true)}
        disabled={loading || asking}
        data-testid="clear-data"
      >
        Remove all loaded data
      </button>
      {asking && (
        <ConfirmPanel
          question={`Remove all ${formatNumber(rowsInDatabase)} rows loaded in this tab? Your files on this computer are not changed; you would need to load them again to see the indicators.`}
          confirmLabel="Yes, remove all loaded data"
          onConfirm={() => {
            setAsking(false);
            void clearData();
          }}
          onCancel={() => setAsking(false)}
          testId="confirm-clear"
          confirmTestId="confirm-clear-data"
        />
      )}
    </>
  );
}

/** "Only in this tab": after a reload, what the reload cleared, by file, so nobody wonders where it went. */
function ClearedByReloadNote() {
  const { clearedByReload, dismissClearedByReload } = useAppData();
  // Kept data comes back by unlocking it: the unlock panel says so.
  const kept = useKeptState((s) => s.status !== 'none');
  if (!clearedByReload || kept) return null;
  const { files, loadedAt } = clearedByReload;
  const rows = files.reduce((sum, f) => sum + f.rows, 0);
  const when = loadedAt ? ` (last loaded at ${formatTime(loadedAt)})` : '';
  return (
    <div className="notice" role="status" data-testid="cleared-by-reload">
      <p>
        <strong>The page was reloaded, which cleared the data loaded earlier in this tab{when}</strong>:{' '}
        {formatNumber(rows)} rows from {files.length === 1 ? 'this file' : `these ${files.length} files`}. Load them
        again to see the indicators; the column and value mappings you chose are kept.
      </p>
      <ul className="notice__files">
        {files.map((file) => (
          <li key={file.fileId}>
            <FileName name={file.name} /> ({formatNumber(file.rows)} {file.rows === 1 ? 'row' : 'rows'})
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={dismissClearedByReload}>
        Dismiss
      </button>
    </div>
  );
}

/** Drop zone with a keyboard-operable "Choose files" button and a one-click sample. */
export function LoadDataPanel({
  nextSteps,
  afterReport,
  kept,
}: {
  nextSteps?: ReactNode;
  /** Shown after a load's report (the offer to keep the data). */
  afterReport?: ReactNode;
  /** What is kept on this computer and its controls. */
  kept?: ReactNode;
}) {
  const { loadFiles, loading, progress, lastReport, loadError, dataVersion, loadCount } = useAppData();
  const session = useDataSession();
  // A removal or replacement shown but not confirmed is undone when the user leaves the page.
  useEffect(() => () => void session.cancelPreview(), [session]);
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [sampleError, setSampleError] = useState<string | null>(null);
  const hintId = useId();
  const reportRef = useRef<HTMLDivElement>(null);
  // After a load, bring the report (and the way to the Overview at its top) into view.
  useEffect(() => {
    if (loadCount > 0) reportRef.current?.scrollIntoView?.({ block: 'start' });
  }, [loadCount]);

  const takeFiles = (list: FileList | null) => {
    // Names are written out at the door ([U+202E] for a bidirectional override), so every message,
    // report and saved list made from them reads as the name really is.
    const files = Array.from(list ?? []).map((file) => ({ name: fullFileName(file.name), blob: file as Blob }));
    void loadFiles(files);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!loading) takeFiles(event.dataTransfer.files);
  };

  const loadSample = async () => {
    setSampleError(null);
    try {
      await loadFiles(await sampleFiles());
    } catch (error) {
      setSampleError(
        `The sample data could not be opened (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  };

  return (
    <section className="panel" aria-labelledby="load-heading">
      <h2 id="load-heading" className="heading-m">
        Load data
      </h2>
      <ClearedByReloadNote />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target is a convenience; the button below does the same by keyboard */}
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="drop-zone__text" id={hintId}>
          Drag CSV or Excel files here, or choose them. You can choose several at once, for example one per agency.
        </p>
        <div className="button-group">
          <button type="button" className="button" onClick={() => inputRef.current?.click()} disabled={loading}>
            Choose files
          </button>
          <button type="button" className="button button--secondary" onClick={loadSample} disabled={loading}>
            Try with sample data
          </button>
          <ClearDataButton />
        </div>
        {/* Beside the buttons that started it, so it is in view on a laptop's screen. */}
        {loading && <LoadProgressView progress={progress} />}
        <p className="hint">
          Files are read in this browser tab and never leave this computer. What you load is forgotten when you close or
          reload the tab (the app asks first), unless you choose to keep it on this computer, encrypted.
        </p>
        <input
          ref={inputRef}
          data-testid="file-input"
          className="visually-hidden"
          type="file"
          multiple
          accept=".csv,.txt,.tsv,.xlsx,.xlsm,.xls,.ods,text/csv,text/plain"
          aria-describedby={hintId}
          aria-label="Choose CSV or Excel files to load"
          tabIndex={-1}
          onChange={(event) => {
            takeFiles(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      <MappingProfile />
      {loadError && (
        <p className="error-summary" data-testid="error-message" role="alert">
          {loadError}
        </p>
      )}
      {sampleError && (
        <p className="error-summary" data-testid="error-message" role="alert">
          {sampleError}
        </p>
      )}
      <div ref={reportRef}>
        {lastReport && !loading && <LoadReportView report={lastReport} sequence={dataVersion} nextSteps={nextSteps} />}
      </div>
      {afterReport}
      {kept}
      <KeptNotice />
    </section>
  );
}
