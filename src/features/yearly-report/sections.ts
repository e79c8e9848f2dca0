import { HEADLINES } from '../../board/deck';
import type { PackViewId } from '../../board/pack-views';

/**
 * The yearly report's headings, as Working Together 2023 asks the report to cover them: a summary, the
 * partnership's priorities and where there was little or no progress, one heading per statutory use of
 * data, practice reviews and the impact of their recommendations, how feedback from children and
 * families shaped the work, and independent scrutiny. Each heading has the figures that support it and
 * room for the partnership's own words; where no data can support it, `needs` says what would.
 */
export interface YearlySection {
  id: string;
  title: string;
  lead: string;
  /** The figures: the section's indicators (year against year before), the headlines, or progress. */
  evidence: 'indicators' | 'headlines' | 'progress' | 'none';
  indicatorIds: readonly string[];
  views: readonly PackViewId[];
  /** What data would support the heading, said when none of its figures is loaded. */
  needs: string;
  /** The partnership's words, each under its own heading (keys stay stable: saved words are found by them). */
  blocks: readonly { id: string; heading: string }[];
}

const DID_AND_IMPACT = [
  { id: 'did', heading: 'What the partnership did' },
  { id: 'impact', heading: 'Evidence of impact: what changed for children and families, and how we know' },
] as const;

const HELP = ['EH1', 'EH2', 'EH3', 'EH4', 'EH6', 'EH7'];
/** The child protection system, the other half of "help" in Working Together's first use of data. */
const PROTECTION = ['CP2', 'CP4', 'CP6', 'CP7', 'CP11'];
const OBLIGATIONS = ['OB1', 'OB2', 'OB3', 'OB4', 'OB5', 'OB6', 'OB7'];
const QUALITY = ['AQ1', 'AQ2', 'AQ3', 'AQ4', 'AQ5', 'AQ6', 'AQ7'];
const TRAINING = ['TR1', 'TR3', 'TR4', 'TR5B', 'TR6', 'TR7'];
const REVIEWS = ['PR1', 'PR2', 'PR3', 'PR4', 'PR5', 'PR6', 'PR7', 'PR8'];

export const YEARLY_SECTIONS: readonly YearlySection[] = [
  {
    id: 'summary',
    title: 'Summary of the year',
    lead: 'What the safeguarding partners achieved in the year, in brief, with the headline figures behind it.',
    evidence: 'headlines',
    indicatorIds: HEADLINES.map((i) => i.id),
    views: [],
    needs:
      'No headline figures are in this report: they come from the partners’ files — early help episodes, training, Section 11 and Section 175/157 returns, case-file audits and practice reviews.',
    blocks: [{ id: 'summary', heading: 'The year in brief' }],
  },
  {
    id: 'priorities',
    title: 'Our priorities, and where there was little or no progress',
    lead: 'The partnership’s priorities for the year, what was achieved against each, and the areas where there was little or no progress, with the reasons and what happens next.',
    evidence: 'progress',
    indicatorIds: [...HELP, ...PROTECTION, ...OBLIGATIONS, ...QUALITY, ...TRAINING, ...REVIEWS],
    views: [],
    needs:
      'No figures are in this report to judge progress by: the partners’ files, with the partnership’s targets for its priorities, would show which targets were missed.',
    blocks: [
      { id: 'priorities', heading: 'Our priorities for the year' },
      { id: 'noprogress', heading: 'Where there was little or no progress, and what we are doing about it' },
    ],
  },
  {
    id: 'help',
    title: 'The effectiveness of help, including early help',
    lead: 'Partners use data to assess the effectiveness of the help being provided to children and families, including early help.',
    evidence: 'indicators',
    indicatorIds: [...HELP, ...PROTECTION],
    views: ['EHP1'],
    needs:
      'No early help or child protection figures are in this report: an early help episodes file (one row per episode), or the child protection lists (Annex A Lists 1 and 3–7), would support this heading.',
    blocks: DID_AND_IMPACT,
  },
  {
    id: 'obligations',
    title: 'Whether partners meet their statutory obligations',
    lead: 'Partners assess whether they are fulfilling their statutory obligations: Section 11 of the Children Act 2004 for agencies, Section 175/157 of the Education Act 2002 for schools and colleges.',
    evidence: 'indicators',
    indicatorIds: OBLIGATIONS,
    views: ['OBP1'],
    needs:
      'No statutory returns are in this report: the agencies’ Section 11 and schools’ Section 175/157 self-assessment returns would support this heading.',
    blocks: DID_AND_IMPACT,
  },
  {
    id: 'quality',
    title: 'Practice quality: joint audits of case files and lessons learned',
    lead: 'Partners quality assure practice, including through joint audits of case files involving practitioners, and identify lessons to be learned.',
    evidence: 'indicators',
    indicatorIds: QUALITY,
    views: ['AQP1'],
    needs:
      'No case-file audits are in this report: the multi-agency audit grades and actions files would support this heading.',
    blocks: DID_AND_IMPACT,
  },
  {
    id: 'training',
    title: 'Training and its effect on practice',
    lead: 'Partners monitor and evaluate the effectiveness of training, including multi-agency training: not only who attended, but what changed in their practice.',
    evidence: 'indicators',
    indicatorIds: TRAINING,
    views: [],
    needs:
      'No training records are in this report: the training events, attendance and follow-up evaluation files would support this heading — the follow-up evaluations show what changed in practice.',
    blocks: DID_AND_IMPACT,
  },
  {
    id: 'reviews',
    title: 'Child safeguarding practice reviews: decisions, actions and their impact',
    lead: 'Serious incidents notified, rapid reviews and local reviews; the decisions and actions taken on local and national reviews, and the impact of what was done about their recommendations.',
    evidence: 'indicators',
    indicatorIds: REVIEWS,
    views: ['PRP1', 'review_timeline'],
    needs:
      'No practice reviews are in this report: the practice reviews file and their recommendations file (with each recommendation’s evidence of impact) would support this heading.',
    blocks: [
      { id: 'did', heading: 'Decisions and actions on local and national reviews' },
      { id: 'impact', heading: 'Evidence of impact of the reviews’ recommendations' },
    ],
  },
  {
    id: 'feedback',
    title: 'How feedback from children and families shaped our work',
    lead: 'How the partners listened to children, young people and families, and what changed because of what they said.',
    evidence: 'none',
    indicatorIds: [],
    views: [],
    needs:
      'No figures in this report count feedback from children and families. The nearest are the “voice of the child” grades of the case-file audits, under practice quality; surveys, participation groups and conversations with families during audits would show more.',
    blocks: [
      { id: 'heard', heading: 'What children and families told us' },
      { id: 'changed', heading: 'What changed because of it' },
    ],
  },
  {
    id: 'scrutiny',
    title: 'Independent scrutiny',
    lead: 'How the arrangements were independently scrutinised in the year, what the scrutiny found, and what the partners did in response.',
    evidence: 'none',
    indicatorIds: [],
    views: [],
    needs:
      'Scrutiny is a judgement, not a dataset: the independent scrutineer’s findings are the partnership’s words under this heading, and the figures under the other headings are the evidence the scrutiny can test.',
    blocks: [
      { id: 'how', heading: 'Who scrutinised the arrangements, and how' },
      { id: 'found', heading: 'What the scrutiny found, and what the partners did' },
    ],
  },
];
