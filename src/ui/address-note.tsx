import { dimensionValueLabel } from '../indicators/dimension-values';
import { DIMENSION_LABELS, type Dimension } from '../indicators/indicator-definition';

/**
 * Says what the address asked for that the page could not use: parts it did not understand, and
 * filter values the loaded data does not have (so nothing is filtered by them).
 */
export function AddressNote({
  ignored = [],
  unknown = [],
}: {
  ignored?: readonly string[];
  unknown?: readonly { dimension: Dimension; value: string }[];
}) {
  if (ignored.length === 0 && unknown.length === 0) return null;
  const quoted = (items: readonly string[]) => items.map((i) => `“${i}”`).join(', ');
  return (
    <div className="inset-text" role="note" data-testid="address-note">
      {unknown.length > 0 && (
        <p>
          No data for this selection:{' '}
          {quoted(
            unknown.map(
              (u) => `${DIMENSION_LABELS[u.dimension].toLowerCase()} ${dimensionValueLabel(u.dimension, u.value)}`,
            ),
          )}{' '}
          {unknown.length === 1 ? 'is' : 'are'} not in the loaded data, so that filter was left out and the page shows
          every value instead.
        </p>
      )}
      {ignored.length > 0 && (
        <p>
          The address also had {quoted(ignored)}, which this page does not understand;{' '}
          {ignored.length === 1 ? 'it was' : 'they were'} left out.
        </p>
      )}
    </div>
  );
}
