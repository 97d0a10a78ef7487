import isISO6391 from 'validator/lib/isISO6391';
import { ISO_639_1, ISO_639_1_LANGUAGES, isIso639_1 } from './languages';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const ALL_PAIRS = [...ALPHABET].flatMap((first) => [...ALPHABET].map((second) => first + second));
// Deprecated since 2021 but still in validator.js's list.
const DEPRECATED = new Set(['bh']);

describe('ISO 639-1 languages', () => {
  it('has the 183 current codes, each once, as two lower-case letters with a name', () => {
    expect(ISO_639_1_LANGUAGES).toHaveLength(183);
    expect(ISO_639_1.size).toBe(183);
    for (const language of ISO_639_1_LANGUAGES) {
      expect(language.code).toMatch(/^[a-z]{2}$/);
      expect(language.name.trim()).not.toBe('');
    }
  });

  it('agrees with validator.js on every two-letter code, but for the deprecated ones', () => {
    const disagreements = ALL_PAIRS.filter((code) => isIso639_1(code) !== (isISO6391(code) && !DEPRECATED.has(code)));
    expect(disagreements).toEqual([]);
  });

  it('names the languages of the programme', () => {
    expect(ISO_639_1.get('da')?.name).toBe('Danish');
    expect(ISO_639_1.get('en')?.name).toBe('English');
    expect(ISO_639_1.get('uk')?.name).toBe('Ukrainian');
  });

  it('refuses upper case, three-letter and deprecated codes', () => {
    expect(isIso639_1('da')).toBe(true);
    expect(isIso639_1('DA')).toBe(false);
    expect(isIso639_1('dan')).toBe(false);
    expect(isIso639_1('sh')).toBe(false);
    expect(isIso639_1('bh')).toBe(false);
    expect(isIso639_1(null)).toBe(false);
  });
});
