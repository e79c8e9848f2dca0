import { useQuery } from '@tanstack/react-query';
import type { Dimension } from '../../indicators/indicator-definition';
import type { PreparedState } from '../../indicators/prepare-indicators';
import { dimensionValues } from '../../indicators/run-indicator';
import { useAppData } from '../../session/app-data';

/** The values each dimension takes in an area's data (for the filter lists and to check the address). */
export function useDimensionValues(
  dimensionTable: string,
  dimensions: readonly Dimension[],
  prepared: PreparedState | undefined,
) {
  const { getEngine } = useAppData();
  return useQuery({
    queryKey: ['dimension-values', dimensionTable, dimensions, prepared],
    enabled: prepared !== undefined,
    queryFn: async () => {
      const engine = await getEngine();
      const out: Partial<Record<Dimension, string[]>> = {};
      for (const d of dimensions) out[d] = await dimensionValues(engine, dimensionTable, d);
      return out;
    },
  });
}
