import type { DuplicateReport } from '../../ingest/dedupe-stage';
import type { FileReport } from '../../ingest/load-report';
import { useAppData } from '../../session/app-data';
import { shownFileName } from '../../shared/file-name';
import { formatNumber } from '../../shared/format';

const quoted = (files: readonly string[]) => files.map((f) => `“${shownFileName(f)}”`).join(', ');
const records = (n: number) => `${formatNumber(n)} ${n === 1 ? 'record' : 'records'}`;

/**
 * Records this file repeats: already loaded from an earlier file (skipped unless the user says to
 * replace the earlier ones or keep both), or repeated inside the file (loaded, and listed).
 */
export function DuplicateChoice({ file, duplicates }: { file: FileReport; duplicates: DuplicateReport }) {
  const { setDuplicatePolicy, canRemap, loading } = useAppData();
  const key = duplicates.key.join(' and ');
  const can = canRemap(file) && !loading;
  const choose = (policy: 'replace' | 'keep' | 'skip') => void setDuplicatePolicy(file, policy);
  return (
    <div className="date-order" data-testid="duplicates" data-policy={duplicates.policy}>
      {duplicates.alreadyLoaded > 0 && duplicates.policy === 'skip' && (
        <>
          <p>
            {records(duplicates.alreadyLoaded)} in this file {duplicates.alreadyLoaded === 1 ? 'is' : 'are'} already
            loaded from {quoted(duplicates.earlierFiles)} (the same {key}), so{' '}
            {duplicates.alreadyLoaded === 1 ? 'it was' : 'they were'} not loaded again and nothing is counted twice.
          </p>
          {can && (
            <div className="button-group">
              <button
                type="button"
                className="button button--small"
                onClick={() => choose('replace')}
                data-testid="duplicates-replace"
              >
                Use this file’s {duplicates.alreadyLoaded === 1 ? 'record' : 'records'} instead of the earlier ones
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => choose('keep')}
                data-testid="duplicates-keep"
              >
                Keep both (count them twice)
              </button>
            </div>
          )}
        </>
      )}
      {duplicates.policy === 'replace' && (
        <p>
          {records(duplicates.replaced)} loaded earlier from {quoted(duplicates.earlierFiles)}{' '}
          {duplicates.replaced === 1 ? 'was' : 'were'} replaced by this file’s, as you chose.
        </p>
      )}
      {duplicates.policy === 'keep' && duplicates.alreadyLoaded > 0 && (
        <p className="warning-text">
          {records(duplicates.alreadyLoaded)} already loaded from {quoted(duplicates.earlierFiles)}{' '}
          {duplicates.alreadyLoaded === 1 ? 'was' : 'were'} loaded again, as you chose:{' '}
          {duplicates.alreadyLoaded === 1 ? 'it is' : 'they are'} counted twice.{' '}
          {can && (
            <button type="button" className="link-button" onClick={() => choose('skip')}>
              Load them once only
            </button>
          )}
        </p>
      )}
      {duplicates.withinFile > 0 && (
        <p>
          {formatNumber(duplicates.withinFile)} {duplicates.withinFile === 1 ? 'row repeats' : 'rows repeat'} the {key}{' '}
          of an earlier row of this file (
          {duplicates.withinFileExamples
            .slice(0, 3)
            .map((e) => `line ${e.line} repeats line ${e.firstLine}: “${e.key}”`)
            .join('; ')}
          ). They are loaded; the <a href="#/data-quality">Data quality</a> page lists them and how each indicator
          treats them.
        </p>
      )}
    </div>
  );
}
