import { describe, expect, it } from 'vitest';
import { isDateFormat } from './number-formats';

describe('isDateFormat', () => {
  it.each([
    [14, undefined, true],
    [22, undefined, true],
    [0, undefined, false],
    [2, undefined, false],
    [49, undefined, false],
    [164, 'dd/mm/yyyy', true],
    [164, 'd-mmm-yy', true],
    [164, '[$-F800]dddd, mmmm dd, yyyy', true],
    [164, 'yyyy-mm-dd;@', true],
    [164, '[h]:mm:ss', true],
    [164, 'General', false],
    [164, '0.00', false],
    [164, '#,##0', false],
    [164, '0.00E+00', false],
    [164, '"Day "0', false],
    [164, '[Red]0.00;[Blue]-0.00', false],
    [164, '_-£* #,##0.00_-', false],
    [164, '@', false],
  ])('format %i %j → %s', (id, code, expected) => {
    expect(isDateFormat(id, code)).toBe(expected);
  });
});
