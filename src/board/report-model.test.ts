import { describe, expect, it } from 'vitest';
import { paragraphsOf, proseYears } from './report-model';

describe('words in a published document', () => {
  it('write years in prose as GOV.UK does, leaving quarters and other numbers alone', () => {
    expect(proseYears('Up 1.2 percentage points on 2023-24.')).toBe('Up 1.2 percentage points on 2023 to 2024.');
    expect(proseYears('Closures, 2022-23 to 2025-26.')).toBe('Closures, 2022-23 to 2025-26.');
    expect(proseYears('on 2023/24 academic year')).toBe('on 2023 to 2024 academic year');
    expect(proseYears('In 2024-25 Q3 it rose.')).toBe('In 2024-25 Q3 it rose.');
    expect(proseYears('Call 0121-55 or see 2024-26.')).toBe('Call 0121-55 or see 2024-26.');
  });

  it('split the partnership’s words into paragraphs at blank lines, keeping line ends', () => {
    expect(paragraphsOf('  One\ntwo\n\n\nThree  ')).toEqual([['One', 'two'], ['Three']]);
  });
});
