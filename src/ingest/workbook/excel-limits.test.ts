import { describe, expect, it } from 'vitest';
import { EXCEL_LIMITS_TEXT, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './workbook-damage';

describe('Excel’s limits in words', () => {
  it('say the limits the reader applies', () => {
    const grouped = (n: number) => n.toLocaleString('en-GB');
    expect(EXCEL_LIMITS_TEXT).toContain(`${grouped(EXCEL_MAX_ROWS)} rows`);
    expect(EXCEL_LIMITS_TEXT).toContain(`${grouped(EXCEL_MAX_COLUMNS)} columns`);
  });
});
