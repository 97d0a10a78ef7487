import { ISCO_08, ISCO_08_GROUPS, iscoCommonLevel, iscoParents, isIscoCode, isIscoUnitGroup } from './isco-08';

const atLevel = (level: number) => ISCO_08_GROUPS.filter((group) => group.level === level);

describe('ISCO-08', () => {
  it('has the 10 major, 43 sub-major, 130 minor and 436 unit groups of the ILO structure', () => {
    expect(atLevel(1)).toHaveLength(10);
    expect(atLevel(2)).toHaveLength(43);
    expect(atLevel(3)).toHaveLength(130);
    expect(atLevel(4)).toHaveLength(436);
    expect(ISCO_08.size).toBe(ISCO_08_GROUPS.length);
  });

  it('splits each major group into as many groups as the ILO publishes', () => {
    // [sub-major, minor, unit] groups per major group, from ISCO-08 volume 1.
    const expected: Record<string, [number, number, number]> = {
      '0': [3, 3, 3],
      '1': [4, 11, 31],
      '2': [6, 27, 92],
      '3': [5, 20, 84],
      '4': [4, 8, 29],
      '5': [4, 13, 40],
      '6': [3, 9, 18],
      '7': [5, 14, 66],
      '8': [3, 14, 40],
      '9': [6, 11, 33],
    };
    for (const [major, [subMajor, minor, unit]] of Object.entries(expected)) {
      const inMajor = (level: number) => atLevel(level).filter((group) => group.code.startsWith(major)).length;
      expect([major, inMajor(2), inMajor(3), inMajor(4)]).toEqual([major, subMajor, minor, unit]);
    }
  });

  it('gives every unit group an existing minor, sub-major and major group', () => {
    const orphans = atLevel(4).filter(
      ({ code }) => !ISCO_08.has(code.slice(0, 3)) || !ISCO_08.has(code.slice(0, 2)) || !ISCO_08.has(code.slice(0, 1)),
    );
    expect(orphans).toEqual([]);
  });

  it('gives every group below the major level a parent, and every group above the unit level a child', () => {
    const withoutParent = ISCO_08_GROUPS.filter(({ code }) => code.length > 1 && !ISCO_08.has(code.slice(0, -1)));
    const withoutChild = ISCO_08_GROUPS.filter(
      ({ code }) => code.length < 4 && !ISCO_08_GROUPS.some((other) => other.code.length === code.length + 1 && other.code.startsWith(code)),
    );
    expect(withoutParent).toEqual([]);
    expect(withoutChild).toEqual([]);
  });

  it('holds digit-only codes whose length is their level, each listed once, with a title', () => {
    for (const group of ISCO_08_GROUPS) {
      expect(group.code).toMatch(/^\d{1,4}$/);
      expect(group.code).toHaveLength(group.level);
      expect(group.title.trim()).not.toBe('');
    }
    expect(new Set(ISCO_08_GROUPS.map((group) => group.code)).size).toBe(ISCO_08_GROUPS.length);
  });

  it.each([
    ['2512', 'Software developers'],
    ['2511', 'Systems analysts'],
    ['2141', 'Industrial and production engineers'],
    ['0110', 'Commissioned armed forces officers'],
    ['9629', 'Elementary workers not elsewhere classified'],
    ['2221', 'Nursing professionals'],
    ['25', 'Information and communications technology professionals'],
    ['2', 'Professionals'],
  ])('titles %s "%s"', (code, title) => {
    expect(ISCO_08.get(code)?.title).toBe(title);
  });

  it('lists the ancestors of a unit group broadest first', () => {
    expect(iscoParents('2512')).toEqual(['2', '25', '251']);
    expect(iscoParents('0110')).toEqual(['0', '01', '011']);
    expect(iscoParents('251')).toEqual(['2', '25']);
    expect(iscoParents('2')).toEqual([]);
  });

  it('refuses to list ancestors of a code that is not ISCO-08', () => {
    expect(() => iscoParents('2517')).toThrow(RangeError);
  });

  it('scores two codes by the deepest group they share', () => {
    expect(iscoCommonLevel('2512', '2512')).toBe(4);
    expect(iscoCommonLevel('2512', '2514')).toBe(3);
    expect(iscoCommonLevel('2512', '2522')).toBe(2);
    expect(iscoCommonLevel('2512', '2141')).toBe(1);
    expect(iscoCommonLevel('2512', '3512')).toBe(0);
    expect(iscoCommonLevel('25', '2512')).toBe(2);
  });

  it('tells ISCO-08 codes and unit groups from look-alikes', () => {
    expect(isIscoCode('2512')).toBe(true);
    expect(isIscoCode('25')).toBe(true);
    expect(isIscoCode('2517')).toBe(false);
    expect(isIscoCode('25120')).toBe(false);
    expect(isIscoCode('')).toBe(false);
    expect(isIscoCode(2512)).toBe(false);
    expect(isIscoCode('110')).toBe(false);
    expect(isIscoUnitGroup('2512')).toBe(true);
    expect(isIscoUnitGroup('0110')).toBe(true);
    expect(isIscoUnitGroup('251')).toBe(false);
    expect(isIscoUnitGroup(undefined)).toBe(false);
  });
});
