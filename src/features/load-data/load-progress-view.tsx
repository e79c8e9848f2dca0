import { useEffect, useState } from 'react';
import type { LoadProgress } from '../../ingest/load-file';
import { shownFileName } from '../../shared/file-name';

const PHASES: Record<LoadProgress['phase'], string> = {
  reading: 'Reading',
  loading: 'Loading into the database',
  checking: 'Checking every row',
};

/** Seconds since the load started, ticking while it runs. */
function useElapsed(): number {
  const [started] = useState(() => performance.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return (now - started) / 1000;
}

/**
 * Progress of the current load: which file of how many, the step it is at, a percentage while a file
 * is read, and the time so far.
 */
export function LoadProgressView({ progress }: { progress: LoadProgress | null }) {
  const elapsed = useElapsed();
  const which =
    progress?.fileCount && progress.fileCount > 1 ? `File ${progress.fileIndex} of ${progress.fileCount}: ` : '';
  const label = progress
    ? `${which}${PHASES[progress.phase]} “${shownFileName(progress.fileName)}”`
    : 'Starting the in-browser database';
  const percent = progress?.fraction === undefined ? undefined : Math.round(progress.fraction * 100);
  // The bar shows the whole load, the files weighted by size (load-progress.ts): a big file chosen
  // with small ones does not fill a third of the bar when it is nearly read.
  const overall = progress?.overall === undefined ? percent : Math.round(progress.overall * 100);
  return (
    <div className="progress" data-testid="load-progress">
      <p className="progress__label">
        <span role="status" aria-live="polite">
          {label}
          {percent !== undefined ? ` — ${percent}% read` : '…'}
        </span>
        {/* Not announced: it changes four times a second. */}
        <span className="progress__time" data-testid="load-elapsed" aria-hidden="true">
          {' '}
          ({elapsed.toFixed(1)} s so far)
        </span>
      </p>
      <progress max={100} value={overall} aria-label="How far the whole load is" />
    </div>
  );
}
