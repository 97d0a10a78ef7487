import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';
import { COUNTRIES, COUNTRY_BY_CODE, isCountryCode } from './countries';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALL_PAIRS = [...ALPHABET].flatMap((first) => [...ALPHABET].map((second) => first + second));

describe('ISO 3166-1 countries', () => {
  it('has the 249 officially assigned codes, each once, in order, with a name', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(COUNTRY_BY_CODE.size).toBe(249);
    const codes = COUNTRIES.map((country) => country.code);
    expect([...codes].sort()).toEqual(codes);
    for (const country of COUNTRIES) {
      expect(country.name.trim()).not.toBe('');
    }
  });

  it('agrees with validator.js on every two-letter code', () => {
    expect(ALL_PAIRS.filter((code) => isCountryCode(code) !== isISO31661Alpha2(code))).toEqual([]);
  });

  it('names Denmark and its neighbours', () => {
    expect(COUNTRY_BY_CODE.get('DK')?.name).toBe('Denmark');
    expect(COUNTRY_BY_CODE.get('DE')?.name).toBe('Germany');
    expect(COUNTRY_BY_CODE.get('SE')?.name).toBe('Sweden');
  });

  it('refuses lower case and codes that are reserved rather than assigned', () => {
    expect(isCountryCode('dk')).toBe(false);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('EU')).toBe(false);
    expect(isCountryCode('XK')).toBe(false);
    expect(isCountryCode('DNK')).toBe(false);
  });
});
