// Deterministic synthetic extracts of the child protection system for the fictional Fernshire
// partnership: Ofsted Annex A Lists 1 and 3–7 and the SSD's visits, over the early-help sample's years.
// Every value is invented. The lists are built together from one set of children's journeys (contact →
// referral → assessment → Section 47 enquiry → initial conference → plan, with visits), so they link by
// child id as a local authority's extracts do; some children come from early-help episodes that ended in
// a step up to social care, under the same child id.
import { createRandom, formatUkDate } from './early-help-generator.mjs';

const DAY_MS = 86_400_000;
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const addDays = (date, days) => new Date(date.getTime() + days * DAY_MS);
const parseUk = (text) => {
  const [d, m, y] = text.split('/').map(Number);
  return utc(y, m, d);
};
const isWeekend = (date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;
/** Working days (Monday to Friday) after `date`; the timescales (45 days, 15 days) count these. */
function addWorkingDays(date, days) {
  let d = date;
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    if (!isWeekend(d)) left -= 1;
  }
  return d;
}
const nextWorkingDay = (date) => (isWeekend(date) ? addWorkingDays(date, 1) : date);
const csvLine = (cells) =>
  cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
function pickWeighted(random, entries) {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1][0];
}
const yearsBetween = (from, to) => {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  const before =
    to.getUTCMonth() < from.getUTCMonth() ||
    (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate());
  if (before) years -= 1;
  return years;
};

const FROM = utc(2022, 4, 1);
const TO = utc(2026, 9, 30);
const SEASONALITY = [1.05, 1.0, 1.05, 0.95, 1.05, 1.1, 0.95, 0.7, 1.1, 1.15, 1.1, 0.85];

// Who makes contacts, roughly as the CIN census has them nationally: police first, then schools and health.
const SOURCES = [
  ['6', 28],
  ['2A', 19],
  ['2B', 2],
  ['3A', 3],
  ['3B', 3],
  ['3C', 1],
  ['3D', 2],
  ['3E', 4],
  ['3F', 3],
  ['1A', 5],
  ['1B', 1],
  ['1C', 1],
  ['1D', 1],
  ['4', 2],
  ['5A', 4],
  ['5B', 2],
  ['5C', 4],
  ['5D', 3],
  ['7', 4],
  ['8', 5],
  ['9', 2],
  ['10', 1],
];
// Annex A's drop-down letters before each source code, for the rows written as Annex A writes them.
const SOURCE_WORDS = {
  '1A': ['a', 'Individual: family member, relative or carer'],
  '1B': ['b', 'Individual: acquaintance'],
  '1C': ['c', 'Individual: self'],
  '1D': ['d', 'Individual: other'],
  '2A': ['e', 'Schools'],
  '2B': ['f', 'Education services'],
  '3A': ['g', 'Health: GP'],
  '3B': ['h', 'Health: health visitor'],
  '3C': ['i', 'Health: school nurse'],
  '3D': ['j', 'Health: other primary health services'],
  '3E': ['k', 'Health: A&E'],
  '3F': ['l', 'Health: other'],
  4: ['m', 'Housing'],
  '5A': ['n', 'Local authority: social care'],
  '5B': ['o', 'Local authority: other internal departments'],
  '5C': ['p', 'Local authority: external'],
  '5D': ['q', 'Local authority: early help'],
  6: ['r', 'Police'],
  7: ['s', 'Other legal agency'],
  8: ['t', 'Other'],
  9: ['u', 'Anonymous'],
  10: ['v', 'Unknown'],
};
// A referral is likelier from some sources than others (police notifications often need no referral).
const REFERRAL_CHANCE = { 6: 0.17, '2A': 0.32, '3E': 0.3, '5D': 0.45, 9: 0.1, 10: 0.08 };
const TEAMS = ['Northfield', 'Riverside', 'Eastbrook', 'Westmoor'];
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
const CATEGORIES = [
  ['NEGLECT', 46],
  ['EMOTIONAL', 36],
  ['PHYSICAL', 8],
  ['SEXUAL', 4],
  ['MULTIPLE', 6],
];
const CATEGORY_WORDS = {
  NEGLECT: 'Neglect',
  EMOTIONAL: 'Emotional abuse',
  PHYSICAL: 'Physical abuse',
  SEXUAL: 'Sexual abuse',
  MULTIPLE: 'Multiple',
};
const PRIMARY_NEEDS = [
  ['N1 - Abuse or Neglect', 55],
  ['N2 - Child’s disability', 4],
  ['N3 - Parental disability or illness', 4],
  ['N4 - Family in acute stress', 10],
  ['N5 - Family dysfunction', 14],
  ['N6 - Socially unacceptable behaviour', 3],
  ['N7 - Low income', 1],
  ['N8 - Absent parenting', 2],
  ['N9 - Cases other than children in need', 5],
  ['N0 - Not stated', 2],
];
const CASE_STATUS_WORDS = {
  CP_PLAN: 'a) Child protection plan',
  LOOKED_AFTER: 'b) Looked after child',
  CIN_PLAN: 'c) Child in need plan',
  OPEN_ASSESSMENT: 'd) Open assessment',
  OTHER: 'e) Other',
};

