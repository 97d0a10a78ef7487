/**
 * Denmark's 98 municipalities (kommuner) since the 2007 reform, with their official 3-digit
 * municipality codes (kommunekoder) and the region each lies in. Christiansø (411) is governed
 * by the state, not a municipality, and is left out. "Nearby" is approximated by the same
 * region: coarse (Region Hovedstaden includes Bornholm), but free of distance data.
 */

export type DanishRegionCode = '1081' | '1082' | '1083' | '1084' | '1085';

export interface DanishRegion {
  /** The official 4-digit region code. */
  readonly code: DanishRegionCode;
  /** The region's official Danish name. */
  readonly name: string;
}

export interface DanishMunicipality {
  /** The official 3-digit municipality code, e.g. `101` for København. */
  readonly code: string;
  /** The municipality's Danish name, without "Kommune". */
  readonly name: string;
  /** The code of the region the municipality lies in. */
  readonly region: DanishRegionCode;
}

export const DANISH_REGIONS: readonly DanishRegion[] = [
  { code: '1081', name: 'Region Nordjylland' },
  { code: '1082', name: 'Region Midtjylland' },
  { code: '1083', name: 'Region Syddanmark' },
  { code: '1084', name: 'Region Hovedstaden' },
  { code: '1085', name: 'Region Sjælland' },
];

const HOVEDSTADEN = '1084';
const SJAELLAND = '1085';
const SYDDANMARK = '1083';
const MIDTJYLLAND = '1082';
const NORDJYLLAND = '1081';

