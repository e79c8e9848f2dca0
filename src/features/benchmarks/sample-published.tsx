import { useState } from 'react';
import type { Authority } from '../../benchmarks/published-store';
import { useAppData } from '../../session/app-data';
import { SAMPLE_PUBLISHED_NAMES, samplePublishedFiles } from '../../session/sample-files';

/** The attribution the Open Government Licence asks for, with the source of the sample. */
export function SampleAttribution() {
  return (
    <p className="hint" data-testid="sample-attribution">
      Sample: Department for Education, Children in need statistics (referrals and re-referrals, 2013 to 2025), for
      England, the North East and its 12 local authorities. Contains public sector information licensed under the Open
      Government Licence v3.0.
    </p>
  );
}

/** "Try with a sample published statistics file": one click, as on the Data page. */
export function TrySamplePublished() {
  const { loadFiles, loading } = useAppData();
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setError(null);
    try {
      await loadFiles(await samplePublishedFiles());
    } catch (reason) {
      setError(`The sample could not be opened (${reason instanceof Error ? reason.message : String(reason)}).`);
    }
  };
  return (
    <div className="benchmark-sample" data-testid="try-sample-published">
      <p>
        <button type="button" className="button button--secondary" onClick={() => void load()} disabled={loading}>
          Try with a sample published statistics file
        </button>
      </p>
      <SampleAttribution />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** An authority of the sample to start from: Darlington (a small unitary authority of the North East). */
const SAMPLE_EXAMPLE = 'E06000005';

export const isSampleFile = (fileName: string) => SAMPLE_PUBLISHED_NAMES.includes(fileName);

/**
 * With the sample loaded and no authority chosen yet: the sample partnership (Fernshire) is fictional,
 * so it is not in the DfE's files; say so, and offer one of the sample's authorities to see how a
 * comparison reads.
 */
export function SampleFirstRun({
  authorities,
  onChoose,
}: {
  authorities: readonly Authority[];
  onChoose: (code: string) => void;
}) {
  const example = authorities.find((a) => a.new_la_code === SAMPLE_EXAMPLE);
  return (
    <div className="benchmark-sample" data-testid="sample-first-run">
      <p>
        <strong>Start by choosing our local authority below.</strong> Fernshire, the sample partnership, is fictional,
        so it is not in the DfE’s files: with the sample file, choose any of the North East’s {authorities.length}{' '}
        authorities to see how a comparison reads.
      </p>
      {example && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => onChoose(SAMPLE_EXAMPLE)}
            data-testid="sample-example-la"
          >
            Compare {example.la_name}
          </button>
        </p>
      )}
      <SampleAttribution />
    </div>
  );
}
