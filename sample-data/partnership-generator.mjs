// Deterministic synthetic extracts for the other partnership datasets of the fictional Fernshire
// Safeguarding Children Partnership: the same agencies and years as the early-help sample.
// Every value is invented. Each function returns CSV lines (header first).
import { createRandom, formatUkDate } from './early-help-generator.mjs';

const DAY_MS = 86_400_000;
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const addDays = (date, days) => new Date(date.getTime() + days * DAY_MS);
const pick = (random, list) => list[Math.floor(random() * list.length)];
const csvLine = (cells) =>
  cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');

export const FROM = utc(2022, 4, 1);
export const TO = utc(2026, 9, 30);
const AGENCIES = [
  'LA_CSC',
  'LA_EARLY_HELP',
  'LA_EDUCATION',
  'POLICE',
  'ICB',
  'HEALTH_TRUST_ACUTE',
  'HEALTH_TRUST_COMMUNITY',
  'HEALTH_MH',
  'GP',
  'SCHOOL',
  'PROBATION',
  'YJS',
  'HOUSING',
  'VCS',
];
const COURSES = [
  ['Working Together: roles and responsibilities', 'MULTI_AGENCY', '2'],
  ['Neglect: recognising and responding', 'MULTI_AGENCY', '3'],
  ['Child exploitation', 'MULTI_AGENCY', '3'],
  ['Domestic abuse and children', 'MULTI_AGENCY', '2'],
  ['Designated safeguarding lead refresher', 'SINGLE_AGENCY', 'DSL'],
  ['Safeguarding essentials', 'E_LEARNING', '1'],
];

/** Training events, attendance and evaluations, built together so they refer to each other. */
export function generateTraining(seed = 2022) {
  const random = createRandom(seed);
  const events = [['event_id', 'course_title', 'course_type', 'level', 'event_date', 'places']];
  const attendance = [['event_id', 'attendee_id', 'agency', 'booking_status']];
  const evaluations = [
    [
      'event_id',
      'attendee_id',
      'stage',
      'response_date',
      'confidence_score',
      'knowledge_score',
      'practice_changed',
      'example_text',
    ],
  ];
  let eventNumber = 0;
  for (let day = FROM; day <= TO; day = addDays(day, 7)) {
    const month = day.getUTCMonth() + 1;
    if (month === 8) continue; // no courses in August
    for (let k = 0; k < 2; k += 1) {
      eventNumber += 1;
      const [title, type, level] = pick(random, COURSES);
      const eventDate = addDays(day, Math.floor(random() * 5));
      const id = `EV${String(eventNumber).padStart(4, '0')}`;
      const places = type === 'E_LEARNING' ? 100 : 20 + Math.floor(random() * 3) * 5;
      events.push([id, title, type, level, formatUkDate(eventDate), places]);
      const booked = Math.min(places, 8 + Math.floor(random() * (places - 4)));
      for (let b = 0; b < booked; b += 1) {
        const attendee = `P${String(1 + Math.floor(random() * 2500)).padStart(5, '0')}`;
        const r = random();
        const status = r < 0.8 ? 'ATTENDED' : r < 0.9 ? 'DNA' : r < 0.95 ? 'CANCELLED_LATE' : 'CANCELLED';
        attendance.push([id, attendee, pick(random, AGENCIES), status]);
        if (status !== 'ATTENDED' || random() < 0.3) continue;
        const pre = 1 + Math.floor(random() * 3);
        const post = Math.min(5, pre + Math.floor(random() * 3));
        evaluations.push([id, attendee, 'PRE', formatUkDate(eventDate), pre, pre, '', '']);
        evaluations.push([id, attendee, 'POST', formatUkDate(eventDate), post, Math.min(5, post + 1), '', '']);
        const followUp = addDays(eventDate, 50 + Math.floor(random() * 40));
        if (followUp <= TO && random() < 0.45) {
          const changed = pick(random, ['Y', 'Y', 'PARTLY', 'N']);
          const example =
            changed === 'N'
              ? ''
              : pick(random, [
                  'Used the neglect toolkit, at a core group',
                  'Shared concerns with the school sooner',
                  'Asked about "hidden" adults in the home',
                ]);
          evaluations.push([id, attendee, 'FOLLOW_UP', formatUkDate(followUp), post, post, changed, example]);
        }
      }
    }
  }
  return { events: events.map(csvLine), attendance: attendance.map(csvLine), evaluations: evaluations.map(csvLine) };
}

export function generateWorkforce(seed = 2023) {
  const random = createRandom(seed);
  const lines = [['agency', 'period_end', 'staff_in_scope']];
  for (const year of [2023, 2024, 2025, 2026]) {
    for (const agency of AGENCIES)
      lines.push([agency, formatUkDate(utc(year, 3, 31)), 100 + Math.floor(random() * 1900)]);
  }
  return lines.map(csvLine);
}

