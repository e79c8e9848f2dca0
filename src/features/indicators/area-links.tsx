import { FAMILIES } from '../../indicators/registry';
import { usePreparedIndicators } from '../../session/indicator-settings';
import { hashOf } from '../../ui/routes';

/** After a load: which areas now have figures, with a link to each. */
export function AreaLinks() {
  const prepared = usePreparedIndicators();
  if (!prepared.data) return null;
  const rows = prepared.data.datasetRows;
  return (
    <section aria-labelledby="area-links-heading" data-testid="area-links">
      <h2 id="area-links-heading" className="heading-l">
        Indicators from the data loaded
      </h2>
      <p>
        <a href={hashOf({ kind: 'overview' })}>See the overview</a> of the headline indicators, or go to an area:
      </p>
      <ul className="list">
        {FAMILIES.map((family) => {
          const computable = family.indicators.filter((i) => i.datasets.every((id) => rows[id]));
          return (
            <li key={family.id}>
              <a href={hashOf({ kind: 'area', family: family.id })}>{family.title}</a>:{' '}
              {computable.length === 0
                ? 'no data yet'
                : `${computable.length} of ${family.indicators.length} indicators`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
