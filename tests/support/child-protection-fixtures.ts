/**
 * Hand-made child protection lists (Annex A Lists 1, 3–7 and the SSD's visits), worked by hand in
 * tests/indicators/child-protection.test.ts. Children A–H; report date 31/03/2025.
 */
export const CP_CONTACTS = [
  'contact_id,child_id,contact_date,contact_source,date_of_birth,disability,ethnicity',
  'K1,A,01/05/2024,2A,01/06/2015,Y,WBRI', // referred the same day
  'K2,B,03/06/2024,6,10/10/2020,N,WBRI', // referred 7 days later
  'K3,C,03/06/2024,6,10/10/2010,N,', // referred 8 days later: outside the 7-day window
  'K4,D,15/07/2024,3A,,,', // never referred
  'K5,E,20/08/2024,2A,01/09/2008,N,', // referred the day before, not after
  'K6,F,01/03/2024,2B,,,', // 2023-24: referred the next day
];

export const CP_REFERRALS = [
  'referral_id,child_id,referral_date,referral_source',
  'R1,A,01/05/2024,2A',
  'R2,B,10/06/2024,6',
  'R3,C,11/06/2024,6',
  'R4,E,19/08/2024,2B',
  'R5,F,02/03/2024,2B',
  'R6,F,02/03/2025,3A', // R5 exactly 12 months before: a re-referral
  'R7,A,15/01/2025,2A', // R1 within 12 months: a re-referral
  'R8,G,10/04/2024,', // no source recorded
  'R9,H,05/05/2024,5A', // R10 12 months and a day before: not a re-referral
  'R10,H,04/05/2023,5A',
];

export const CP_ASSESSMENTS = [
  'assessment_id,child_id,assessment_start_date,assessment_authorised_date',
  'AS1,A,01/07/2024,03/09/2024', // 45 working days (26/08 a bank holiday)
  'AS2,B,01/07/2024,04/09/2024', // 46
  'AS3,C,01/07/2024,', // not authorised
  'AS4,D,10/02/2025,17/02/2025', // 5
];

export const CP_S47 = [
  's47_id,child_id,strategy_discussion_date,icpc_date',
  'S1,A,02/09/2024,23/09/2024', // 15 working days
  'S2,B,02/09/2024,24/09/2024', // 16
  'S3,C,01/10/2024,',
  'S4,D,20/03/2025,',
  'S5,E,11/03/2024,28/03/2024', // 2023-24: 13 working days
];

export const CP_PLANS = [
  'cp_plan_id,child_id,cp_plan_start_date,cp_plan_end_date,previous_plans,last_visit_date,seen_alone,date_of_birth,disability',
  'P1,A,01/10/2024,,0,25/03/2025,Y,01/06/2015,Y',
  'P2,B,01/06/2024,15/08/2024,0,,,,N',
  'P3,B,01/12/2024,,,10/03/2025,N,,N',
  'P4,C,15/05/2024,,2,17/03/2025,,,N',
  'P5,D,01/02/2022,,0,,,,',
  'P6,E,01/04/2021,10/05/2023,0,,,,',
  'P7,G,10/01/2025,,0,,,,',
  'P8,G,01/06/2022,05/01/2023,0,,,,',
  'P9,H,01/09/2024,20/02/2025,0,,,,',
];

export const CP_VISITS = [
  'visit_id,child_id,visit_date,seen_alone',
  'V1,A,18/12/2024,Y',
  'V2,A,27/03/2025,N',
  'V3,B,23/12/2024,Y',
  'V4,C,02/12/2024,N',
  'V5,C,20/03/2025,Y',
  'V6,H,30/12/2024,Y',
];

export const CP_CHILDREN_IN_NEED = [
  'cin_id,child_id,cin_start_date,cin_closure_date,case_status',
  'N1,A,01/05/2024,,CP_PLAN',
  'N2,B,01/06/2024,,CIN_PLAN',
  'N3,C,01/06/2024,,OPEN_ASSESSMENT',
  'N4,D,01/01/2025,31/03/2025,CIN_PLAN', // closed on the report date: not open
  'N5,E,01/06/2024,,LOOKED_AFTER',
  'N6,A,01/02/2025,,OTHER', // A's second open episode: A counts once
];

export const CP_EARLY_HELP = [
  'episode_id,child_id,assessment_start_date,episode_end_date',
  'E1,A,01/03/2024,01/08/2024', // P1 starts 61 days after it ended
  'E2,B,01/01/2024,01/02/2024', // P2 starts 121 days after
  'E3,C,01/05/2024,', // open when P4 starts
  'E4,H,01/10/2024,', // starts after P9 began
  'E5,G,01/01/2025,09/01/2025', // P7 the next day
];

/** Every list but the visits (Annex A only). */
export const CP_ANNEX_A_FILES: Record<string, string[]> = {
  'contacts.csv': CP_CONTACTS,
  'referrals.csv': CP_REFERRALS,
  'assessments.csv': CP_ASSESSMENTS,
  'section47_enquiries.csv': CP_S47,
  'child_protection_plans.csv': CP_PLANS,
  'children_in_need.csv': CP_CHILDREN_IN_NEED,
};
