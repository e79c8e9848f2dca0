import type { LoadProgress } from '../../ingest/load-file';

const PHASES: Record<LoadProgress['phase'], string> = {
  reading: 'Reading',
  loading: 'Loading into the database',
  checking: 'Checking every row',
};

/** Progress of the current load; a bar while the file is read, then the step being done. */
export function LoadProgressView({ progress }: { progress: LoadProgress | null }) {
  const label = progress ? `${PHASES[progress.phase]} “${progress.fileName}”` : 'Starting the in-browser database';
  const percent = progress?.fraction === undefined ? undefined : Math.round(progress.fraction * 100);
  return (
    <div className="progress" data-testid="load-progress" role="status" aria-live="polite">
      <p className="progress__label">
        {label}
        {percent !== undefined ? ` — ${percent}%` : '…'}
      </p>
      <progress max={100} value={percent} aria-label={label} />
    </div>
  );
}