const ORGANISATIONS = [
  ['Fernshire County Council children’s services', 'LA_CSC'],
  ['Fernshire Constabulary', 'POLICE'],
  ['Fernshire and Vale ICB', 'ICB'],
  ['Fernshire Hospitals NHS Trust', 'HEALTH_TRUST_ACUTE'],
  ['Fernshire Community Health NHS Trust', 'HEALTH_TRUST_COMMUNITY'],
  ['Fernshire Mental Health Partnership', 'HEALTH_MH'],
  ['Probation Service (Fernshire)', 'PROBATION'],
  ['Fernshire Youth Justice Service', 'YJS'],
  ['Fernshire Homes', 'HOUSING'],
  ['Fernshire Voluntary Action', 'VCS'],
];
const SCHOOL_NAMES = [
  'Riverside Primary School',
  'Northfield Academy',
  'Eastbrook Church of England Primary',
  'Westmoor High School',
  'St Anne’s Catholic Primary',
  'Fernshire Studio School',
  'Hillside Infant School',
  'Oakwood Junior School',
];

/** Section 11 returns (8 standards a year, per partner) and Section 175 returns (schools), plus the schools list. */
export function generateCompliance(seed = 2024) {
  const random = createRandom(seed);
  const lines = [
    [
      'return_id',
      'framework',
      'organisation',
      'agency_type',
      'cycle',
      'due_date',
      'submitted_date',
      'standard_id',
      'rating',
      'action_required',
      'action_due_date',
      'action_status',
    ],
  ];
  const schools = [['urn', 'school_name', 'phase', 'school_type']];
  SCHOOL_NAMES.forEach((name, i) => {
    schools.push([
      String(110200 + i * 17),
      name,
      /High|Academy|Studio/.test(name) ? 'Secondary' : 'Primary',
      i % 2 ? 'Academy' : 'Maintained',
    ]);
  });
  for (const startYear of [2022, 2023, 2024, 2025]) {
    const cycle = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
    const due = utc(startYear, 10, 31);
    for (const [organisation, agency] of ORGANISATIONS) {
      if (random() < 0.08) continue; // not returned
      const submitted = addDays(due, Math.floor(random() * 40) - 25);
      const id = `S11-${startYear}-${agency}`;
      for (let standard = 1; standard <= 8; standard += 1) {
        const r = random() + (startYear - 2022) * 0.04;
        const rating = r < 0.12 ? 'NOT_MET' : r < 0.38 ? 'PARTIAL' : 'MET';
        const action = rating !== 'MET';
        const actionDue = addDays(due, 150);
        const status = !action ? '' : actionDue > TO ? 'OPEN' : random() < 0.8 ? 'COMPLETE' : 'OVERDUE';
        lines.push([
          id,
          'S11',
          organisation,
          agency,
          cycle,
          formatUkDate(due),
          formatUkDate(submitted),
          `S11-${standard}`,
          rating,
          action ? 'Y' : 'N',
          action ? formatUkDate(actionDue) : '',
          status,
        ]);
      }
    }
    const s175Due = utc(startYear + 1, 3, 31);
    for (const name of SCHOOL_NAMES) {
      if (startYear === 2025 || random() < 0.1) continue;
      const submitted = addDays(s175Due, Math.floor(random() * 50) - 30);
      for (let q = 1; q <= 5; q += 1) {
        const rating = random() < 0.75 ? 'MET' : 'PARTIAL';
        lines.push([
          `S175-${startYear}-${name.slice(0, 8)}`,
          'S175',
          name,
          'SCHOOL',
          `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')} academic`,
          formatUkDate(s175Due),
          formatUkDate(submitted),
          `S175-Q${q}`,
          rating,
          rating === 'MET' ? 'N' : 'Y',
          rating === 'MET' ? '' : formatUkDate(addDays(s175Due, 120)),
          rating === 'MET' ? '' : 'COMPLETE',
        ]);
      }
    }
  }
  return { returns: lines.map(csvLine), schools: schools.map(csvLine) };
}

const DOMAINS = [
  'RECOGNITION',
  'ASSESSMENT',
  'PLANNING_INTERVENTION',
  'JOINT_WORKING',
  'INFO_SHARING',
  'VOICE_OF_CHILD',
  'OVERALL',
];
const GRADES = ['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'];
const AUDIT_AGENCIES = ['LA_CSC', 'POLICE', 'ICB', 'SCHOOL', 'HEALTH_TRUST_COMMUNITY'];
const gradeOf = (q) => (q > 0.95 ? GRADES[0] : q > 0.5 ? GRADES[1] : q > 0.15 ? GRADES[2] : GRADES[3]);