export const CP_HEADERS = {
  contacts: [
    'contact_id',
    'child_id',
    'gender',
    'ethnicity',
    'date_of_birth',
    'age',
    'disability',
    'contact_date',
    'contact_source',
  ],
  referrals: [
    'referral_id',
    'child_id',
    'gender',
    'ethnicity',
    'date_of_birth',
    'age',
    'disability',
    'referral_date',
    'referral_source',
    'referral_nfa',
    'referrals_last_12_months',
    'allocated_team',
  ],
  assessments: [
    'assessment_id',
    'child_id',
    'gender',
    'ethnicity',
    'date_of_birth',
    'age',
    'disability',
    'assessment_start_date',
    'child_seen',
    'assessment_authorised_date',
    'further_action',
    'allocated_team',
  ],
  section47: [
    's47_id',
    'child_id',
    'gender',
    'ethnicity',
    'date_of_birth',
    'age',
    'disability',
    'strategy_discussion_date',
    'icpc_not_required',
    'icpc_date',
    'icpc_plan',
    's47_last_12_months',
    'icpcs_last_12_months',
    'allocated_team',
  ],
  childrenInNeed: [
    'cin_id',
    'child_id',
    'gender',
    'ethnicity',
    'date_of_birth',
    'age',
    'disability',
    'cin_start_date',
    'primary_need',
    'last_seen_date',
    'cin_closure_date',
    'closure_reason',
    'case_status',
    'allocated_team',
  ],
  plans: [
    'cp_plan_id',
    'child_id',
    'gender',
    'ethnicity',
    'date_of_birth',
    'age',
    'disability',
    'cp_plan_start_date',
    'initial_category',
    'latest_category',
    'last_visit_date',
    'seen_alone',
    'latest_review_date',
    'cp_plan_end_date',
    'emergency_protection',
    'previous_plans',
    'allocated_team',
  ],
  visits: ['visit_id', 'child_id', 'cp_plan_id', 'visit_date', 'seen_alone'],
};

/**
 * The seven lists as CSV lines (header first), from the early-help sample's lines (so that children who
 * stepped up keep their id). Record ids are numbered in date order: CT (contact), RF (referral),
 * AS (assessment), SF (Section 47), CN (child in need), CP (plan), CV (visit), each with seven digits;
 * children new to the lists are FSC5xxxxx, well after every early-help child's number.
 */
