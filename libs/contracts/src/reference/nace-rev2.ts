/**
 * NACE Rev. 2, the EU's statistical classification of economic activities (Regulation (EC)
 * No 1893/2006): the 21 sections A–U and the 88 divisions beneath them. Only these two levels
 * are listed: an employer's industry is asked for at division level at most. This is Rev. 2,
 * not Rev. 2.1 (in use from 2025, with 22 sections); a move to 2.1 is a new list, not an edit.
 */

export type NaceSectionCode =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K'
  | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U';

export interface NaceSection {
  /** The section letter, A–U. */
  readonly code: NaceSectionCode;
  /** The section's English title. */
  readonly title: string;
}

export interface NaceDivision {
  /** The 2-digit division code, 01–99 with gaps. */
  readonly code: string;
  /** The division's English title. */
  readonly title: string;
  /** The letter of the section the division belongs to. */
  readonly section: NaceSectionCode;
}

export const NACE_REV2_SECTIONS: readonly NaceSection[] = [
  { code: 'A', title: 'Agriculture, forestry and fishing' },
  { code: 'B', title: 'Mining and quarrying' },
  { code: 'C', title: 'Manufacturing' },
  { code: 'D', title: 'Electricity, gas, steam and air conditioning supply' },
  { code: 'E', title: 'Water supply; sewerage, waste management and remediation activities' },
  { code: 'F', title: 'Construction' },
  { code: 'G', title: 'Wholesale and retail trade; repair of motor vehicles and motorcycles' },
  { code: 'H', title: 'Transportation and storage' },
  { code: 'I', title: 'Accommodation and food service activities' },
  { code: 'J', title: 'Information and communication' },
  { code: 'K', title: 'Financial and insurance activities' },
  { code: 'L', title: 'Real estate activities' },
  { code: 'M', title: 'Professional, scientific and technical activities' },
  { code: 'N', title: 'Administrative and support service activities' },
  { code: 'O', title: 'Public administration and defence; compulsory social security' },
  { code: 'P', title: 'Education' },
  { code: 'Q', title: 'Human health and social work activities' },
  { code: 'R', title: 'Arts, entertainment and recreation' },
  { code: 'S', title: 'Other service activities' },
  {
    code: 'T',
    title:
      'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
  },
  { code: 'U', title: 'Activities of extraterritorial organisations and bodies' },
];