/** Quarterly themed multi-agency case-file audits of six cases each, and their actions. */
export function generateAudits(seed = 2025) {
  const random = createRandom(seed);
  // A second stream, so adding the agencies' own grades left the consensus grades as they were.
  const agencyRandom = createRandom(seed + 1);
  const grades = [
    [
      'audit_id',
      'audit_theme',
      'audit_date',
      'case_id',
      'agency',
      'domain',
      'grade',
      'practitioner_involved',
      'family_feedback_obtained',
    ],
  ];
  const actions = [['audit_id', 'action_id', 'agency', 'due_date', 'completed_date', 'status']];
  const themes = ['Neglect', 'Child sexual abuse', 'Domestic abuse', 'Exploitation', 'Early help'];
  let n = 0;
  for (let date = utc(2022, 6, 15); date <= TO; date = addDays(date, 91)) {
    n += 1;
    const id = `MACFA-${String(n).padStart(2, '0')}`;
    for (let c = 1; c <= 6; c += 1) {
      const caseId = `${id}-C${c}`;
      const quality = random() + n * 0.02;
      const involved = random() < 0.6 + n * 0.015 ? 'Y' : 'N';
      const row = (agency, domain, q, feedback) => [
        id,
        themes[n % themes.length],
        formatUkDate(date),
        caseId,
        agency,
        domain,
        gradeOf(q),
        involved,
        feedback,
      ];
      for (const domain of DOMAINS) {
        const q = quality + random() * 0.4 - 0.2;
        grades.push(row('MULTI', domain, q, random() < 0.35 ? 'Y' : 'N'));
      }
      // Each agency taking part also returns its own audit tool with an overall grade (most do).
      for (const agency of AUDIT_AGENCIES) {
        if (agencyRandom() > 0.7 + n * 0.012) continue;
        grades.push(row(agency, 'OVERALL', quality + agencyRandom() * 0.5 - 0.25, 'N'));
      }
    }
    for (let a = 1; a <= 3; a += 1) {
      const due = addDays(date, 90);
      const done = random() < 0.75 ? addDays(due, Math.floor(random() * 40) - 30) : null;
      const status = done && done <= TO ? 'COMPLETE' : due < TO ? 'OVERDUE' : 'OPEN';
      actions.push([
        id,
        `${id}-A${a}`,
        pick(random, AGENCIES),
        formatUkDate(due),
        done && done <= TO ? formatUkDate(done) : '',
        status,
      ]);
    }
  }
  return { grades: grades.map(csvLine), actions: actions.map(csvLine) };
}

/** Serious incident notifications, rapid reviews (with working-day timing) and local reviews. */
export function generateReviews(seed = 2026) {
  const random = createRandom(seed);
  const reviews = [
    [
      'review_id',
      'incident_date',
      'la_aware_date',
      'notification_date',
      'rapid_review_sent_date',
      'rr_decision',
      'lcspr_decision_date',
      'lcspr_report_final_date',
      'publication_date',
      'publication_status',
      'themes',
    ],
  ];
  const recs = [['review_id', 'rec_id', 'owner_agency', 'due_date', 'status', 'completed_date', 'evidence_of_impact']];
  let n = 0;
  for (let date = addDays(FROM, 20); date <= addDays(TO, -40); date = addDays(date, 45 + Math.floor(random() * 50))) {
    n += 1;
    const id = `RR-${date.getUTCFullYear()}-${String(n).padStart(2, '0')}`;
    const aware = addDays(date, Math.floor(random() * 3));
    const notified = addDays(aware, 2 + Math.floor(random() * 7));
    const rapid = addDays(notified, 14 + Math.floor(random() * 14));
    const lcspr = random() < 0.35;
    const decision = lcspr
      ? 'LCSPR'
      : pick(random, ['NO_FURTHER_REVIEW', 'NO_FURTHER_REVIEW', 'OTHER_LEARNING_REVIEW']);
    const final = lcspr ? addDays(rapid, 150 + Math.floor(random() * 120)) : null;
    const published = final && addDays(final, 40) <= TO ? addDays(final, 40) : null;
    reviews.push([
      id,
      formatUkDate(date),
      formatUkDate(aware),
      formatUkDate(notified),
      formatUkDate(rapid),
      decision,
      lcspr ? formatUkDate(rapid) : '',
      final && final <= TO ? formatUkDate(final) : '',
      published ? formatUkDate(published) : '',
      lcspr ? (published ? 'PUBLISHED' : 'PENDING') : '',
      pick(random, [
        'Neglect; Domestic abuse',
        'Exploitation',
        'Non-accidental injury; Parental mental health',
        'Safe sleep',
      ]),
    ]);
    const count = lcspr ? 5 : 2;
    for (let r = 1; r <= count; r += 1) {
      const due = addDays(rapid, 120 + r * 30);
      const done = random() < 0.7 ? addDays(due, Math.floor(random() * 50) - 35) : null;
      const complete = done && done <= TO;
      recs.push([
        id,
        `R${r}`,
        pick(random, AGENCIES),
        formatUkDate(due),
        complete ? 'COMPLETE' : due < TO ? 'OVERDUE' : 'OPEN',
        complete ? formatUkDate(done) : '',
        complete && random() < 0.5 ? 'Y' : 'N',
      ]);
    }
  }
  return { reviews: reviews.map(csvLine), recommendations: recs.map(csvLine) };
}
