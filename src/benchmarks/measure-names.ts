/**
 * A published measure's name in words, never its column name. In this order: the label the file's own
 * metadata gives (an EES `.meta.csv` loaded beside it), else the name this list gives a well-known DfE
 * column, else the column name turned into words ("cin_rate_per_10000" → "Children in need rate per
 * 10,000"). Looked up in Maps by the column name in lower case (a column may be called anything).
 */

/** Well-known columns of the DfE's children's social care files (children in need, child protection, workforce). */
const KNOWN_LABELS = new Map<string, string>([
  // Children in need: referrals and re-referrals (table C1).
  ['referral_count', 'Referrals'],
  ['rereferral_count', 'Re-referrals within 12 months of a previous referral'],
  ['rereferral_percent', 'Re-referrals within 12 months of a previous referral (%)'],
  ['no_further_action_count', 'Referrals resulting in no further action'],
  ['no_further_action_percent', 'Referrals resulting in no further action (%)'],
  ['not_in_need_count', 'Referrals assessed as not in need'],
  ['not_in_need_percent', 'Referrals assessed as not in need (%)'],
  ['referral_child_count', 'Children referred'],
  ['rereferral_child_count', 'Children re-referred within 12 months'],
  ['rereferral_child_percent', 'Children re-referred within 12 months (%)'],
  // Children in need: episodes (table B1).
  ['anypoint_episodes', 'Episodes of need at any point in the year'],
  ['anypoint_child', 'Children in need at any point in the year'],
  ['started_episodes', 'Episodes of need started in the year'],
  ['started_child', 'Children starting an episode of need'],
  ['ended_episodes', 'Episodes of need ended in the year'],
  ['ended_child', 'Children ending an episode of need'],
  ['at31_episodes', 'Episodes of need open on 31 March'],
  // Section 47 enquiries and initial conferences (table C4).
  ['section47', 'Section 47 enquiries'],
  ['section47_child', 'Children subject to a Section 47 enquiry'],
  ['icpc', 'Initial child protection conferences'],
  ['icpc_child', 'Children subject to an initial child protection conference'],
  // Child protection plans (table D3).
  ['cpp_start', 'Child protection plans started'],
  ['cpp_subsequent', 'Child protection plans that were a second or subsequent plan'],
  ['cpp_subsequent_percent', 'Child protection plans that were a second or subsequent plan (%)'],
  // Children's social work workforce.
  ['inpost_fte', 'Children’s social workers in post (full-time equivalent)'],
  ['inpost_headcount', 'Children’s social workers in post (headcount)'],
  ['starters_fte', 'Social workers starting (full-time equivalent)'],
  ['leavers_fte', 'Social workers leaving (full-time equivalent)'],
  ['turnover_rate_fte', 'Social worker turnover rate (%, full-time equivalent)'],
  ['agency_fte', 'Agency social workers (full-time equivalent)'],
  ['agency_rate_fte', 'Agency social worker rate (%, full-time equivalent)'],
  ['vacancy_fte', 'Social worker vacancies (full-time equivalent)'],
  ['vacancy_rate_fte', 'Social worker vacancy rate (%, full-time equivalent)'],
  ['caseload_fte', 'Average caseload per case-holding social worker'],
  ['absence_rate_fte', 'Social worker sickness absence rate (%)'],
]);

/** Abbreviations in DfE column names, in words. */
const WORDS = new Map<string, string>([
  ['cin', 'children in need'],
  ['cpp', 'child protection plans'],
  ['cla', 'children looked after'],
  ['cp', 'child protection'],
  ['icpc', 'initial child protection conferences'],
  ['rcpc', 'review child protection conferences'],
  ['s47', 'Section 47'],
  ['sw', 'social worker'],
  ['la', 'local authority'],
  ['fte', '(full-time equivalent)'],
  ['percent', '(%)'],
  ['pct', '(%)'],
  ['perc', '(%)'],
  ['pc', '(%)'],
  ['count', '(number)'],
  ['num', 'number'],
  ['avg', 'average'],
  ['yr', 'year'],
  ['rereferral', 're-referral'],
  ['rereferrals', 're-referrals'],
]);

/** A number in a column name as it is read: 10000 → "10,000". */
const spelledNumber = (token: string) => (/^\d{4,}$/.test(token) ? Number(token).toLocaleString('en-GB') : token);

/** A column name in words: split at underscores, dots, hyphens and camel case; abbreviations spelled out. */
export function wordsOf(column: string): string {
  const tokens = column
    .trim()
    .replace(/(\d)-(\d)/g, '$1 to $2')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean);
  const words = tokens.map((token) => {
    const lower = token.toLowerCase();
    return WORDS.get(lower) ?? (/^[A-Z0-9]+$/.test(token) && token.length <= 4 ? token : spelledNumber(lower));
  });
  const text = words.join(' ').replace(/\s+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The name this app knows for a well-known DfE column, if any. */
export function knownLabel(column: string): string | undefined {
  return KNOWN_LABELS.get(column.trim().toLowerCase());
}

/** A measure's name in words: the file's own metadata label, else the known name, else its words. */
export function measureName(column: string, metadataLabel?: string | null): string {
  const fromFile = metadataLabel?.trim();
  return fromFile || knownLabel(column) || wordsOf(column);
}
