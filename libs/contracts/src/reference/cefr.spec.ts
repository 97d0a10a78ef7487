import { CEFR_LEVELS, cefrAtLeast, cefrRank, isCefrLevel } from './cefr';

describe('CEFR levels', () => {
  it('runs from A1 to C2', () => {
    expect(CEFR_LEVELS).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    expect(CEFR_LEVELS.map(cefrRank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lets a mentee with B2 meet a B1 requirement but not a C1 one', () => {
    expect(cefrAtLeast('B2', 'B1')).toBe(true);
    expect(cefrAtLeast('B2', 'B2')).toBe(true);
    expect(cefrAtLeast('B2', 'C1')).toBe(false);
  });

  it('accepts only the six levels in upper case', () => {
    expect(isCefrLevel('C2')).toBe(true);
    expect(isCefrLevel('b2')).toBe(false);
    expect(isCefrLevel('native')).toBe(false);
    expect(isCefrLevel('C3')).toBe(false);
    expect(isCefrLevel(4)).toBe(false);
  });
});
