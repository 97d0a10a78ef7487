/**
 * UNESCO's International Standard Classification of Education: the ISCED 2011 levels of
 * education (0–8) and the ISCED-F 2013 broad fields of education and training (2-digit).
 * Levels are integers because they are ordered; field codes are strings because 00–09 keep
 * their leading zero.
 */

export type IscedLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface IscedLevelEntry {
  /** The ISCED 2011 level, 0–8. */
  readonly level: IscedLevel;
  /** The level's English name. */
  readonly name: string;
}

export interface IscedField {
  /** The ISCED-F 2013 broad field code: 2 digits, 00–10 or 99. */
  readonly code: string;
  /** The field's English name. */
  readonly name: string;
}

export const ISCED_2011_LEVELS: readonly IscedLevelEntry[] = [
  { level: 0, name: 'Early childhood education' },
  { level: 1, name: 'Primary education' },
  { level: 2, name: 'Lower secondary education' },
  { level: 3, name: 'Upper secondary education' },
  { level: 4, name: 'Post-secondary non-tertiary education' },
  { level: 5, name: 'Short-cycle tertiary education' },
  { level: 6, name: "Bachelor's or equivalent level" },
  { level: 7, name: "Master's or equivalent level" },
  { level: 8, name: 'Doctoral or equivalent level' },
];

export const ISCED_F_2013_BROAD_FIELDS: readonly IscedField[] = [
  { code: '00', name: 'Generic programmes and qualifications' },
  { code: '01', name: 'Education' },
  { code: '02', name: 'Arts and humanities' },
  { code: '03', name: 'Social sciences, journalism and information' },
  { code: '04', name: 'Business, administration and law' },
  { code: '05', name: 'Natural sciences, mathematics and statistics' },
  { code: '06', name: 'Information and Communication Technologies' },
  { code: '07', name: 'Engineering, manufacturing and construction' },
  { code: '08', name: 'Agriculture, forestry, fisheries and veterinary' },
  { code: '09', name: 'Health and welfare' },
  { code: '10', name: 'Services' },
  { code: '99', name: 'Field unknown' },
];

const FIELD_BY_CODE: ReadonlyMap<string, IscedField> = new Map(
  ISCED_F_2013_BROAD_FIELDS.map((field) => [field.code, field]),
);

/** Whether `level` is an ISCED 2011 level: an integer from 0 to 8 (not the string "6"). */
export function isIscedLevel(level: unknown): level is IscedLevel {
  return typeof level === 'number' && Number.isInteger(level) && level >= 0 && level <= 8;
}

/** Whether `code` is an ISCED-F 2013 broad field code, such as `06`. */
export function isIscedField(code: unknown): code is string {
  return typeof code === 'string' && FIELD_BY_CODE.has(code);
}

/** The name of an ISCED-F 2013 broad field, or `undefined` for an unknown code. */
export function iscedFieldName(code: string): string | undefined {
  return FIELD_BY_CODE.get(code)?.name;
}
