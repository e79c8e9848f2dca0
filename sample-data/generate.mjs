#!/usr/bin/env node
// Regenerates the committed sample data. Deterministic: running it twice gives identical files.
//   npm run sample-data
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChildProtection } from './child-protection-generator.mjs';
import { createRandom, generateEarlyHelpLines } from './early-help-generator.mjs';
import {
  generateAudits,
  generateCompliance,
  generateReviews,
  generateTraining,
  generateWorkforce,
} from './partnership-generator.mjs';

const here = dirname(fileURLToPath(import.meta.url));
/** Writes CSV lines (joined with CRLF, as Excel does), or bytes as they are. */
const write = (name, content) => {
  const path = join(here, name);
  mkdirSync(dirname(path), { recursive: true });
  const bytes = Array.isArray(content) ? `${content.join('\r\n')}\r\n` : content;
  writeFileSync(path, bytes);
  console.log(`${name}: ${Array.isArray(content) ? `${content.length - 1} rows` : `${content.length} bytes`}`);
};

const earlyHelp = [...generateEarlyHelpLines()];
write('early_help_episodes.csv', earlyHelp);
const training = generateTraining();
write('training_events.csv', training.events);
write('training_attendance.csv', training.attendance);
write('training_evaluations.csv', training.evaluations);
write('workforce.csv', generateWorkforce());
const compliance = generateCompliance();
write('compliance_returns.csv', compliance.returns);
write('schools.csv', compliance.schools);
const audits = generateAudits();
write('audit_grades.csv', audits.grades);
write('audit_actions.csv', audits.actions);
const reviews = generateReviews();
write('practice_reviews.csv', reviews.reviews);
write('review_recommendations.csv', reviews.recommendations);
const cp = generateChildProtection(earlyHelp);
write('contacts.csv', cp.contacts);
write('referrals.csv', cp.referrals);
write('assessments.csv', cp.assessments);
write('section47_enquiries.csv', cp.section47);
write('children_in_need.csv', cp.childrenInNeed);
write('child_protection_plans.csv', cp.plans);
write('cp_visits.csv', cp.visits);

// Deliberately awkward files, each like something a partner really sends (see messy/README.md).
const random = createRandom(99);
const rows = earlyHelp.slice(1, 121).map((line) => line.split(','));
const col = Object.fromEntries(earlyHelp[0].split(',').map((name, i) => [name, i]));
const get = (row, name) => row[col[name]];

/** Text → Windows-1252 bytes (the few characters used here outside ASCII). */
const cp1252 = (text) =>
  Buffer.from([...text].map((ch) => ({ '’': 0x92, '–': 0x96, '£': 0xa3, é: 0xe9 })[ch] ?? ch.charCodeAt(0)));

// 1. Excel "CSV" on a Windows PC set to a European list separator: semicolons, Windows-1252.
write(
  'messy/early_help_windows1252_semicolons.csv',
  cp1252(
    `${[
      'Child ID;Assessment Start Date;Episode End Date;Lead Agency;Locality;Notes',
      ...rows
        .slice(0, 40)
        .map((r) =>
          [
            get(r, 'child_id'),
            get(r, 'assessment_start_date'),
            get(r, 'episode_end_date'),
            get(r, 'lead_agency'),
            get(r, 'locality') === 'Riverside' ? 'King’s Riverside' : get(r, 'locality'),
            random() < 0.25 ? 'Family support £50 grant – paid' : '',
          ].join(';'),
        ),
    ].join('\r\n')}\r\n`,
  ),
);

// 2. An Annex A List 2 sheet saved as CSV: the list title above the header, Annex A codes,
//    Excel-computed fractional ages, organisation names instead of agency codes.
const ORGANISATIONS = [
  'Health Visiting Team',
  'Top Town Academy',
  'Early Help Locality 2',
  'Police',
  'Family Hub North',
];
write('messy/annex_a_list_2_saved_as_csv.csv', [
  'List 2: Early Help,,,,,,,',
  'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Assessment start date,Assessment completion date,Organisation completing assessment',
  ...rows
    .slice(40, 70)
    .map((r) =>
      [
        get(r, 'child_id'),
        get(r, 'gender'),
        get(r, 'ethnicity'),
        '01/01/2015',
        (Number(get(r, 'age_at_start')) + random()).toFixed(6),
        get(r, 'assessment_start_date'),
        get(r, 'assessment_completion_date'),
        ORGANISATIONS[Math.floor(random() * ORGANISATIONS.length)],
      ].join(','),
    ),
]);

