// Deterministic generator of a synthetic early-help extract for the fictional
// "Fernshire Safeguarding Children Partnership". Plain JavaScript so that both the
// sample-data script and the benchmark can run it with Node and no build step.
//
// Every value is invented. The same seed always gives byte-identical output.

/** mulberry32: a small, well-known 32-bit seeded PRNG. */
export function createRandom(seed) {
  let a = seed >>> 0;
  return function random() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted(random, entries) {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1][0];
}

const DAY_MS = 86_400_000;

function utcDate(y, m, d) {
  return new Date(Date.UTC(y, m - 1, d));
}

function addDays(date, days) {
  return new Date(date.getTime() + days * DAY_MS);
}

/** dd/mm/yyyy, as Annex A asks for. */
export function formatUkDate(date) {
  const d = String(date.getUTCDate()).padStart(2, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${d}/${m}/${date.getUTCFullYear()}`;
}

// Relative number of early-help starts per calendar month (index 0 = January):
// a dip over the summer holidays and at Christmas, a rise when schools return.
const SEASONALITY = [1.05, 1.0, 1.0, 0.95, 1.05, 1.05, 0.95, 0.7, 1.15, 1.15, 1.1, 0.8];

const LEAD_AGENCY_BEFORE = [
  ['LA_EARLY_HELP', 52],
  ['SCHOOL', 18],
  ['HEALTH_TRUST_COMMUNITY', 10],
  ['VCS', 7],
  ['LA_CSC', 6],
  ['HOUSING', 3],
  ['POLICE', 2],
  ['GP', 2],
];
// From October 2024 the (fictional) family hubs bring more partner-led early help.
const LEAD_AGENCY_AFTER = [
  ['LA_EARLY_HELP', 38],
  ['SCHOOL', 22],
  ['HEALTH_TRUST_COMMUNITY', 14],
  ['VCS', 12],
  ['LA_CSC', 6],
  ['HOUSING', 4],
  ['POLICE', 2],
  ['GP', 2],
];
const SOURCES = [
  ['SCHOOL', 30],
  ['HEALTH_TRUST_COMMUNITY', 16],
  ['POLICE', 12],
  ['LA_CSC', 12],
  ['GP', 6],
  ['VCS', 6],
  ['HOUSING', 5],
  ['OTHER', 13],
];
const END_REASONS = [
  ['NEEDS_MET', 55],
  ['STEP_UP_CSC', 12],
  ['STEP_DOWN_UNIVERSAL', 10],
  ['DISENGAGED', 8],
  ['CONSENT_WITHDRAWN', 5],
  ['MOVED_AWAY', 4],
  ['TRANSFER_OTHER_SERVICE', 3],
  ['OTHER', 3],
];
const LOCALITIES = [
  ['Northfield', 30],
  ['Riverside', 25],
  ['Eastbrook', 25],
  ['Westmoor', 20],
];
const GENDERS = [
  ['a) Male', 50],
  ['b) Female', 48],
  ['c) Not stated/recorded', 2],
];
const ETHNICITIES = [
  ['a) WBRI', 72],
  ['d) WOTH', 6],
  ['h) MWBC', 4],
  ['k) AIND', 4],
  ['l) APKN', 4],
  ['o) BAFR', 4],
  ['q) OOTH', 3],
  ['s) NOBT', 3],
];

export const EARLY_HELP_HEADER = [
  'episode_id',
  'child_id',
  'request_date',
  'assessment_start_date',
  'assessment_completion_date',
  'episode_end_date',
  'end_reason',
  'lead_agency',
  'source_of_request',
  'step_down_from_csc',
  'age_at_start',
  'gender',
  'ethnicity',
  'locality',
];

/**
 * Yields CSV lines (without newline), header first.
 * @param {{ seed?: number, from?: Date, to?: Date, startsPerMonth?: number, changeDate?: Date, changeFactor?: number }} options
 */
export function* generateEarlyHelpLines(options = {}) {
  const {
    seed = 20240401,
    from = utcDate(2022, 4, 1),
    to = utcDate(2026, 9, 30),
    startsPerMonth = 105,
    changeDate = utcDate(2024, 10, 1),
    changeFactor = 1.35,
  } = options;
  const random = createRandom(seed);
  yield EARLY_HELP_HEADER.join(',');

  let episodeNumber = 0;
  let childNumber = 0;
  // Children whose episode closed: some come back (re-referral) later.
  const returning = [];

  for (
    let monthStart = from;
    monthStart <= to;
    monthStart = utcDate(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 2, 1)
  ) {
    const year = monthStart.getUTCFullYear();
    const month = monthStart.getUTCMonth() + 1;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const after = monthStart >= changeDate;
    const expected = startsPerMonth * SEASONALITY[month - 1] * (after ? changeFactor : 1);
    // Some noise around the expected count.
    const starts = Math.max(0, Math.round(expected * (0.9 + random() * 0.2)));

    for (let i = 0; i < starts; i += 1) {
      const start = addDays(monthStart, Math.floor(random() * daysInMonth));
      if (start > to) continue;
      episodeNumber += 1;

      let child;
      const reuse = returning.length > 0 && random() < 0.08;
      if (reuse) {
        const index = Math.floor(random() * returning.length);
        const candidate = returning[index];
        if (candidate.availableFrom <= start) {
          child = candidate.child;
          returning.splice(index, 1);
        }
      }
      if (!child) {
        childNumber += 1;
        child = {
          id: `FSC${String(childNumber).padStart(6, '0')}`,
          age: Math.floor(random() * 18),
          gender: pickWeighted(random, GENDERS),
          ethnicity: pickWeighted(random, ETHNICITIES),
          locality: pickWeighted(random, LOCALITIES),
        };
      }

      const waitDays = Math.floor(random() * random() * 40);
      const request = addDays(start, -waitDays);
      const completionDays = 7 + Math.floor(random() * 35);
      const completion = addDays(start, completionDays);
      // Skewed duration: most episodes last 3-9 months.
      const duration = Math.floor(45 + random() * 120 + random() * random() * 300);
      const end = addDays(start, duration);
      const closed = end <= to;
      const endReason = closed ? pickWeighted(random, END_REASONS) : '';
      const leadAgency = pickWeighted(random, after ? LEAD_AGENCY_AFTER : LEAD_AGENCY_BEFORE);
      const source = pickWeighted(random, SOURCES);
      const stepDown = leadAgency === 'LA_CSC' || (source === 'LA_CSC' && random() < 0.5);
      const age = Math.min(17, child.age + Math.floor((start.getTime() - from.getTime()) / (365.25 * DAY_MS)));

      if (closed && (endReason === 'NEEDS_MET' || endReason === 'STEP_DOWN_UNIVERSAL') && random() < 0.3) {
        returning.push({ child, availableFrom: addDays(end, 30) });
      }

      yield [
        `EH${String(episodeNumber).padStart(7, '0')}`,
        child.id,
        formatUkDate(request),
        formatUkDate(start),
        completion <= to ? formatUkDate(completion) : '',
        closed ? formatUkDate(end) : '',
        endReason,
        leadAgency,
        source,
        stepDown ? 'Y' : 'N',
        String(age),
        child.gender,
        child.ethnicity,
        child.locality,
      ].join(',');
    }
  }
}
