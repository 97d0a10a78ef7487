import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadedEventContracts } from '../index';
import { buildAsyncApiCatalogue, CATALOGUE_FILE } from './asyncapi-catalogue';

type Catalogue = {
  channels: Record<string, { address: string; messages: Record<string, unknown> }>;
  components: { messages: Record<string, { payload: object }>; schemas: Record<string, object> };
};

const workspaceRoot = join(__dirname, '..', '..', '..', '..');
const fixturesDirectory = join(__dirname, '..', 'fixtures');
const catalogue = buildAsyncApiCatalogue() as unknown as Catalogue;

describe('the AsyncAPI event catalogue', () => {
  it('is committed as generated (run `npm run catalogue` after changing a contract)', () => {
    const committed = readFileSync(join(workspaceRoot, CATALOGUE_FILE), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(catalogue)));
  });

  it('lists every published event on the channel of its topic', () => {
    const contracts = loadedEventContracts().filter((contract) => !contract.service.startsWith('sample'));
    for (const contract of contracts) {
      expect(catalogue.channels[contract.topic]?.messages).toHaveProperty([contract.type]);
    }
    expect(Object.keys(catalogue.components.messages).sort()).toEqual(contracts.map((contract) => contract.type).sort());
  });

  // The schemas are generated from the validation rules; an independent JSON Schema validator
  // accepting every fixture, and refusing a broken one, shows the translation is faithful.
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  for (const [name, schema] of Object.entries(catalogue.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
  const fixtures = readdirSync(fixturesDirectory).filter((file) => file.endsWith('.json'));

  it.each(fixtures)('%s satisfies its message schema', (file) => {
    const type = file.replace(/\.json$/, '');
    const validate = ajv.compile(catalogue.components.messages[type].payload);
    const valid = validate(JSON.parse(readFileSync(join(fixturesDirectory, file), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('refuses data its contract refuses: a missing field and a code outside its list', () => {
    const applied = JSON.parse(readFileSync(join(fixturesDirectory, 'dk.cmp.enrolment.mentee-applied.v1.json'), 'utf8'));
    const validate = ajv.compile(catalogue.components.messages['dk.cmp.enrolment.mentee-applied.v1'].payload);
    expect(validate({ ...applied, menteeId: undefined })).toBe(false);

    const outcome = JSON.parse(readFileSync(join(fixturesDirectory, 'dk.cmp.evaluation.outcome-recorded.v1.json'), 'utf8'));
    const validateOutcome = ajv.compile(catalogue.components.messages['dk.cmp.evaluation.outcome-recorded.v1'].payload);
    expect(validateOutcome({ ...outcome, occupation: 'engineer' })).toBe(false);
  });
});