const MUNICIPALITY_ROWS: ReadonlyArray<readonly [code: string, name: string, region: DanishRegionCode]> = [
  ['101', 'København', HOVEDSTADEN],
  ['147', 'Frederiksberg', HOVEDSTADEN],
  ['151', 'Ballerup', HOVEDSTADEN],
  ['153', 'Brøndby', HOVEDSTADEN],
  ['155', 'Dragør', HOVEDSTADEN],
  ['157', 'Gentofte', HOVEDSTADEN],
  ['159', 'Gladsaxe', HOVEDSTADEN],
  ['161', 'Glostrup', HOVEDSTADEN],
  ['163', 'Herlev', HOVEDSTADEN],
  ['165', 'Albertslund', HOVEDSTADEN],
  ['167', 'Hvidovre', HOVEDSTADEN],
  ['169', 'Høje-Taastrup', HOVEDSTADEN],
  ['173', 'Lyngby-Taarbæk', HOVEDSTADEN],
  ['175', 'Rødovre', HOVEDSTADEN],
  ['183', 'Ishøj', HOVEDSTADEN],
  ['185', 'Tårnby', HOVEDSTADEN],
  ['187', 'Vallensbæk', HOVEDSTADEN],
  ['190', 'Furesø', HOVEDSTADEN],
  ['201', 'Allerød', HOVEDSTADEN],
  ['210', 'Fredensborg', HOVEDSTADEN],
  ['217', 'Helsingør', HOVEDSTADEN],
  ['219', 'Hillerød', HOVEDSTADEN],
  ['223', 'Hørsholm', HOVEDSTADEN],
  ['230', 'Rudersdal', HOVEDSTADEN],
  ['240', 'Egedal', HOVEDSTADEN],
  ['250', 'Frederikssund', HOVEDSTADEN],
  ['253', 'Greve', SJAELLAND],
  ['259', 'Køge', SJAELLAND],
  ['260', 'Halsnæs', HOVEDSTADEN],
  ['265', 'Roskilde', SJAELLAND],
  ['269', 'Solrød', SJAELLAND],
  ['270', 'Gribskov', HOVEDSTADEN],
  ['306', 'Odsherred', SJAELLAND],
  ['316', 'Holbæk', SJAELLAND],
  ['320', 'Faxe', SJAELLAND],
  ['326', 'Kalundborg', SJAELLAND],
  ['329', 'Ringsted', SJAELLAND],
  ['330', 'Slagelse', SJAELLAND],
  ['336', 'Stevns', SJAELLAND],
  ['340', 'Sorø', SJAELLAND],
  ['350', 'Lejre', SJAELLAND],
  ['360', 'Lolland', SJAELLAND],
  ['370', 'Næstved', SJAELLAND],
  ['376', 'Guldborgsund', SJAELLAND],
  ['390', 'Vordingborg', SJAELLAND],
  ['400', 'Bornholm', HOVEDSTADEN],
  ['410', 'Middelfart', SYDDANMARK],
  ['420', 'Assens', SYDDANMARK],
  ['430', 'Faaborg-Midtfyn', SYDDANMARK],
  ['440', 'Kerteminde', SYDDANMARK],
  ['450', 'Nyborg', SYDDANMARK],
  ['461', 'Odense', SYDDANMARK],
  ['479', 'Svendborg', SYDDANMARK],
  ['480', 'Nordfyns', SYDDANMARK],
  ['482', 'Langeland', SYDDANMARK],
  ['492', 'Ærø', SYDDANMARK],
  ['510', 'Haderslev', SYDDANMARK],
  ['530', 'Billund', SYDDANMARK],
  ['540', 'Sønderborg', SYDDANMARK],
  ['550', 'Tønder', SYDDANMARK],
  ['561', 'Esbjerg', SYDDANMARK],
  ['563', 'Fanø', SYDDANMARK],
  ['573', 'Varde', SYDDANMARK],
  ['575', 'Vejen', SYDDANMARK],
  ['580', 'Aabenraa', SYDDANMARK],
  ['607', 'Fredericia', SYDDANMARK],
  ['615', 'Horsens', MIDTJYLLAND],
  ['621', 'Kolding', SYDDANMARK],
  ['630', 'Vejle', SYDDANMARK],
  ['657', 'Herning', MIDTJYLLAND],
  ['661', 'Holstebro', MIDTJYLLAND],
  ['665', 'Lemvig', MIDTJYLLAND],
  ['671', 'Struer', MIDTJYLLAND],
  ['706', 'Syddjurs', MIDTJYLLAND],
  ['707', 'Norddjurs', MIDTJYLLAND],
  ['710', 'Favrskov', MIDTJYLLAND],
  ['727', 'Odder', MIDTJYLLAND],
  ['730', 'Randers', MIDTJYLLAND],
  ['740', 'Silkeborg', MIDTJYLLAND],
  ['741', 'Samsø', MIDTJYLLAND],
  ['746', 'Skanderborg', MIDTJYLLAND],
  ['751', 'Aarhus', MIDTJYLLAND],
  ['756', 'Ikast-Brande', MIDTJYLLAND],
  ['760', 'Ringkøbing-Skjern', MIDTJYLLAND],
  ['766', 'Hedensted', MIDTJYLLAND],
  ['773', 'Morsø', NORDJYLLAND],
  ['779', 'Skive', MIDTJYLLAND],
  ['787', 'Thisted', NORDJYLLAND],
  ['791', 'Viborg', MIDTJYLLAND],
  ['810', 'Brønderslev', NORDJYLLAND],
  ['813', 'Frederikshavn', NORDJYLLAND],
  ['820', 'Vesthimmerlands', NORDJYLLAND],
  ['825', 'Læsø', NORDJYLLAND],
  ['840', 'Rebild', NORDJYLLAND],
  ['846', 'Mariagerfjord', NORDJYLLAND],
  ['849', 'Jammerbugt', NORDJYLLAND],
  ['851', 'Aalborg', NORDJYLLAND],
  ['860', 'Hjørring', NORDJYLLAND],
];

/** Every Danish municipality, ordered by code. */
export const DANISH_MUNICIPALITIES: readonly DanishMunicipality[] = MUNICIPALITY_ROWS.map(([code, name, region]) => ({
  code,
  name,
  region,
}));

/** Danish municipalities by their 3-digit code. */
export const DANISH_MUNICIPALITY_BY_CODE: ReadonlyMap<string, DanishMunicipality> = new Map(
  DANISH_MUNICIPALITIES.map((municipality) => [municipality.code, municipality]),
);

/** Whether `code` is the 3-digit code of a Danish municipality, as a string (`'101'`, not `101`). */
export function isDanishMunicipalityCode(code: unknown): code is string {
  return typeof code === 'string' && DANISH_MUNICIPALITY_BY_CODE.has(code);
}

/** The region a municipality lies in, or `undefined` for an unknown code. */
export function danishRegionOf(code: string): DanishRegionCode | undefined {
  return DANISH_MUNICIPALITY_BY_CODE.get(code)?.region;
}
