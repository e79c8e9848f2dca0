import type { DatasetDefinition } from './dataset-definition';
import { agency, code, date, field, flag, text } from './field-helpers';

/** What a rapid review decided, in words. */
export const RAPID_REVIEW_DECISION_LABELS: Readonly<Record<string, string>> = {
  LCSPR: 'Local review (LCSPR)',
  NO_FURTHER_REVIEW: 'No further review',
  NATIONAL_REVIEW_REFERRED: 'Referred for national review',
  OTHER_LEARNING_REVIEW: 'Other learning review',
};

/** The key that ties recommendations to their review. */
const reviewId = field('review_id', 'Review ID', text, {
  required: true,
  aliases: ['case reference', 'review reference', 'sin reference'],
  example: 'RR-2025-03',
});

/** Child safeguarding practice reviews (domain.md §5.5): notifications, rapid reviews, local reviews. */
export const practiceReviews: DatasetDefinition = {
  id: 'practice_reviews',
  about: 'children',
  title: 'Practice reviews',
  fileName: 'practice_reviews.csv',
  description:
    'One row per serious incident: when the local authority became aware, when the Panel was notified, the rapid review and its decision, and any local review.',
  recordKeys: [['review_id']],
  dateOrder: [
    ['la_aware_date', 'notification_date'],
    ['notification_date', 'rapid_review_sent_date'],
    ['lcspr_decision_date', 'lcspr_report_final_date'],
  ],
  fields: [
    reviewId,
    field('incident_date', 'Incident date', date, { aliases: ['date of incident'], example: '02/03/2025' }),
    field('la_aware_date', 'LA aware date', date, {
      aliases: ['date la aware', 'date local authority aware', 'la became aware'],
      example: '03/03/2025',
    }),
    field('notification_date', 'Notification date', date, {
      aliases: ['sin date', 'date notified', 'panel notified date'],
      example: '06/03/2025',
    }),
    field('rapid_review_sent_date', 'Rapid review sent date', date, {
      aliases: ['rapid review date', 'rr sent date', 'rr date'],
      example: '24/03/2025',
    }),
    field(
      'rr_decision',
      'Rapid review decision',
      code(RAPID_REVIEW_DECISION_LABELS, {
        LOCAL_REVIEW: 'LCSPR',
        LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW: 'LCSPR',
        NFA: 'NO_FURTHER_REVIEW',
        NO_FURTHER_ACTION: 'NO_FURTHER_REVIEW',
        NATIONAL_REVIEW: 'NATIONAL_REVIEW_REFERRED',
        OTHER_REVIEW: 'OTHER_LEARNING_REVIEW',
      }),
      { aliases: ['decision', 'rr outcome'], example: 'LCSPR' },
    ),
    field('lcspr_decision_date', 'LCSPR decision date', date, { aliases: ['lcspr decision'], example: '24/03/2025' }),
    field('lcspr_report_final_date', 'LCSPR final report date', date, {
      aliases: ['final report date', 'lcspr final date'],
      example: '15/09/2025',
    }),
    field('publication_date', 'Publication date', date, {
      aliases: ['published date', 'date published'],
      example: '20/10/2025',
    }),
    field(
      'publication_status',
      'Publication status',
      code(
        { PUBLISHED: 'Published', NOT_PUBLISHED_AGREED: 'Not published (agreed)', PENDING: 'Pending' },
        { NOT_PUBLISHED: 'NOT_PUBLISHED_AGREED' },
      ),
      {
        aliases: ['published'],
        example: 'PUBLISHED',
      },
    ),
    field('themes', 'Themes', text, { aliases: ['theme', 'learning themes'], example: 'Neglect; Domestic abuse' }),
  ],
};

export const reviewRecommendations: DatasetDefinition = {
  id: 'review_recommendations',
  about: 'organisations',
  title: 'Review recommendations',
  fileName: 'review_recommendations.csv',
  description: 'One row per recommendation or action from a practice review, with its owner, due date and status.',
  recordKeys: [['review_id', 'rec_id']],
  dateOrder: [],
  fields: [
    reviewId,
    field('rec_id', 'Recommendation ID', text, {
      required: true,
      aliases: ['recommendation id', 'recommendation', 'action id'],
      example: 'R4',
    }),
    field('owner_agency', 'Owner agency', agency, { aliases: ['owner', 'agency', 'lead agency'], example: 'ICB' }),
    field('due_date', 'Due date', date, { aliases: ['deadline', 'target date'], example: '31/12/2025' }),
    field(
      'status',
      'Status',
      code(
        { OPEN: 'Open', COMPLETE: 'Complete', OVERDUE: 'Overdue', SUPERSEDED: 'Superseded' },
        {
          COMPLETED: 'COMPLETE',
          DONE: 'COMPLETE',
          IN_PROGRESS: 'OPEN',
        },
      ),
      {
        aliases: ['progress'],
        example: 'OPEN',
      },
    ),
    field('completed_date', 'Completed date', date, { aliases: ['date completed'], example: '' }),
    field('evidence_of_impact', 'Evidence of impact', flag, { aliases: ['impact evidenced'], example: 'N' }),
  ],
};
