import { hashOf } from '../../app/routes';
import { FAMILIES } from '../../indicators/registry';
import { usePreparedIndicators } from '../../session/indicator-settings';

/**
 * After a load, at the top of the load report: the way to the Overview, and which areas now have
 * figures. (Placed there by the app shell, so the load-data feature need not know about indicators.)
 */
export function AreaLinks() {
  const prepared = usePreparedIndicators();
  const rows = prepared.data?.datasetRows;
  return (
    <nav className="next-steps" aria-label="See the indicators" data-testid="area-links">
      <a className="button next-steps__overview" href={hashOf({ kind: 'overview' })} data-testid="go-to-overview">
        Go to the Overview
      </a>
      {rows && (
        <ul className="next-steps__areas">
          {FAMILIES.map((family) => {
            const computable = family.indicators.filter((i) => i.datasets.every((id) => rows[id])).length;
            return (
              <li key={family.id}>
                <a href={hashOf({ kind: 'area', family: family.id })}>{family.title}</a>{' '}
                <span className="hint">
                  {computable === 0 ? 'no data yet' : `${computable} of ${family.indicators.length} indicators`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
