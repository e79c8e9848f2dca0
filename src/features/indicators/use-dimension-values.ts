import { useQuery } from '@tanstack/react-query';
import { dimensionSource } from '../../indicators/family-definition';
import type { Dimension, IndicatorFamily } from '../../indicators/indicator-definition';
import type { PreparedState } from '../../indicators/prepare-indicators';
import { getFamily } from '../../indicators/registry';
import { dimensionValues } from '../../indicators/run-indicator';
import { useEngine } from '../../session/app-data';
import { usePreparedForTables } from '../../session/indicator-settings';

/**
 * The values each dimension takes in an area's data (for the filter lists and to check the address),
 * once the tables that list them are built (`prepared`: the first stage).
 */
export function useDimensionValues(
  family: IndicatorFamily,
  dimensions: readonly Dimension[],
  prepared: PreparedState | undefined,
) {
  const getEngine = useEngine();
  const sources = dimensions.map((d) => dimensionSource(getFamily(family), d));
  const state = usePreparedForTables(sources, prepared);
  return useQuery({
    queryKey: ['dimension-values', family, dimensions, state],
    enabled: state !== undefined,
    queryFn: async () => dimensionValues(await getEngine(), family, dimensions),
  });
}
