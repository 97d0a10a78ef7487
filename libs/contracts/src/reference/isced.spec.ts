import { ISCED_2011_LEVELS, ISCED_F_2013_BROAD_FIELDS, iscedFieldName, isIscedField, isIscedLevel } from './isced';

describe('ISCED', () => {
  it('has the nine ISCED 2011 levels, 0 to 8', () => {
    expect(ISCED_2011_LEVELS.map((entry) => entry.level)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ISCED_2011_LEVELS[6].name).toBe("Bachelor's or equivalent level");
  });

  it('has the twelve ISCED-F 2013 broad fields, 00 to 10 and 99', () => {
    expect(ISCED_F_2013_BROAD_FIELDS.map((field) => field.code)).toEqual([
      '00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '99',
    ]);
    expect(iscedFieldName('06')).toBe('Information and Communication Technologies');
  });

  it('accepts a level only as an integer from 0 to 8', () => {
    expect(isIscedLevel(0)).toBe(true);
    expect(isIscedLevel(8)).toBe(true);
    expect(isIscedLevel(9)).toBe(false);
    expect(isIscedLevel(-1)).toBe(false);
    expect(isIscedLevel(6.5)).toBe(false);
    expect(isIscedLevel('6')).toBe(false);
  });

  it('accepts a broad field only with its two digits', () => {
    expect(isIscedField('06')).toBe(true);
    expect(isIscedField('6')).toBe(false);
    expect(isIscedField('11')).toBe(false);
    expect(isIscedField('061')).toBe(false);
  });
});
