import type { PackViewId } from '../../board/pack-views';

/**
 * The yearly report, one page per statutory use of data (the minimum the statutory guidance has
 * partners use data for), then practice reviews and the impact of their recommendations, which the
 * yearly report must account for. Each page has room for the partnership's own evidence of impact.
 */
export interface YearlySection {
  id: string;
  title: string;
  lead: string;
  indicatorIds: readonly string[];
  views: readonly PackViewId[];
}

export const YEARLY_SECTIONS: readonly YearlySection[] = [
  {
    id: 'help',
    title: 'The effectiveness of help, including early help',
    lead: 'Partners use data to assess the effectiveness of the help being provided to children and families, including early help.',
    indicatorIds: ['EH1', 'EH2', 'EH3', 'EH4', 'EH6', 'EH7'],
    views: ['EHP1'],
  },
  {
    id: 'obligations',
    title: 'Whether partners meet their statutory obligations',
    lead: 'Partners assess whether they are fulfilling their statutory obligations: Section 11 of the Children Act 2004 for agencies, Section 175/157 of the Education Act 2002 for schools and colleges.',
    indicatorIds: ['OB1', 'OB2', 'OB3', 'OB4', 'OB5', 'OB6', 'OB7'],
    views: ['OBP1'],
  },
  {
    id: 'quality',
    title: 'Practice quality: joint audits of case files and lessons learned',
    lead: 'Partners quality assure practice, including through joint audits of case files involving practitioners, and identify lessons to be learned.',
    indicatorIds: ['AQ1', 'AQ2', 'AQ3', 'AQ4', 'AQ5', 'AQ6', 'AQ7'],
    views: ['AQP1'],
  },
  {
    id: 'training',
    title: 'Training and its effect on practice',
    lead: 'Partners monitor and evaluate the effectiveness of training, including multi-agency training: not only who attended, but what changed in their practice.',
    indicatorIds: ['TR1', 'TR3', 'TR4', 'TR5B', 'TR6', 'TR7'],
    views: [],
  },
  {
    id: 'reviews',
    title: 'Child safeguarding practice reviews and the impact of their recommendations',
    lead: 'The yearly report accounts for serious incidents notified, rapid reviews and local reviews, and the impact of what was done about their recommendations.',
    indicatorIds: ['PR1', 'PR2', 'PR3', 'PR4', 'PR5', 'PR6', 'PR7', 'PR8'],
    views: ['PRP1', 'review_timeline'],
  },
];

export const SECTION_BLOCKS = [
  { id: 'did', heading: 'What the partnership did' },
  { id: 'impact', heading: 'Evidence of impact: what changed for children and families, and how we know' },
] as const;