// 3. Hand-edited dates and other slips: an impossible date, a US date, "TBC", two-digit years, #N/A,
//    padded values, a blank line and Excel's trailing empty columns.
const slips = rows.slice(70, 100).map((r, i) => {
  let startDate = get(r, 'assessment_start_date');
  if (i === 3) startDate = '31/02/2024';
  if (i === 7) startDate = '02/13/2024';
  if (i === 11) startDate = 'TBC';
  if (i % 5 === 1) startDate = startDate.replace(/\/20(\d\d)$/, '/$1');
  const endDate = i === 13 ? '#N/A' : get(r, 'episode_end_date');
  return [get(r, 'child_id'), ` ${startDate} `, endDate, i === 17 ? '' : get(r, 'lead_agency'), '', ''].join(',');
});
write('messy/early_help_bad_dates.csv', [
  'child_id,assessment_start_date,episode_end_date,lead_agency,,',
  ...slips.slice(0, 15),
  '',
  ...slips.slice(15),
]);

// 4. End reasons in a case management system's own words: some are recognised, the others need
//    mapping to the standard list (NEEDS_MET, STEP_UP_CSC, …).
const LOCAL_REASONS = {
  NEEDS_MET: 'Outcomes achieved',
  STEP_UP_CSC: 'Escalated to social care',
  STEP_DOWN_UNIVERSAL: 'Closed - universal services',
  DISENGAGED: 'Family did not engage',
  CONSENT_WITHDRAWN: 'Consent withdrawn',
  MOVED_AWAY: 'Moved out of area',
  TRANSFER_OTHER_SERVICE: 'Transferred to another service',
  OTHER: 'Other',
};
write('messy/early_help_local_end_reasons.csv', [
  'earl_episode_id,earl_person_id,earl_episode_start_date,earl_episode_end_date,earl_episode_end_reason,earl_episode_organisation',
  ...rows
    .slice(100, 120)
    .filter((r) => get(r, 'end_reason') !== '')
    .map((r) =>
      [
        get(r, 'episode_id'),
        get(r, 'child_id'),
        `${get(r, 'assessment_start_date').split('/').reverse().join('-')} 00:00:00`,
        `${get(r, 'episode_end_date').split('/').reverse().join('-')} 00:00:00`,
        LOCAL_REASONS[get(r, 'end_reason')],
        get(r, 'lead_agency'),
      ].join(','),
    ),
]);

// 5. Slips in optional columns: a request date of "tbc", an age in words or out of range, a Y/N
//    column saying "maybe", an end date of "ongoing" — each row loads with that cell left empty and
//    a warning — and one start date of "tbc", which is required: that row alone is rejected.
//    Ethnicity is written three ways (Annex A, the bare code, the DfE's words), once in a local way.
const ETHNICITY_WORDS = {
  WBRI: 'White British',
  WOTH: 'Any other White background',
  MWBC: 'White and Black Caribbean',
  AIND: 'Indian',
  APKN: 'Pakistani',
  BAFR: 'Black African',
  OOTH: 'Any other ethnic group',
  NOBT: 'Information not yet obtained',
};
const optional = earlyHelp.slice(121, 145).map((line, i) => {
  const r = line.split(',');
  const code = get(r, 'ethnicity').replace(/^[a-z]\) /, '');
  const ethnicity = [ETHNICITY_WORDS[code], code, get(r, 'ethnicity')][i % 3];
  return [
    get(r, 'episode_id'),
    get(r, 'child_id'),
    i % 6 === 1 ? 'tbc' : get(r, 'request_date'),
    i === 13 ? 'tbc' : get(r, 'assessment_start_date'),
    i === 15 ? 'ongoing' : get(r, 'episode_end_date'),
    get(r, 'end_reason'),
    get(r, 'lead_agency'),
    { 2: 'twelve', 5: '30' }[i] ?? get(r, 'age_at_start'),
    i === 8 ? 'maybe' : get(r, 'step_down_from_csc'),
    get(r, 'gender'),
    i === 19 ? 'Mixed - other' : ethnicity,
  ].join(',');
});
write('messy/early_help_bad_optional_cells.csv', [
  'episode_id,child_id,request_date,assessment_start_date,episode_end_date,end_reason,lead_agency,age_at_start,step_down_from_csc,gender,ethnicity',
  ...optional,
]);
