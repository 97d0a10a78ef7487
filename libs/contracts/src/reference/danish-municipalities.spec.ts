import {
  DANISH_MUNICIPALITIES,
  DANISH_MUNICIPALITY_BY_CODE,
  DANISH_REGIONS,
  danishRegionOf,
  isDanishMunicipalityCode,
} from './danish-municipalities';

describe('Danish municipalities', () => {
  it('has the 98 municipalities, each code once, in order', () => {
    expect(DANISH_MUNICIPALITIES).toHaveLength(98);
    expect(DANISH_MUNICIPALITY_BY_CODE.size).toBe(98);
    const codes = DANISH_MUNICIPALITIES.map((municipality) => municipality.code);
    expect([...codes].sort()).toEqual(codes);
    for (const code of codes) {
      expect(code).toMatch(/^[1-8]\d{2}$/);
    }
  });

  it('puts 29, 17, 22, 19 and 11 municipalities in the five regions', () => {
    const inRegion = (name: string) => {
      const region = DANISH_REGIONS.find((candidate) => candidate.name === name);
      return DANISH_MUNICIPALITIES.filter((municipality) => municipality.region === region?.code).length;
    };
    expect(inRegion('Region Hovedstaden')).toBe(29);
    expect(inRegion('Region Sjælland')).toBe(17);
    expect(inRegion('Region Syddanmark')).toBe(22);
    expect(inRegion('Region Midtjylland')).toBe(19);
    expect(inRegion('Region Nordjylland')).toBe(11);
  });

  it.each([
    ['101', 'København', '1084'],
    ['147', 'Frederiksberg', '1084'],
    ['400', 'Bornholm', '1084'],
    ['265', 'Roskilde', '1085'],
    ['461', 'Odense', '1083'],
    ['630', 'Vejle', '1083'],
    ['751', 'Aarhus', '1082'],
    ['851', 'Aalborg', '1081'],
    ['860', 'Hjørring', '1081'],
  ])('names %s %s in region %s', (code, name, region) => {
    expect(DANISH_MUNICIPALITY_BY_CODE.get(code)?.name).toBe(name);
    expect(danishRegionOf(code)).toBe(region);
  });

  it('refuses Christiansø, numbers and codes no municipality has', () => {
    expect(isDanishMunicipalityCode('101')).toBe(true);
    expect(isDanishMunicipalityCode('411')).toBe(false);
    expect(isDanishMunicipalityCode(101)).toBe(false);
    expect(isDanishMunicipalityCode('0101')).toBe(false);
    expect(isDanishMunicipalityCode('102')).toBe(false);
  });
});
