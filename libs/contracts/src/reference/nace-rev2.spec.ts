import { isNaceCode, NACE_REV2_DIVISIONS, NACE_REV2_SECTIONS, naceSectionOf, naceTitle } from './nace-rev2';

describe('NACE Rev. 2', () => {
  it('has the 21 sections A to U, in order', () => {
    expect(NACE_REV2_SECTIONS.map((section) => section.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
  });

  it('has the 88 divisions, each listed once in ascending order', () => {
    const codes = NACE_REV2_DIVISIONS.map((division) => division.code);
    expect(codes).toHaveLength(88);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(88);
    for (const code of codes) {
      expect(code).toMatch(/^\d{2}$/);
    }
  });

  it('leaves out the codes that NACE Rev. 2 skips between sections', () => {
    const skipped = ['00', '04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89'];
    for (const code of skipped) {
      expect(isNaceCode(code)).toBe(false);
    }
  });

  it('maps every division to an existing section, and every section to at least one division', () => {
    const sections = new Set(NACE_REV2_SECTIONS.map((section) => section.code));
    expect(NACE_REV2_DIVISIONS.filter((division) => !sections.has(division.section))).toEqual([]);
    expect(new Set(NACE_REV2_DIVISIONS.map((division) => division.section))).toEqual(sections);
  });

  it('keeps each section to one unbroken run of divisions', () => {
    const runs = NACE_REV2_DIVISIONS.map((division) => division.section).filter(
      (section, index, all) => index === 0 || all[index - 1] !== section,
    );
    expect(runs.join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
  });

  it.each([
    ['01', 'A'],
    ['10', 'C'],
    ['33', 'C'],
    ['35', 'D'],
    ['62', 'J'],
    ['72', 'M'],
    ['85', 'P'],
    ['86', 'Q'],
    ['99', 'U'],
    ['J', 'J'],
  ])('puts %s in section %s', (code, section) => {
    expect(naceSectionOf(code)).toBe(section);
  });

  it('has no section for an unknown code', () => {
    expect(naceSectionOf('04')).toBeUndefined();
    expect(naceSectionOf('V')).toBeUndefined();
  });

  it('titles sections and divisions', () => {
    expect(naceTitle('J')).toBe('Information and communication');
    expect(naceTitle('62')).toBe('Computer programming, consultancy and related activities');
    expect(naceTitle('04')).toBeUndefined();
  });

  it('accepts a section letter or a division code, nothing finer or differently written', () => {
    expect(isNaceCode('J')).toBe(true);
    expect(isNaceCode('62')).toBe(true);
    expect(isNaceCode('j')).toBe(false);
    expect(isNaceCode('62.01')).toBe(false);
    expect(isNaceCode('J62')).toBe(false);
    expect(isNaceCode(62)).toBe(false);
  });
});
