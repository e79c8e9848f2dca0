// Dimension values in words live with the indicators (the prepared tables write them); the UI and the
// board pack read them from here.
export { dimensionValueLabel, orderCategoryKeys, orderDimensionValues } from '../indicators/dimension-values';
