import { useEffect, useRef } from 'react';
import type { Headline } from '../../indicators/headline';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import { useAppData } from '../../session/app-data';
import type { EffectPreview } from '../../session/effect-preview';
import { shownFileName } from '../../shared/file-name';
import { countText, formatNumber, formatValue } from '../../shared/format';

/** A headline as the Overview's card shows it: the value, its count, and its period. */
function HeadlineText({ headline, indicator }: { headline: Headline; indicator: IndicatorDefinition }) {
  if (!headline || headline.value === null) return <span className="hint">No figure</span>;
  const count = countText(headline, indicator.unit);
  return (
    <>
      <strong>{formatValue(headline.value, indicator.unit)}</strong>
      {count ? ` (${count})` : ''} <span className="hint">in {headline.label}</span>
    </>
  );
}

const same = (a: Headline, b: Headline) =>
  (a?.value ?? null) === (b?.value ?? null) && a?.label === b?.label && a?.denominator === b?.denominator;

/** What loading the new version found, in one sentence. */
function replacementText(preview: EffectPreview): string | null {
  const report = preview.replacement?.report;
  if (!preview.replacement || !report) return null;
  const parts = [`${formatNumber(report.rowsRead)} rows read`, `${formatNumber(report.rowsLoaded)} loaded`];
  if (report.rowsUpdated > 0) parts.push(`of which ${formatNumber(report.rowsUpdated)} update earlier records`);
  if (report.rowsUnchanged > 0) parts.push(`${formatNumber(report.rowsUnchanged)} already held unchanged`);
  parts.push(`${formatNumber(report.rowsRejected)} rejected`);
  return `The new version, “${shownFileName(preview.replacement.name)}”: ${parts.join(', ')}.`;
}

/**
 * Removing a file, or replacing it with a new version, before it is confirmed: each Overview headline
 * that reads its data, before → after. Confirm keeps the change; Cancel puts everything back.
 */
export function EffectPreviewPanel({ preview }: { preview: EffectPreview }) {
  const { confirmPreview, cancelPreview } = useAppData();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const name = `“${shownFileName(preview.file.fileName)}”`;
  const title = preview.kind === 'remove' ? `Remove ${name}?` : `Replace ${name} with its new version?`;
  const newReport = preview.replacement?.report;
  const nothingNew =
    newReport !== null && newReport !== undefined && newReport.rowsLoaded + newReport.rowsUnchanged === 0;
  return (
    <section
      className="effect-preview"
      data-testid="effect-preview"
      data-kind={preview.kind}
      data-state={preview.state}
      aria-labelledby="effect-preview-heading"
    >
      <h3 className="heading-m" id="effect-preview-heading" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {preview.state === 'working' && <p role="status">Working out the effect on each indicator…</p>}
      {preview.state === 'failed' && (
        <p className="error-text" role="alert" data-testid="error-message">
          {preview.message} Nothing was changed.
        </p>
      )}
      {preview.state === 'ready' && (
        <>
          {replacementText(preview) && <p data-testid="replacement-summary">{replacementText(preview)}</p>}
          {newReport?.files[0]?.message && <p className="warning-text">{newReport.files[0].message}</p>}
          {preview.effects.length === 0 ? (
            <p>No indicator on the Overview uses this file’s data.</p>
          ) : (
            <table className="table table--compact">
              <caption>
                The effect on each headline indicator, as the Overview shows it (nothing is changed until you confirm)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">Now</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {preview.effects.map(({ indicator, before, after }) => (
                  <tr
                    key={indicator.id}
                    data-indicator={indicator.id}
                    data-before={before?.value ?? ''}
                    data-after={after?.value ?? ''}
                    data-changed={!same(before, after)}
                  >
                    <th scope="row">
                      <span className="indicator-id">{indicator.id}</span> {indicator.title}
                    </th>
                    <td>
                      <HeadlineText headline={before} indicator={indicator} />
                    </td>
                    <td>
                      <HeadlineText headline={after} indicator={indicator} />
                      {same(before, after) && <span className="hint"> (no change)</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {nothingNew && (
            <p className="warning-text">
              Nothing of the new version could be loaded: confirming would only remove {name}.
            </p>
          )}
        </>
      )}
      <div className="button-group">
        {preview.state === 'ready' && (
          <button
            type="button"
            className={`button${preview.kind === 'remove' ? ' button--warning' : ''}`}
            onClick={() => void confirmPreview()}
            data-testid="effect-confirm"
          >
            {preview.kind === 'remove' ? `Remove ${name}` : 'Use the new version'}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void cancelPreview()}
          disabled={preview.state === 'working'}
          data-testid="effect-cancel"
        >
          {preview.state === 'failed' ? 'Close' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}