export function generateChildProtection(earlyHelpLines, seed = 20220401) {
  const random = createRandom(seed);
  const chance = (p) => random() < p;
  const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const yesNo = (value, annexA) => (annexA ? (value ? 'a) Yes' : 'b) No') : value ? 'Y' : 'N');

  let childNumber = 500_000;
  const children = [];
  const newChild = (at) => {
    childNumber += 1;
    const age = Math.min(17, Math.floor(random() * random() * 19 + random() * 4));
    const child = {
      id: `FSC${String(childNumber).padStart(6, '0')}`,
      dob: addDays(at, -(age * 365.25 + between(0, 364))),
      gender: pickWeighted(random, GENDERS),
      ethnicity: pickWeighted(random, ETHNICITIES),
      disabled: chance(0.08),
      team: TEAMS[between(0, TEAMS.length - 1)],
      priorPlans: chance(0.2) ? 1 : chance(0.08) ? 2 : 0,
      referrals: [],
      s47s: [],
      icpcs: [],
      plans: 0,
      onPlanUntil: null,
    };
    children.push(child);
    return child;
  };

  // Contacts: a steady flow with school-year seasonality; a quarter are about a child already known.
  const contacts = [];
  for (let month = FROM; month <= TO; month = utc(month.getUTCFullYear(), month.getUTCMonth() + 2, 1)) {
    const days = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
    const count = Math.round(64 * SEASONALITY[month.getUTCMonth()] * (0.9 + random() * 0.2));
    for (let i = 0; i < count; i += 1) {
      const date = nextWorkingDay(addDays(month, between(0, days - 1)));
      if (date > TO) continue;
      const known = children.filter((c) => c.dob < date && yearsBetween(c.dob, date) < 18);
      const child = known.length > 20 && chance(0.22) ? known[between(0, known.length - 1)] : newChild(date);
      contacts.push({ child, date, source: pickWeighted(random, SOURCES), mustRefer: false });
    }
  }

  // Early-help episodes that ended in a step up: the early-help lead's contact, under the same child.
  const [header, ...rows] = earlyHelpLines;
  const col = Object.fromEntries(header.split(',').map((name, i) => [name, i]));
  for (const line of rows) {
    const r = line.split(',');
    const reason = r[col.end_reason];
    if ((reason !== 'STEP_UP_CSC' && reason !== 'STEP_UP_CP') || r[col.episode_end_date] === '') continue;
    if (!chance(0.6)) continue;
    const end = parseUk(r[col.episode_end_date]);
    const date = nextWorkingDay(addDays(end, between(0, 3)));
    if (date > TO) continue;
    const start = parseUk(r[col.assessment_start_date]);
    const age = Number(r[col.age_at_start]);
    const child = {
      id: r[col.child_id],
      dob: addDays(start, -(age * 365.25 + between(0, 364))),
      gender: r[col.gender],
      ethnicity: r[col.ethnicity],
      disabled: chance(0.08),
      team: r[col.locality],
      priorPlans: chance(0.15) ? 1 : 0,
      referrals: [],
      s47s: [],
      icpcs: [],
      plans: 0,
      onPlanUntil: null,
    };
    children.push(child);
    contacts.push({ child, date, source: '5D', mustRefer: chance(0.85), stepUp: reason === 'STEP_UP_CP' });
  }

  const referrals = [];
  const assessments = [];
  const enquiries = [];
  const episodes = [];
  const plans = [];
  const visits = [];
  const countWithin = (dates, date) => dates.filter((d) => d <= date && d > addDays(date, -365)).length;

  // Contacts in date order, each perhaps leading on; re-referrals are added to the queue as they arise.
  const queue = [...contacts].sort((a, b) => a.date - b.date);
  const done = [];
  const contactDays = new Set();
  while (queue.length > 0) {
    const contact = queue.shift();
    // One contact a day per child: two would repeat a record key, which the Data quality page lists by
    // its values (the child's id among them), and the sample must name no child on any page.
    while (contactDays.has(`${contact.child.id} ${contact.date.getTime()}`)) {
      contact.date = addWorkingDays(contact.date, 1);
    }
    if (contact.date > TO) continue;
    contactDays.add(`${contact.child.id} ${contact.date.getTime()}`);
    done.push(contact);
    const { child } = contact;
    const onPlan = child.onPlanUntil !== null && child.onPlanUntil >= contact.date;
    const refers = !onPlan && (contact.mustRefer || chance(REFERRAL_CHANCE[contact.source] ?? 0.25) || contact.stepUp);
    if (!refers) continue;
    // Most referrals within a day or two of the contact; a few take the week.
    const referralDate = nextWorkingDay(addDays(contact.date, chance(0.7) ? between(0, 1) : between(2, 7)));
    if (referralDate > TO) continue;
    child.referrals.push(referralDate);
    const nfa = chance(0.09);
    const referral = { child, date: referralDate, source: contact.source, nfa };
    referral.last12 = countWithin(child.referrals, referralDate);
    referrals.push(referral);
    // About one referral in five is followed by another for the same child within the year.
    if (chance(0.2)) {
      const again = nextWorkingDay(addDays(referralDate, between(40, 340)));
      if (again <= TO) {
        const source = pickWeighted(random, SOURCES);
        const at = queue.findIndex((c) => c.date > again);
        queue.splice(at === -1 ? queue.length : at, 0, { child, date: again, source, mustRefer: true });
      }
    }
    if (nfa) continue;

    // The assessment: most authorised within 45 working days, a tail beyond.
    const start = addWorkingDays(referralDate, between(0, 3));
    if (start > TO) continue;
    const workingDays = chance(0.86) ? between(8, 45) : between(46, 85);
    const authorised = addWorkingDays(start, workingDays);
    const seeking = contact.stepUp || chance(0.26);
    const furtherAction = seeking || chance(0.6);
    assessments.push({
      child,
      start,
      seen: chance(0.96),
      authorised: authorised <= TO ? authorised : null,
      furtherAction: authorised <= TO ? furtherAction : null,
    });

    // Children in need: an episode from the referral for every child assessed as needing support.
    let plan = null;
    if (seeking) {
      const strategy = addWorkingDays(start, between(0, 8));
      if (strategy <= TO) {
        child.s47s.push(strategy);
        const conference = chance(0.52);
        const icpcDays = chance(0.8) ? between(5, 15) : between(16, 32);
        const icpc = conference ? addWorkingDays(strategy, icpcDays) : null;
        const held = icpc !== null && icpc <= TO;
        const toPlan = held && chance(0.86);
        if (held) child.icpcs.push(icpc);
        enquiries.push({
          child,
          strategy,
          notRequired: !conference,
          icpc: held ? icpc : null,
          toPlan: held ? toPlan : null,
          s47Last12: countWithin(child.s47s, strategy),
          icpcLast12: held ? countWithin(child.icpcs, icpc) : countWithin(child.icpcs, strategy),
        });
        if (toPlan) {
          // Durations: most three months to a year, some longer, a few over two years.
          const r = random();
          const days =
            r < 0.06
              ? between(60, 95)
              : r < 0.8
                ? between(96, 365)
                : r < 0.94
                  ? between(366, 730)
                  : 731 + between(0, 280);
          const end = addDays(icpc, days);
          const initial = pickWeighted(random, CATEGORIES);
          plan = {
            child,
            start: icpc,
            end: end <= TO ? end : null,
            initial,
            latest: chance(0.85) ? initial : pickWeighted(random, CATEGORIES),
            previous: child.priorPlans + child.plans,
            emergency: chance(0.04),
            visits: [],
          };
          child.plans += 1;
          child.onPlanUntil = end;
          // Statutory visits every ten working days or so; some late.
          const last = plan.end ?? TO;
          for (let v = addWorkingDays(icpc, between(3, 10)); v <= last; ) {
            plan.visits.push({ date: v, alone: chance(0.78) });
            v = addWorkingDays(v, chance(0.88) ? between(7, 10) : between(11, 22));
          }
          // Review conferences: the first within three months, then every six months.
          const reviews = [];
          for (let review = addDays(icpc, 90 - between(0, 10)); review <= last; review = addDays(review, 182)) {
            reviews.push(review);
          }
          plan.review = reviews.at(-1) ?? null;
          plans.push(plan);
          visits.push(...plan.visits.map((v) => ({ ...v, plan, child })));
        }
      }
    }
    if (furtherAction && authorised <= TO) {
      const looked = chance(0.05);
      const close = plan
        ? addDays(plan.end ?? addDays(TO, 1), between(20, 120))
        : addDays(authorised, between(60, 300));
      const closed = close <= TO;
      const lastSeen = addDays(closed ? close : TO, -between(0, 40));
      const status =
        plan && (plan.end === null || plan.end > addDays(TO, -1))
          ? 'CP_PLAN'
          : looked
            ? 'LOOKED_AFTER'
            : closed && chance(0.1)
              ? 'OTHER'
              : 'CIN_PLAN';
      episodes.push({
        child,
        start: referralDate,
        need: pickWeighted(random, PRIMARY_NEEDS),
        lastSeen: lastSeen > referralDate ? lastSeen : null,
        close: closed ? close : null,
        reason: closed
          ? pickWeighted(random, [
              ['RC6', 70],
              ['RC4', 10],
              ['RC9', 8],
              ['RC5', 3],
              ['RC3', 4],
              ['RC7', 3],
              ['RC1', 2],
            ])
          : '',
        status,
      });
    } else if (authorised > TO) {
      episodes.push({
        child,
        start: referralDate,
        need: 'N0 - Not stated',
        lastSeen: null,
        close: null,
        reason: '',
        status: 'OPEN_ASSESSMENT',
      });
    }
  }

  const person = (child, at) => [
    child.id,
    child.gender,
    child.ethnicity,
    formatUkDate(child.dob),
    String(Math.max(0, yearsBetween(child.dob, at))),
    yesNo(child.disabled, true),
  ];
  const numbered = (prefix, n) => `${prefix}${String(n).padStart(7, '0')}`;
  const byDate = (key) => (a, b) => a[key] - b[key];
  const d = (date) => (date ? formatUkDate(date) : '');
  // Half the rows write the source as a bare code, the others as Annex A does ("e) 2A: Schools").
  const sourceText = (code) => (chance(0.5) ? code : `${SOURCE_WORDS[code][0]}) ${code}: ${SOURCE_WORDS[code][1]}`);
  const team = (child) => `${child.team} Safeguarding Team`;

  const planIds = new Map();
  plans.sort(byDate('start')).forEach((plan, i) => {
    planIds.set(plan, numbered('CP', i + 1));
  });

  return {
    contacts: [
      CP_HEADERS.contacts.join(','),
      ...done
        .sort(byDate('date'))
        .map((c, i) => csvLine([numbered('CT', i + 1), ...person(c.child, c.date), d(c.date), sourceText(c.source)])),
    ],
    referrals: [
      CP_HEADERS.referrals.join(','),
      ...referrals
        .sort(byDate('date'))
        .map((r, i) =>
          csvLine([
            numbered('RF', i + 1),
            ...person(r.child, r.date),
            d(r.date),
            sourceText(r.source),
            yesNo(r.nfa, i % 2 === 0),
            String(r.last12),
            team(r.child),
          ]),
        ),
    ],
    assessments: [
      CP_HEADERS.assessments.join(','),
      ...assessments
        .sort(byDate('start'))
        .map((a, i) =>
          csvLine([
            numbered('AS', i + 1),
            ...person(a.child, a.start),
            d(a.start),
            yesNo(a.seen, i % 2 === 0),
            d(a.authorised),
            a.furtherAction === null ? '' : a.furtherAction ? 'Yes' : 'No',
            team(a.child),
          ]),
        ),
    ],
    section47: [
      CP_HEADERS.section47.join(','),
      ...enquiries
        .sort(byDate('strategy'))
        .map((e, i) =>
          csvLine([
            numbered('SF', i + 1),
            ...person(e.child, e.strategy),
            d(e.strategy),
            yesNo(e.notRequired, true),
            d(e.icpc),
            e.toPlan === null ? '' : yesNo(e.toPlan, true),
            String(e.s47Last12),
            String(e.icpcLast12),
            team(e.child),
          ]),
        ),
    ],
    childrenInNeed: [
      CP_HEADERS.childrenInNeed.join(','),
      ...episodes
        .sort(byDate('start'))
        .map((e, i) =>
          csvLine([
            numbered('CN', i + 1),
            ...person(e.child, e.start),
            d(e.start),
            e.need,
            d(e.lastSeen),
            d(e.close),
            e.reason,
            CASE_STATUS_WORDS[e.status],
            team(e.child),
          ]),
        ),
    ],
    plans: [
      CP_HEADERS.plans.join(','),
      ...plans.map((p) => {
        const last = p.visits.at(-1);
        return csvLine([
          planIds.get(p),
          ...person(p.child, p.start),
          d(p.start),
          CATEGORY_WORDS[p.initial],
          CATEGORY_WORDS[p.latest],
          d(last?.date),
          last ? yesNo(last.alone, true) : '',
          d(p.review),
          d(p.end),
          yesNo(p.emergency, true),
          String(p.previous),
          team(p.child),
        ]);
      }),
    ],
    visits: [
      CP_HEADERS.visits.join(','),
      ...visits
        .sort(byDate('date'))
        .map((v, i) =>
          csvLine([numbered('CV', i + 1), v.child.id, planIds.get(v.plan), d(v.date), yesNo(v.alone, false)]),
        ),
    ],
  };
}