// [code, title, section]
const DIVISIONS: ReadonlyArray<readonly [string, string, NaceSectionCode]> = [
  ['01', 'Crop and animal production, hunting and related service activities', 'A'],
  ['02', 'Forestry and logging', 'A'],
  ['03', 'Fishing and aquaculture', 'A'],
  ['05', 'Mining of coal and lignite', 'B'],
  ['06', 'Extraction of crude petroleum and natural gas', 'B'],
  ['07', 'Mining of metal ores', 'B'],
  ['08', 'Other mining and quarrying', 'B'],
  ['09', 'Mining support service activities', 'B'],
  ['10', 'Manufacture of food products', 'C'],
  ['11', 'Manufacture of beverages', 'C'],
  ['12', 'Manufacture of tobacco products', 'C'],
  ['13', 'Manufacture of textiles', 'C'],
  ['14', 'Manufacture of wearing apparel', 'C'],
  ['15', 'Manufacture of leather and related products', 'C'],
  [
    '16',
    'Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials',
    'C',
  ],
  ['17', 'Manufacture of paper and paper products', 'C'],
  ['18', 'Printing and reproduction of recorded media', 'C'],
  ['19', 'Manufacture of coke and refined petroleum products', 'C'],
  ['20', 'Manufacture of chemicals and chemical products', 'C'],
  ['21', 'Manufacture of basic pharmaceutical products and pharmaceutical preparations', 'C'],
  ['22', 'Manufacture of rubber and plastic products', 'C'],
  ['23', 'Manufacture of other non-metallic mineral products', 'C'],
  ['24', 'Manufacture of basic metals', 'C'],
  ['25', 'Manufacture of fabricated metal products, except machinery and equipment', 'C'],
  ['26', 'Manufacture of computer, electronic and optical products', 'C'],
  ['27', 'Manufacture of electrical equipment', 'C'],
  ['28', 'Manufacture of machinery and equipment n.e.c.', 'C'],
  ['29', 'Manufacture of motor vehicles, trailers and semi-trailers', 'C'],
  ['30', 'Manufacture of other transport equipment', 'C'],
  ['31', 'Manufacture of furniture', 'C'],
  ['32', 'Other manufacturing', 'C'],
  ['33', 'Repair and installation of machinery and equipment', 'C'],
  ['35', 'Electricity, gas, steam and air conditioning supply', 'D'],
  ['36', 'Water collection, treatment and supply', 'E'],
  ['37', 'Sewerage', 'E'],
  ['38', 'Waste collection, treatment and disposal activities; materials recovery', 'E'],
  ['39', 'Remediation activities and other waste management services', 'E'],
  ['41', 'Construction of buildings', 'F'],
  ['42', 'Civil engineering', 'F'],
  ['43', 'Specialised construction activities', 'F'],
  ['45', 'Wholesale and retail trade and repair of motor vehicles and motorcycles', 'G'],
  ['46', 'Wholesale trade, except of motor vehicles and motorcycles', 'G'],
  ['47', 'Retail trade, except of motor vehicles and motorcycles', 'G'],
  ['49', 'Land transport and transport via pipelines', 'H'],
  ['50', 'Water transport', 'H'],
  ['51', 'Air transport', 'H'],
  ['52', 'Warehousing and support activities for transportation', 'H'],
  ['53', 'Postal and courier activities', 'H'],
  ['55', 'Accommodation', 'I'],
  ['56', 'Food and beverage service activities', 'I'],
  ['58', 'Publishing activities', 'J'],
  [
    '59',
    'Motion picture, video and television programme production, sound recording and music publishing activities',
    'J',
  ],
  ['60', 'Programming and broadcasting activities', 'J'],
  ['61', 'Telecommunications', 'J'],
  ['62', 'Computer programming, consultancy and related activities', 'J'],
  ['63', 'Information service activities', 'J'],
  ['64', 'Financial service activities, except insurance and pension funding', 'K'],
  ['65', 'Insurance, reinsurance and pension funding, except compulsory social security', 'K'],
  ['66', 'Activities auxiliary to financial services and insurance activities', 'K'],
  ['68', 'Real estate activities', 'L'],
  ['69', 'Legal and accounting activities', 'M'],
  ['70', 'Activities of head offices; management consultancy activities', 'M'],
  ['71', 'Architectural and engineering activities; technical testing and analysis', 'M'],
  ['72', 'Scientific research and development', 'M'],
  ['73', 'Advertising and market research', 'M'],
  ['74', 'Other professional, scientific and technical activities', 'M'],
  ['75', 'Veterinary activities', 'M'],
  ['77', 'Rental and leasing activities', 'N'],
  ['78', 'Employment activities', 'N'],
  ['79', 'Travel agency, tour operator and other reservation service and related activities', 'N'],
  ['80', 'Security and investigation activities', 'N'],
  ['81', 'Services to buildings and landscape activities', 'N'],
  ['82', 'Office administrative, office support and other business support activities', 'N'],
  ['84', 'Public administration and defence; compulsory social security', 'O'],
  ['85', 'Education', 'P'],
  ['86', 'Human health activities', 'Q'],
  ['87', 'Residential care activities', 'Q'],
  ['88', 'Social work activities without accommodation', 'Q'],
  ['90', 'Creative, arts and entertainment activities', 'R'],
  ['91', 'Libraries, archives, museums and other cultural activities', 'R'],
  ['92', 'Gambling and betting activities', 'R'],
  ['93', 'Sports activities and amusement and recreation activities', 'R'],
  ['94', 'Activities of membership organisations', 'S'],
  ['95', 'Repair of computers and personal and household goods', 'S'],
  ['96', 'Other personal service activities', 'S'],
  ['97', 'Activities of households as employers of domestic personnel', 'T'],
  ['98', 'Undifferentiated goods- and services-producing activities of private households for own use', 'T'],
  ['99', 'Activities of extraterritorial organisations and bodies', 'U'],
];

export const NACE_REV2_DIVISIONS: readonly NaceDivision[] = DIVISIONS.map(([code, title, section]) => ({
  code,
  title,
  section,
}));

const SECTION_BY_CODE: ReadonlyMap<string, NaceSection> = new Map(
  NACE_REV2_SECTIONS.map((section) => [section.code, section]),
);
const DIVISION_BY_CODE: ReadonlyMap<string, NaceDivision> = new Map(
  NACE_REV2_DIVISIONS.map((division) => [division.code, division]),
);

/** Whether `code` is a NACE Rev. 2 section letter (A–U, upper case) or division code (01–99). */
export function isNaceCode(code: unknown): code is string {
  return typeof code === 'string' && (SECTION_BY_CODE.has(code) || DIVISION_BY_CODE.has(code));
}

/**
 * The letter of the section a NACE Rev. 2 code belongs to: a division's section, or a section
 * letter itself. `undefined` for anything that is not a NACE Rev. 2 section or division code.
 */
export function naceSectionOf(code: string): NaceSectionCode | undefined {
  const division = DIVISION_BY_CODE.get(code);
  return division ? division.section : SECTION_BY_CODE.get(code)?.code;
}

/** The title of a NACE Rev. 2 section or division, or `undefined` for an unknown code. */
export function naceTitle(code: string): string | undefined {
  return (DIVISION_BY_CODE.get(code) ?? SECTION_BY_CODE.get(code))?.title;
}
