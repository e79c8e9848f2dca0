import { useQuery } from '@tanstack/react-query';
import type { Dimension, IndicatorFamily } from '../../indicators/indicator-definition';
import type { PreparedState } from '../../indicators/prepare-indicators';
import { dimensionValues } from '../../indicators/run-indicator';
import { useAppData } from '../../session/app-data';

/** The values each dimension takes in an area's data (for the filter lists and to check the address). */
export function useDimensionValues(
  family: IndicatorFamily,
  dimensions: readonly Dimension[],
  prepared: PreparedState | undefined,
) {
  const { getEngine } = useAppData();
  return useQuery({
    queryKey: ['dimension-values', family, dimensions, prepared],
    enabled: prepared !== undefined,
    queryFn: async () => dimensionValues(await getEngine(), family, dimensions),
  });
}
