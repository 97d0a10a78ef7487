import 'reflect-metadata';
import { validateSync, ValidationError } from 'class-validator';
import {
  IsCefrLevel,
  IsCountryCode,
  IsDanishMunicipalityCode,
  IsIscedField,
  IsIscedLevel,
  IsIscoCode,
  IsLanguageCode,
  IsNaceCode,
} from './reference-validators';

class MenteeProfile {
  @IsIscoCode() occupation: unknown;
  @IsIscoCode({ unitGroupOnly: true }) lastJob: unknown;
  @IsNaceCode() industry: unknown;
  @IsLanguageCode() language: unknown;
  @IsCefrLevel() danishLevel: unknown;
  @IsIscedLevel() educationLevel: unknown;
  @IsIscedField() educationField: unknown;
  @IsCountryCode() countryOfOrigin: unknown;
  @IsDanishMunicipalityCode() municipality: unknown;
}

class MenteePreferences {
  @IsIscoCode({ unitGroupOnly: true }, { each: true }) occupations: unknown;
  @IsNaceCode({ each: true }) industries: unknown;
  @IsLanguageCode({ each: true }) languages: unknown;
  @IsCefrLevel({ each: true }) levels: unknown;
  @IsIscedLevel({ each: true }) educationLevels: unknown;
  @IsIscedField({ each: true }) educationFields: unknown;
  @IsCountryCode({ each: true }) countries: unknown;
  @IsDanishMunicipalityCode({ each: true }) municipalities: unknown;
}

const validProfile = {
  occupation: '25',
  lastJob: '2512',
  industry: '62',
  language: 'da',
  danishLevel: 'B2',
  educationLevel: 7,
  educationField: '06',
  countryOfOrigin: 'IN',
  municipality: '751',
};

const validPreferences = {
  occupations: ['2512', '2511'],
  industries: ['J', '62'],
  languages: ['da', 'en'],
  levels: ['B1', 'C2'],
  educationLevels: [6, 7],
  educationFields: ['04', '06'],
  countries: ['DK', 'SE'],
  municipalities: ['101', '147'],
};

function errorsOf<T extends object>(type: new () => T, values: Record<string, unknown>): Record<string, string> {
  const instance = Object.assign(new type(), values);
  return Object.fromEntries(
    validateSync(instance).map((error: ValidationError) => [error.property, Object.values(error.constraints ?? {}).join('; ')]),
  );
}

describe('reference list validators', () => {
  it('accept a profile whose every code is on its list', () => {
    expect(errorsOf(MenteeProfile, validProfile)).toEqual({});
  });

  it.each([
    ['occupation', '2517', 'must be an ISCO-08 occupation code'],
    ['lastJob', '251', 'must be an ISCO-08 unit group code'],
    ['industry', '62.01', 'must be a NACE Rev. 2 section letter (A–U) or division code'],
    ['language', 'dan', 'must be an ISO 639-1 language code'],
    ['danishLevel', 'native', 'must be a CEFR level'],
    ['educationLevel', '7', 'must be an ISCED 2011 level'],
    ['educationField', '6', 'must be an ISCED-F 2013 broad field code'],
    ['countryOfOrigin', 'UK', 'must be an ISO 3166-1 alpha-2 country code'],
    ['municipality', 101, 'must be a Danish municipality code'],
  ])('refuse %s %p, naming the list', (property, value, message) => {
    const errors = errorsOf(MenteeProfile, { ...validProfile, [property]: value });
    expect(Object.keys(errors)).toEqual([property]);
    expect(errors[property].startsWith(`${property} ${message}`)).toBe(true);
  });

  it('report the failed constraint under a stable name', () => {
    const [error] = validateSync(Object.assign(new MenteeProfile(), { ...validProfile, lastJob: '251' }));
    expect(Object.keys(error.constraints ?? {})).toEqual(['isIscoCode']);
  });

  it('accept arrays whose every element is on the list with each: true', () => {
    expect(errorsOf(MenteePreferences, validPreferences)).toEqual({});
  });

  it.each([
    ['occupations', ['2512', '25'], 'each value in occupations must be an ISCO-08 unit group code'],
    ['industries', ['J', 'V'], 'each value in industries must be a NACE Rev. 2'],
    ['languages', ['da', 'xx'], 'each value in languages must be an ISO 639-1 language code'],
    ['levels', ['B1', 'b2'], 'each value in levels must be a CEFR level'],
    ['educationLevels', [6, 9], 'each value in educationLevels must be an ISCED 2011 level'],
    ['educationFields', ['06', '11'], 'each value in educationFields must be an ISCED-F 2013 broad field code'],
    ['countries', ['DK', 'dk'], 'each value in countries must be an ISO 3166-1 alpha-2 country code'],
    ['municipalities', ['101', '411'], 'each value in municipalities must be a Danish municipality code'],
  ])('refuse %s when one element is off the list with each: true', (property, value, message) => {
    const errors = errorsOf(MenteePreferences, { ...validPreferences, [property]: value });
    expect(Object.keys(errors)).toEqual([property]);
    expect(errors[property].startsWith(message)).toBe(true);
  });
});
