import {
  CefrLevel,
  isCefrLevel,
  isCountryCode,
  isDanishMunicipalityCode,
  isIscedField,
  isIscedLevel,
  isIscoUnitGroup,
  isIso639_1,
  isNaceCode,
  OrganisationKind,
} from '@cmp/contracts';

/**
 * The raw material of the demo: where the people come from, what they did before, and who
 * employs the mentors. Every code here is checked against the reference lists in
 * `@cmp/contracts` by `assertCatalogueCodes`, so a typo fails the seed before any request is sent.
 */

export interface OriginCountry {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  /** The name people use in conversation ("the UK"), for motivations. */
  readonly name: string;
  /** Languages spoken from childhood (ISO 639-1), at C2. */
  readonly nativeLanguages: readonly string[];
  /** English as learnt there: the levels a graduate typically has. */
  readonly englishLevels: readonly CefrLevel[];
  readonly givenNames: readonly string[];
  readonly familyNames: readonly string[];
  /** How often spouses from here show up in the programme, relative to the others. */
  readonly weight: number;
}

export const ORIGIN_COUNTRIES: readonly OriginCountry[] = [
  { code: 'IN', name: 'India', nativeLanguages: ['hi'], englishLevels: ['C1', 'C2'], weight: 9,
    givenNames: ['Priya', 'Ananya', 'Rahul', 'Arjun', 'Divya', 'Karthik', 'Meera', 'Vikram', 'Sneha', 'Rohan', 'Lakshmi', 'Aditya'],
    familyNames: ['Sharma', 'Iyer', 'Reddy', 'Patel', 'Nair', 'Gupta', 'Rao', 'Menon', 'Kulkarni', 'Banerjee'] },
  { code: 'CN', name: 'China', nativeLanguages: ['zh'], englishLevels: ['B1', 'B2', 'C1'], weight: 5,
    givenNames: ['Wei', 'Na', 'Xiaoming', 'Jing', 'Yan', 'Hao', 'Mei', 'Lei', 'Xin', 'Yu'],
    familyNames: ['Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu'] },
  { code: 'BR', name: 'Brazil', nativeLanguages: ['pt'], englishLevels: ['B2', 'C1'], weight: 5,
    givenNames: ['Ana', 'Beatriz', 'Lucas', 'Mariana', 'Rafael', 'Camila', 'Thiago', 'Juliana'],
    familyNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira', 'Almeida', 'Ferreira'] },
  { code: 'US', name: 'the US', nativeLanguages: ['en'], englishLevels: ['C2'], weight: 4,
    givenNames: ['Emily', 'Jessica', 'Michael', 'Sarah', 'David', 'Ashley', 'Daniel', 'Lauren'],
    familyNames: ['Johnson', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Thompson'] },
  { code: 'GB', name: 'the UK', nativeLanguages: ['en'], englishLevels: ['C2'], weight: 3,
    givenNames: ['Charlotte', 'Oliver', 'Sophie', 'James', 'Hannah', 'Thomas'],
    familyNames: ['Smith', 'Jones', 'Evans', 'Hughes', 'Clarke', 'Wright'] },
  { code: 'ES', name: 'Spain', nativeLanguages: ['es'], englishLevels: ['B2', 'C1'], weight: 4,
    givenNames: ['Lucía', 'Javier', 'Marta', 'Pablo', 'Elena', 'Carlos'],
    familyNames: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero'] },
  { code: 'IT', name: 'Italy', nativeLanguages: ['it'], englishLevels: ['B2', 'C1'], weight: 4,
    givenNames: ['Giulia', 'Marco', 'Francesca', 'Alessandro', 'Chiara', 'Luca'],
    familyNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'] },
  { code: 'PL', name: 'Poland', nativeLanguages: ['pl'], englishLevels: ['B2', 'C1'], weight: 3,
    givenNames: ['Agnieszka', 'Tomasz', 'Katarzyna', 'Piotr', 'Magdalena', 'Michał'],
    familyNames: ['Nowak', 'Wójcik', 'Mazur', 'Krawczyk', 'Zając', 'Kaczmarek'] },
  { code: 'UA', name: 'Ukraine', nativeLanguages: ['uk'], englishLevels: ['B1', 'B2', 'C1'], weight: 4,
    givenNames: ['Olena', 'Oksana', 'Andriy', 'Iryna', 'Dmytro', 'Nataliia'],
    familyNames: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk'] },
  { code: 'TR', name: 'Turkey', nativeLanguages: ['tr'], englishLevels: ['B2', 'C1'], weight: 3,
    givenNames: ['Elif', 'Zeynep', 'Mehmet', 'Ayşe', 'Emre', 'Selin'],
    familyNames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın'] },
  { code: 'IR', name: 'Iran', nativeLanguages: ['fa'], englishLevels: ['B2', 'C1'], weight: 3,
    givenNames: ['Maryam', 'Reza', 'Sara', 'Ali', 'Nazanin', 'Hossein'],
    familyNames: ['Hosseini', 'Ahmadi', 'Karimi', 'Rezaei', 'Moradi', 'Jafari'] },
  { code: 'EG', name: 'Egypt', nativeLanguages: ['ar'], englishLevels: ['B2', 'C1'], weight: 2,
    givenNames: ['Nour', 'Ahmed', 'Yasmin', 'Omar', 'Salma', 'Mostafa'],
    familyNames: ['Hassan', 'Mahmoud', 'Ibrahim', 'Farouk', 'Mansour', 'Khalil'] },
  { code: 'MX', name: 'Mexico', nativeLanguages: ['es'], englishLevels: ['B2', 'C1'], weight: 2,
    givenNames: ['Daniela', 'Alejandro', 'Fernanda', 'Diego', 'Valeria', 'José'],
    familyNames: ['Hernández', 'González', 'Ramírez', 'Flores', 'Torres', 'Morales'] },
  { code: 'DE', name: 'Germany', nativeLanguages: ['de'], englishLevels: ['C1', 'C2'], weight: 2,
    givenNames: ['Anna', 'Jonas', 'Laura', 'Felix', 'Lena', 'Tobias'],
    familyNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker'] },
  { code: 'FR', name: 'France', nativeLanguages: ['fr'], englishLevels: ['B2', 'C1'], weight: 2,
    givenNames: ['Camille', 'Julien', 'Manon', 'Antoine', 'Claire', 'Mathieu'],
    familyNames: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefebvre'] },
  { code: 'PT', name: 'Portugal', nativeLanguages: ['pt'], englishLevels: ['B2', 'C1'], weight: 2,
    givenNames: ['Inês', 'João', 'Sofia', 'Miguel', 'Rita', 'Tiago'],
    familyNames: ['Rodrigues', 'Martins', 'Sousa', 'Gomes', 'Carvalho', 'Lopes'] },
  { code: 'VN', name: 'Vietnam', nativeLanguages: ['vi'], englishLevels: ['B1', 'B2', 'C1'], weight: 2,
    givenNames: ['Linh', 'Minh', 'Trang', 'Huy', 'Thao', 'Duc'],
    familyNames: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'] },
  { code: 'PH', name: 'the Philippines', nativeLanguages: ['tl'], englishLevels: ['C1', 'C2'], weight: 2,
    givenNames: ['Kristine', 'Joy', 'Mark', 'Angelica', 'Paolo', 'Rhea'],
    familyNames: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Mendoza', 'Villanueva'] },
  { code: 'PK', name: 'Pakistan', nativeLanguages: ['ur'], englishLevels: ['C1'], weight: 2,
    givenNames: ['Ayesha', 'Usman', 'Fatima', 'Bilal', 'Hira', 'Hamza'],
    familyNames: ['Khan', 'Malik', 'Qureshi', 'Siddiqui', 'Chaudhry', 'Sheikh'] },
  { code: 'KR', name: 'South Korea', nativeLanguages: ['ko'], englishLevels: ['B1', 'B2', 'C1'], weight: 2,
    givenNames: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Hyun-woo', 'Eun-ji', 'Jae-hyun'],
    familyNames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'] },
  { code: 'JP', name: 'Japan', nativeLanguages: ['ja'], englishLevels: ['B1', 'B2'], weight: 1,
    givenNames: ['Yuki', 'Haruto', 'Aiko', 'Takeshi', 'Mei', 'Kenji'],
    familyNames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito'] },
  { code: 'CO', name: 'Colombia', nativeLanguages: ['es'], englishLevels: ['B2', 'C1'], weight: 2,
    givenNames: ['Natalia', 'Andrés', 'Carolina', 'Santiago', 'Paula', 'Felipe'],
    familyNames: ['Rodríguez', 'Gómez', 'Díaz', 'Vargas', 'Castro', 'Rojas'] },
  { code: 'NG', name: 'Nigeria', nativeLanguages: ['en', 'yo'], englishLevels: ['C2'], weight: 2,
    givenNames: ['Chiamaka', 'Oluwaseun', 'Ngozi', 'Tunde', 'Adaeze', 'Emeka'],
    familyNames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Olawale'] },
  { code: 'RO', name: 'Romania', nativeLanguages: ['ro'], englishLevels: ['B2', 'C1'], weight: 2,
    givenNames: ['Ioana', 'Andrei', 'Alexandra', 'Mihai', 'Elena', 'Radu'],
    familyNames: ['Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Marin', 'Constantin'] },
];

/** Other European languages a spouse may also have learnt, at B1–B2. */
export const SECOND_FOREIGN_LANGUAGES: readonly string[] = ['de', 'fr', 'es', 'sv', 'it', 'ru'];

/** Where international families settle: mostly Greater Copenhagen, some in the other big cities. */
export const MENTEE_MUNICIPALITIES: ReadonlyArray<readonly [code: string, weight: number]> = [
  ['101', 18], // København
  ['147', 6], // Frederiksberg
  ['157', 4], // Gentofte
  ['159', 4], // Gladsaxe (Novo Nordisk, Bagsværd)
  ['173', 5], // Lyngby-Taarbæk (DTU)
  ['230', 3], // Rudersdal
  ['190', 2], // Furesø
  ['151', 1], // Ballerup
  ['163', 1], // Herlev
  ['185', 2], // Tårnby
  ['223', 1], // Hørsholm
  ['219', 1], // Hillerød
  ['265', 1], // Roskilde
  ['326', 2], // Kalundborg (Novo Nordisk production)
  ['751', 4], // Aarhus
  ['461', 2], // Odense
  ['851', 2], // Aalborg
];

/** A line of work a spouse comes from, and where it could lead in Denmark. */
export interface CareerPath {
  /** Used in motivations: "I worked as <role>". */
  readonly role: string;
  /** ISCO-08 unit group of the job held before moving. */
  readonly lastOccupation: string;
  /** ISCO-08 unit groups to aim for, the closest first. */
  readonly targetOccupations: readonly string[];
  /** NACE Rev. 2 divisions or sections where those jobs are. */
  readonly industries: readonly string[];
  /** ISCED-F 2013 broad field of the degree. */
  readonly educationField: string;
  readonly educationLevels: readonly number[];
  readonly skills: readonly string[];
  readonly weight: number;
}

export const CAREER_PATHS: readonly CareerPath[] = [
  { role: 'a software developer', lastOccupation: '2512', targetOccupations: ['2512', '2514', '2519'], industries: ['62', '63', '21', '64'],
    educationField: '06', educationLevels: [6, 7], weight: 8,
    skills: ['TypeScript', 'Java', 'Python', 'C#', 'React', 'Node.js', 'Kubernetes', 'AWS', 'SQL', 'microservices', 'Scrum', 'CI/CD', 'Go'] },
  { role: 'a web developer', lastOccupation: '2513', targetOccupations: ['2513', '2512', '2166'], industries: ['62', '73', '58'],
    educationField: '06', educationLevels: [5, 6], weight: 3,
    skills: ['JavaScript', 'HTML/CSS', 'React', 'UX research', 'Figma', 'accessibility (WCAG)', 'design systems', 'WordPress'] },
  { role: 'a data analyst', lastOccupation: '2511', targetOccupations: ['2511', '2120', '2521'], industries: ['62', '64', '72', '21'],
    educationField: '05', educationLevels: [7], weight: 4,
    skills: ['Python', 'R', 'SQL', 'Power BI', 'machine learning', 'statistics', 'Tableau', 'data modelling'] },
  { role: 'an analytical chemist', lastOccupation: '2113', targetOccupations: ['2113', '3111', '2145'], industries: ['21', '20', '72'],
    educationField: '05', educationLevels: [7, 8], weight: 5,
    skills: ['HPLC', 'GMP', 'analytical chemistry', 'method validation', 'LC-MS', 'organic synthesis', 'lab management'] },
  { role: 'a molecular biologist', lastOccupation: '2131', targetOccupations: ['2131', '3141', '2310'], industries: ['21', '72', '86'],
    educationField: '05', educationLevels: [7, 8], weight: 4,
    skills: ['cell culture', 'PCR', 'CRISPR', 'bioinformatics', 'GLP', 'protein purification', 'flow cytometry'] },
  { role: 'a pharmacist', lastOccupation: '2262', targetOccupations: ['2262', '2113', '2433'], industries: ['21', '47', '86'],
    educationField: '09', educationLevels: [6, 7], weight: 2,
    skills: ['regulatory affairs', 'pharmacovigilance', 'GMP', 'clinical trials', 'quality assurance'] },
  { role: 'a mechanical engineer', lastOccupation: '2144', targetOccupations: ['2144', '2141', '2149'], industries: ['28', '30', '35', '71'],
    educationField: '07', educationLevels: [6, 7], weight: 4,
    skills: ['SolidWorks', 'AutoCAD', 'FEM analysis', 'lean manufacturing', 'project management', 'GD&T'] },
  { role: 'an electrical engineer', lastOccupation: '2151', targetOccupations: ['2151', '2152', '2149'], industries: ['27', '35', '26', '71'],
    educationField: '07', educationLevels: [6, 7], weight: 3,
    skills: ['power systems', 'PLC programming', 'MATLAB', 'renewable energy', 'grid integration', 'embedded systems'] },
  { role: 'a civil engineer', lastOccupation: '2142', targetOccupations: ['2142', '2164', '1323'], industries: ['71', '42', 'F'],
    educationField: '07', educationLevels: [6, 7], weight: 2,
    skills: ['structural design', 'Revit', 'BIM', 'Eurocodes', 'site supervision', 'AutoCAD'] },
  { role: 'a chemical engineer', lastOccupation: '2145', targetOccupations: ['2145', '2141', '3133'], industries: ['20', '21', '35'],
    educationField: '07', educationLevels: [6, 7], weight: 2,
    skills: ['process design', 'Aspen Plus', 'scale-up', 'GMP', 'process safety', 'Six Sigma'] },
  { role: 'a secondary school teacher', lastOccupation: '2330', targetOccupations: ['2330', '2341', '2353'], industries: ['85'],
    educationField: '01', educationLevels: [6, 7], weight: 5,
    skills: ['curriculum design', 'classroom management', 'IB programme', 'mathematics teaching', 'differentiated instruction', 'teaching English'] },
  { role: 'a preschool teacher', lastOccupation: '2342', targetOccupations: ['2342', '5311', '2341'], industries: ['85', '88'],
    educationField: '01', educationLevels: [5, 6], weight: 2,
    skills: ['Montessori', 'child development', 'parent communication', 'play-based learning'] },
  { role: 'a university lecturer', lastOccupation: '2310', targetOccupations: ['2310', '2131', '1223'], industries: ['85', '72'],
    educationField: '05', educationLevels: [8], weight: 2,
    skills: ['grant writing', 'teaching', 'scientific publishing', 'PhD supervision', 'research management'] },
  { role: 'an accountant', lastOccupation: '2411', targetOccupations: ['2411', '3313', '2413'], industries: ['69', '64', '70'],
    educationField: '04', educationLevels: [6, 7], weight: 5,
    skills: ['IFRS', 'SAP FI/CO', 'financial reporting', 'audit', 'budgeting', 'Excel', 'ACCA'] },
  { role: 'a financial analyst', lastOccupation: '2413', targetOccupations: ['2413', '2412', '1211'], industries: ['64', '66', '65'],
    educationField: '04', educationLevels: [7], weight: 2,
    skills: ['financial modelling', 'valuation', 'risk management', 'Bloomberg', 'CFA level II', 'Excel VBA'] },
  { role: 'a nurse', lastOccupation: '2221', targetOccupations: ['2221', '3221', '5321'], industries: ['86', '87'],
    educationField: '09', educationLevels: [6], weight: 4,
    skills: ['intensive care', 'patient education', 'wound care', 'electronic health records', 'geriatric care'] },
  { role: 'a medical doctor', lastOccupation: '2211', targetOccupations: ['2211', '2212', '2269'], industries: ['86', '72'],
    educationField: '09', educationLevels: [7], weight: 1,
    skills: ['internal medicine', 'clinical research', 'Good Clinical Practice', 'paediatrics'] },
  { role: 'a marketing specialist', lastOccupation: '2431', targetOccupations: ['2431', '1221', '2432'], industries: ['73', '46', '21', '47'],
    educationField: '04', educationLevels: [6, 7], weight: 5,
    skills: ['digital marketing', 'SEO', 'Google Analytics', 'brand management', 'content strategy', 'CRM', 'HubSpot'] },
  { role: 'an HR business partner', lastOccupation: '2423', targetOccupations: ['2423', '2424', '1212'], industries: ['78', '70', '21'],
    educationField: '03', educationLevels: [6, 7], weight: 3,
    skills: ['recruitment', 'onboarding', 'employer branding', 'HR analytics', 'Workday', 'labour law'] },
  { role: 'a project manager', lastOccupation: '2421', targetOccupations: ['2421', '1219', '2511'], industries: ['70', '62', '64'],
    educationField: '04', educationLevels: [6, 7], weight: 3,
    skills: ['PRINCE2', 'stakeholder management', 'process improvement', 'PMP', 'change management'] },
  { role: 'a corporate lawyer', lastOccupation: '2611', targetOccupations: ['2619', '2611', '2422'], industries: ['69', '84', 'M'],
    educationField: '04', educationLevels: [7], weight: 2,
    skills: ['contract law', 'GDPR compliance', 'EU law', 'legal research', 'negotiation'] },
  { role: 'an architect', lastOccupation: '2161', targetOccupations: ['2161', '2164', '3432'], industries: ['71', 'F'],
    educationField: '07', educationLevels: [7], weight: 2,
    skills: ['Revit', 'Rhino', 'sustainable design', 'urban planning', 'SketchUp'] },
  { role: 'a journalist', lastOccupation: '2642', targetOccupations: ['2432', '2642', '2641'], industries: ['58', '60', '73', '94'],
    educationField: '03', educationLevels: [6, 7], weight: 2,
    skills: ['copywriting', 'press relations', 'social media', 'video editing', 'storytelling'] },
  { role: 'a translator', lastOccupation: '2643', targetOccupations: ['2643', '2353', '4222'], industries: ['74', '85', '84'],
    educationField: '02', educationLevels: [6, 7], weight: 2,
    skills: ['translation', 'localisation', 'CAT tools (Trados)', 'interpreting', 'proofreading'] },
  { role: 'a supply chain planner', lastOccupation: '1324', targetOccupations: ['1324', '3323', '2421'], industries: ['46', '52', '21'],
    educationField: '04', educationLevels: [6, 7], weight: 2,
    skills: ['SAP MM', 'procurement', 'logistics', 'demand planning', 'lean'] },
  { role: 'a graphic designer', lastOccupation: '2166', targetOccupations: ['2166', '2163', '2513'], industries: ['73', '58', '90'],
    educationField: '02', educationLevels: [5, 6], weight: 2,
    skills: ['Adobe Illustrator', 'InDesign', 'branding', 'motion graphics', 'typography'] },
  { role: 'an economist', lastOccupation: '2631', targetOccupations: ['2631', '2422', '2413'], industries: ['84', '64', '72'],
    educationField: '03', educationLevels: [7, 8], weight: 1,
    skills: ['econometrics', 'Stata', 'policy analysis', 'forecasting'] },
];

/** What mentors offer beyond their trade: the topics spouses ask about most. */
export const MENTORING_TOPICS: readonly string[] = [
  'CV for the Danish market',
  'LinkedIn profile',
  'networking in Denmark',
  'job interview practice',
  'Danish workplace culture',
  'unsolicited applications',
  'salary negotiation',
  'career change',
  'starting a business in Denmark',
  'getting foreign degrees recognised',
  'learning Danish while job seeking',
];

export interface MentorRole {
  /** ISCO-08 unit group. */
  readonly occupation: string;
  /** NACE Rev. 2 division or section the mentor works in. */
  readonly industry: string;
  readonly expertise: readonly string[];
}

export interface DemoEmployer {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly emailDomain: string;
  readonly mentorCount: number;
  readonly roles: readonly MentorRole[];
  /** Where its staff live. */
  readonly municipalities: readonly string[];
}

export const COMPANY_NAME = 'Novo Nordisk';
export const UNIVERSITY_NAME = 'DTU – Technical University of Denmark';
export const MUNICIPALITY_NAME = 'Københavns Kommune';

export const DEMO_EMPLOYERS: readonly DemoEmployer[] = [
  { name: COMPANY_NAME, kind: 'company', emailDomain: 'novonordisk.example', mentorCount: 18,
    municipalities: ['159', '101', '147', '157', '173', '230', '190', '219', '326'],
    roles: [
      { occupation: '2113', industry: '21', expertise: ['analytical chemistry', 'GMP', 'quality control'] },
      { occupation: '2131', industry: '21', expertise: ['drug discovery', 'cell biology', 'lab leadership'] },
      { occupation: '2262', industry: '21', expertise: ['regulatory affairs', 'pharmacovigilance'] },
      { occupation: '2512', industry: '21', expertise: ['software engineering', 'cloud platforms', 'agile teams'] },
      { occupation: '2511', industry: '21', expertise: ['data science', 'clinical data', 'Python'] },
      { occupation: '2144', industry: '21', expertise: ['device engineering', 'design control', 'ISO 13485'] },
      { occupation: '2145', industry: '21', expertise: ['process engineering', 'scale-up', 'API manufacturing'] },
      { occupation: '1223', industry: '21', expertise: ['R&D management', 'portfolio planning', 'leadership'] },
      { occupation: '2423', industry: '21', expertise: ['recruitment', 'talent acquisition', 'onboarding'] },
      { occupation: '2431', industry: '21', expertise: ['pharma marketing', 'brand strategy', 'market access'] },
      { occupation: '2411', industry: '21', expertise: ['controlling', 'SAP', 'financial reporting'] },
      { occupation: '1324', industry: '21', expertise: ['supply chain', 'procurement', 'lean'] },
    ] },
  { name: UNIVERSITY_NAME, kind: 'university', emailDomain: 'dtu.example', mentorCount: 15,
    municipalities: ['173', '101', '230', '157', '159', '190', '223', '147'],
    roles: [
      { occupation: '2310', industry: '85', expertise: ['academic careers', 'research funding', 'teaching'] },
      { occupation: '2131', industry: '72', expertise: ['biotech research', 'lab management', 'industry collaboration'] },
      { occupation: '2144', industry: '72', expertise: ['mechanical design', 'wind energy', 'research projects'] },
      { occupation: '2151', industry: '72', expertise: ['power electronics', 'energy systems'] },
      { occupation: '2142', industry: '85', expertise: ['structural engineering', 'building physics'] },
      { occupation: '2512', industry: '85', expertise: ['research software', 'Python', 'open source'] },
      { occupation: '2120', industry: '72', expertise: ['statistics', 'machine learning', 'data analysis'] },
      { occupation: '2423', industry: '85', expertise: ['HR for internationals', 'recruitment', 'dual careers'] },
      { occupation: '2422', industry: '85', expertise: ['research administration', 'EU projects'] },
      { occupation: '1223', industry: '72', expertise: ['innovation', 'spin-outs', 'technology transfer'] },
    ] },
  { name: MUNICIPALITY_NAME, kind: 'municipality', emailDomain: 'kk.example', mentorCount: 12,
    municipalities: ['101', '147', '167', '175', '185', '253'],
    roles: [
      { occupation: '2330', industry: '85', expertise: ['Danish school system', 'teaching', 'teacher authorisation'] },
      { occupation: '2341', industry: '85', expertise: ['primary school', 'bilingual pupils'] },
      { occupation: '2342', industry: '88', expertise: ['daycare', 'pedagogy', 'child development'] },
      { occupation: '2221', industry: '86', expertise: ['nursing', 'Danish authorisation', 'elder care'] },
      { occupation: '2635', industry: '88', expertise: ['social work', 'integration', 'family counselling'] },
      { occupation: '2422', industry: '84', expertise: ['public administration', 'policy work'] },
      { occupation: '2411', industry: '84', expertise: ['public finance', 'budgeting', 'audit'] },
      { occupation: '2164', industry: '84', expertise: ['urban planning', 'climate adaptation'] },
      { occupation: '2423', industry: '84', expertise: ['public sector recruitment', 'HR'] },
      { occupation: '2511', industry: '84', expertise: ['digital services', 'IT procurement'] },
    ] },
];

export const DANISH_GIVEN_NAMES: readonly string[] = [
  'Mette', 'Lars', 'Anne', 'Søren', 'Camilla', 'Rasmus', 'Louise', 'Mads', 'Sofie', 'Jesper', 'Line', 'Anders',
  'Maria', 'Henrik', 'Katrine', 'Jens', 'Pernille', 'Thomas', 'Signe', 'Morten', 'Ida', 'Christian', 'Trine',
  'Peter', 'Helle', 'Kasper', 'Rikke', 'Nikolaj', 'Charlotte', 'Frederik',
];

export const DANISH_FAMILY_NAMES: readonly string[] = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Mortensen', 'Holm', 'Lund',
];

/** Languages Danes commonly add to Danish and English. */
export const DANISH_EXTRA_LANGUAGES: readonly string[] = ['de', 'sv', 'no', 'fr', 'es'];

/** Employers of spouses who apply directly: not partners of the programme. */
export const OTHER_EMPLOYERS: readonly string[] = [
  'Maersk', 'Ørsted', 'Vestas', 'Carlsberg', 'LEGO', 'Rigshospitalet', 'Aarhus University', 'Grundfos',
  'Danske Bank', 'the University of Copenhagen', 'Genmab', 'Netcompany',
];

/** Checks every code above against the reference lists the service validates with. */
export function assertCatalogueCodes(): void {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  for (const country of ORIGIN_COUNTRIES) {
    check(isCountryCode(country.code), `country ${country.code}`);
    country.nativeLanguages.forEach((language) => check(isIso639_1(language), `language ${language} (${country.code})`));
    country.englishLevels.forEach((level) => check(isCefrLevel(level), `CEFR level ${level} (${country.code})`));
  }
  [...SECOND_FOREIGN_LANGUAGES, ...DANISH_EXTRA_LANGUAGES, 'da', 'en'].forEach((language) => check(isIso639_1(language), `language ${language}`));
  MENTEE_MUNICIPALITIES.forEach(([code]) => check(isDanishMunicipalityCode(code), `municipality ${code}`));
  for (const path of CAREER_PATHS) {
    [path.lastOccupation, ...path.targetOccupations].forEach((code) => check(isIscoUnitGroup(code), `ISCO-08 unit group ${code} (${path.role})`));
    path.industries.forEach((code) => check(isNaceCode(code), `NACE ${code} (${path.role})`));
    check(isIscedField(path.educationField), `ISCED field ${path.educationField} (${path.role})`);
    path.educationLevels.forEach((level) => check(isIscedLevel(level), `ISCED level ${level} (${path.role})`));
  }
  for (const employer of DEMO_EMPLOYERS) {
    employer.municipalities.forEach((code) => check(isDanishMunicipalityCode(code), `municipality ${code} (${employer.name})`));
    for (const role of employer.roles) {
      check(isIscoUnitGroup(role.occupation), `ISCO-08 unit group ${role.occupation} (${employer.name})`);
      check(isNaceCode(role.industry), `NACE ${role.industry} (${employer.name})`);
    }
  }
  if (problems.length > 0) throw new Error(`the demo catalogue has codes the reference lists do not know: ${problems.join(', ')}`);
}
