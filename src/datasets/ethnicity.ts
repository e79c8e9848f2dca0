/**
 * The DfE's ethnicity categories, as the CIN census and SSDA903 code them (domain.md §2.1; Annex A
 * writes them with a letter in front, "a) WBRI", which is read as the bare code). In the DfE's order:
 * White, Mixed, Asian, Black, other groups, then refused and not yet obtained.
 */
export const ETHNICITY_LABELS = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WIRT: 'Traveller of Irish heritage',
  WOTH: 'Any other White background',
  WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean',
  BAFR: 'Black African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
} as const;

export type Ethnicity = keyof typeof ETHNICITY_LABELS;

export const ETHNICITIES = Object.keys(ETHNICITY_LABELS) as Ethnicity[];

/** Other spellings seen in extracts (keys as `normaliseCode` gives them); the labels are recognised too. */
export const ETHNICITY_ALIASES: Readonly<Record<string, Ethnicity>> = {
  WHITE_ENGLISH_WELSH_SCOTTISH_NORTHERN_IRISH_OR_BRITISH: 'WBRI',
  WHITE_IRISH_TRAVELLER: 'WIRT',
  IRISH_TRAVELLER: 'WIRT',
  GYPSY: 'WROM',
  ROMA: 'WROM',
  GYPSY_ROMA: 'WROM',
  ANY_OTHER_MIXED_MULTIPLE_ETHNIC_BACKGROUND: 'MOTH',
  INFORMATION_REFUSED: 'REFU',
  DECLINED: 'REFU',
  NOT_OBTAINED: 'NOBT',
  NOT_YET_OBTAINED: 'NOBT',
};
