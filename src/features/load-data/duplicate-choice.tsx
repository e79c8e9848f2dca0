import type { DuplicatePolicy, DuplicateReport } from '../../ingest/dedupe-stage';
import type { FileReport } from '../../ingest/load-report';
import { useAppData } from '../../session/app-data';
import { shownFileName } from '../../shared/file-name';
import { formatNumber } from '../../shared/format';
import { RecordChanges, updateSummary } from './record-changes';

const quoted = (files: readonly string[]) => files.map((f) => `“${shownFileName(f)}”`).join(', ');
const records = (n: number) => `${formatNumber(n)} ${n === 1 ? 'record' : 'records'}`;

/** Next quarter's extract (the default): records already held once, changed ones taken, every change listed. */
function UpdateSummary({ duplicates, keyText }: { duplicates: DuplicateReport; keyText: string }) {
  const update = duplicates.update;
  if (!update) return null;
  const { unchanged, updated, ambiguous } = update;
  return (
    <>
      <p data-testid="update-summary">
        {records(duplicates.alreadyLoaded)} in this file {duplicates.alreadyLoaded === 1 ? 'is' : 'are'} already loaded
        from {quoted(duplicates.earlierFiles)} (the same {keyText}), as in next quarter’s extract:{' '}
        {updateSummary(update)}.{' '}
        {unchanged > 0 && 'Records already held are not loaded again, so nothing is counted twice. '}
        {updated > 0 &&
          `${updated === 1 ? 'The record' : 'Records'} whose values changed now ${updated === 1 ? 'counts' : 'count'} as this file has ${updated === 1 ? 'it' : 'them'}; removing this file puts the earlier ${updated === 1 ? 'version' : 'versions'} back.`}
      </p>
      {ambiguous > 0 && (
        <p className="warning-text">
          {records(ambiguous)} could not be matched to one record (the same {keyText} is on more than one) and{' '}
          {ambiguous === 1 ? 'was' : 'were'} not loaded: see the reasons below.
        </p>
      )}
    </>
  );
}

/** The two choices every other way of treating repeated records offers: this file's instead, or both. */
function ReplaceOrKeepBoth({ count, choose }: { count: number; choose: (policy: DuplicatePolicy) => void }) {
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => choose('replace')}
        data-testid="duplicates-replace"
      >
        Use this file’s {count === 1 ? 'record' : 'records'} instead of the earlier ones
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => choose('keep')}
        data-testid="duplicates-keep"
      >
        Keep both (count them twice)
      </button>
    </>
  );
}

/**
 * Records this file repeats: already loaded from an earlier file (held once, their changes taken and
 * listed, unless the user says to skip them, replace the earlier file's or keep both), or repeated inside
 * the file (loaded, and listed).
 */
export function DuplicateChoice({ file, duplicates }: { file: FileReport; duplicates: DuplicateReport }) {
  const { setDuplicatePolicy, canRemap, loading } = useAppData();
  const key = duplicates.key.join(' and ');
  const can = canRemap(file) && !loading;
  const choose = (policy: DuplicatePolicy) => void setDuplicatePolicy(file, policy);
  return (
    <div className="date-order" data-testid="duplicates" data-policy={duplicates.policy}>
      {duplicates.alreadyLoaded > 0 && duplicates.policy === 'update' && (
        <>
          <UpdateSummary duplicates={duplicates} keyText={key} />
          <RecordChanges file={file} duplicates={duplicates} />
          {can && (
            <details className="details">
              <summary className="details__summary">Not a newer extract? Other ways to treat these records</summary>
              <div className="button-group">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => choose('skip')}
                  data-testid="duplicates-skip"
                >
                  Keep the earlier records as they are (do not load these)
                </button>
                <ReplaceOrKeepBoth count={duplicates.alreadyLoaded} choose={choose} />
              </div>
            </details>
          )}
        </>
      )}
      {duplicates.alreadyLoaded > 0 && duplicates.policy === 'skip' && (
        <>
          <p>
            {records(duplicates.alreadyLoaded)} in this file {duplicates.alreadyLoaded === 1 ? 'is' : 'are'} already
            loaded from {quoted(duplicates.earlierFiles)} (the same {key}), so{' '}
            {duplicates.alreadyLoaded === 1 ? 'it was' : 'they were'} not loaded again, as you chose, and nothing is
            counted twice.
          </p>
          {can && (
            <div className="button-group">
              <button
                type="button"
                className="button button--small"
                onClick={() => choose('update')}
                data-testid="duplicates-update"
              >
                Take their changes (next quarter’s extract)
              </button>
              <ReplaceOrKeepBoth count={duplicates.alreadyLoaded} choose={choose} />
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
            <button type="button" className="link-button" onClick={() => choose('update')}>
              Load them once only, taking their changes
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
