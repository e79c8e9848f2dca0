import { describe, expect, it } from 'vitest';
import { AGE_BANDS, dimensionValueLabel, orderCategoryKeys, orderDimensionValues } from './dimension-values';
import { NOT_MAPPED, NOT_RECORDED } from './indicator-definition';

describe('dimension values for people', () => {
  it('lists age bands youngest first (not as text sorts them), the unknown last', () => {
    const asSql = ['1 to 4', '10 to 15', '16 and over', '5 to 9', NOT_RECORDED, 'Under 1'];
    expect(orderDimensionValues('age_band', asSql)).toEqual([...AGE_BANDS, NOT_RECORDED]);
  });

  it('says coded values in words', () => {
    expect(dimensionValueLabel('ethnicity', 'WBRI')).toBe('White British');
    expect(dimensionValueLabel('gender', 'NOT_STATED')).toBe('Not stated or recorded');
    expect(dimensionValueLabel('agency', 'LA_CSC')).toBe("Children's social care");
    expect(dimensionValueLabel('agency', 'MULTI')).toBe('Multi-agency');
    expect(dimensionValueLabel('domain', 'VOICE_OF_CHILD')).toBe('Voice of the child');
    expect(dimensionValueLabel('ethnicity', NOT_MAPPED)).toBe('Not mapped yet');
    expect(dimensionValueLabel('locality', 'Riverside')).toBe('Riverside');
    expect(dimensionValueLabel('agency', 'toString')).toBe('toString');
  });

  it('lists ethnicity in the DfE order, agencies by their words, "Not mapped yet" and "Not recorded" last', () => {
    expect(orderDimensionValues('ethnicity', [NOT_RECORDED, 'OOTH', NOT_MAPPED, 'AIND', 'WBRI', 'NOBT'])).toEqual([
      'WBRI',
      'AIND',
      'OOTH',
      'NOBT',
      NOT_MAPPED,
      NOT_RECORDED,
    ]);
    // By their words (Children's social care, GP, Police, Schools, Voluntary…): by code, GP would come first.
    expect(orderDimensionValues('agency', ['SCHOOL', 'VCS', NOT_RECORDED, 'LA_CSC', 'POLICE', 'GP'])).toEqual([
      'LA_CSC',
      'GP',
      'POLICE',
      'SCHOOL',
      'VCS',
      NOT_RECORDED,
    ]);
  });

  it('orders a profile’s categories as its dimension, or as text when it has none', () => {
    expect(orderCategoryKeys('domain', ['OVERALL', 'IMPACT', 'RECOGNITION', 'IMPACT'])).toEqual([
      'RECOGNITION',
      'IMPACT',
      'OVERALL',
    ]);
    expect(orderCategoryKeys(undefined, ['S11-2', 'S11-1'])).toEqual(['S11-1', 'S11-2']);
  });
});
