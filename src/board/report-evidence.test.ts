import { describe, expect, it } from 'vitest';
import { getIndicator } from '../indicators/registry';
import type { DeckSlide } from './deck';
import type { IndicatorFigures, IndicatorOutcome, PackFigures } from './pack-figures';
import { sectionEvidence } from './report-evidence';

type Section = Extract<DeckSlide, { kind: 'section' }>;

/** An indicator's year as published: its value, target, variation and assurance, set by hand. */
function year(
  id: string,
  value: number | null,
  options: { target?: number; variation?: string; assurance?: string; suppressed?: boolean } = {},
): IndicatorFigures {
  const point = {
    label: '2024-25',
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
    effectiveEnd: '2025-03-31',
    partial: false,
    value: options.suppressed ? null : value,
    numerator: null,
    denominator: null,
    suppressed: options.suppressed ?? false,
    numeratorHidden: false,
    denominatorHidden: false,
  };
  return {
    status: 'ok',
    indicator: getIndicator(id),
    points: [point],
    latestIndex: 0,
    target: options.target ?? null,
    spc: { variation: options.variation ?? 'common_cause', assurance: options.assurance ?? null, points: [] },
    trend: 'Too few periods to judge',
    yearOnYear: 'Up 1 on 2023-24.',
  } as unknown as IndicatorFigures;
}

const missingOf = (id: string): IndicatorOutcome => ({
  status: 'missing_data',
  indicator: getIndicator(id),
  missingDatasets: ['early_help'],
});

function figuresOf(outcomes: IndicatorOutcome[]): PackFigures {
  return { indicators: new Map(outcomes.map((o) => [o.indicator.id, o])) } as unknown as PackFigures;
}

const section = (evidence: Section['evidence'], ids: string[]): Section => ({
  key: 'section-x',
  kind: 'section',
  title: 'A heading',
  lead: '',
  evidence,
  indicatorIds: ids,
  needs: 'A file of X would support this heading.',
  blocks: [],
});

describe('the figures under a yearly report heading', () => {
  it('list the indicators with little or no progress: a target missed either way, a concern, a likely miss', () => {
    const figures = figuresOf([
      year('EH3', 55, { target: 60 }), // higher is better: 55 misses 60
      year('AQ3', 12, { target: 10 }), // lower is better: 12 misses 10
      year('AQ2', 80, { target: 75 }), // met
      year('EH4', 11, { variation: 'special_cause_concern' }),
      year('TR7', 70, { target: 60, assurance: 'consistent_fail' }),
      year('PR3', null, { target: 90, suppressed: true }), // hidden: never judged in print
    ]);
    const { table, note } = sectionEvidence(section('progress', ['EH3', 'AQ3', 'AQ2', 'EH4', 'TR7', 'PR3']), figures);
    expect(note).toBeNull();
    expect(table?.rows.map((r) => [r.header.split(' ')[0], r.cells[3]])).toEqual([
      ['EH3', 'missed its target of 60.0%.'],
      ['AQ3', 'missed its target of 10.0%.'],
      ['EH4', 'special cause: concern.'],
      ['TR7', 'will consistently miss the target.'],
    ]);
  });

  it('say why nothing is listed, and what would list more', () => {
    const met = sectionEvidence(section('progress', ['AQ2']), figuresOf([year('AQ2', 80, { target: 75 })]));
    expect(met).toEqual({
      table: null,
      note: 'No indicator shows a special cause of concern in the year, and the one indicator judged against a target met it.',
    });
    // A target on a hidden figure, or on a measure with no direction of good, judges nothing.
    const unjudged = figuresOf([year('AQ2', null, { target: 75, suppressed: true }), year('AQ1', 24, { target: 20 })]);
    const untargeted = sectionEvidence(section('progress', ['AQ2', 'AQ1']), unjudged);
    expect(untargeted.note).toBe(
      'No indicator shows a special cause of concern in the year. No targets were set for the partnership’s priorities: set them on the Definitions page, and this heading lists those missed.',
    );
    // A published document says what is so, not what to do in the app.
    expect(sectionEvidence(section('progress', ['AQ2', 'AQ1']), unjudged, 'published').note).toBe(
      'No indicator shows a special cause of concern in the year. No targets were set for the partnership’s priorities.',
    );
  });

  it('say what data would support a heading none of whose figures is loaded, never a blank heading', () => {
    const missing = missingOf('EH1');
    expect(sectionEvidence(section('indicators', ['EH1']), figuresOf([missing]))).toEqual({
      table: null,
      note: 'A file of X would support this heading.',
    });
    expect(sectionEvidence(section('none', []), figuresOf([])).note).toBe('A file of X would support this heading.');
    // Once the partnership has written under it, a published heading no data supports is its words alone.
    const written = { ...section('none', []), blocks: [{ heading: 'What we heard', text: 'Children said…' }] };
    expect(sectionEvidence(written, figuresOf([]), 'published').note).toBeNull();
    expect(sectionEvidence(written, figuresOf([])).note).toBe('A file of X would support this heading.');
  });

  it('give a heading’s indicators the year against the year before, saying how many are not loaded', () => {
    const missing = missingOf('EH2');
    const { table, note } = sectionEvidence(
      section('indicators', ['EH1', 'EH2']),
      figuresOf([year('EH1', 1739), missing]),
    );
    expect(table?.head).toEqual(['Indicator', 'Year', 'Value', 'Year before', 'In words']);
    expect(table?.rows).toEqual([
      { header: 'EH1 Early help assessments started', id: 'EH1', cells: ['2024-25', '1,739', '–', 'Up 1 on 2023-24.'] },
    ]);
    expect(note).toBe('1 of this heading’s 2 indicators are not loaded.');
  });
});
