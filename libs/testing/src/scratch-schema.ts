import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testInfrastructure } from './test-infrastructure';

export interface ScratchSchema {
  readonly name: string;
  /** Admin URL of the test database; pair it with `name` as the search path. */
  readonly databaseUrl: string;
  drop(): Promise<void>;
}

/** A unique lower-case suffix for names of schemas, topics, groups and event types in one test. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex').replace(/^[0-9]/, 'x');
}

/**
 * A fresh schema for one test, so tests never see each other's rows and leave nothing behind.
 * Service schemas and roles stay untouched.
 */
export async function createScratchSchema(prefix: string): Promise<ScratchSchema> {
  const { databaseUrl } = testInfrastructure();
  const name = `${prefix}_${uniqueSuffix()}`.replace(/[^a-z0-9_]/g, '_');
  await withAdmin(databaseUrl, (client) => client.query(`CREATE SCHEMA "${name}"`));
  return {
    name,
    databaseUrl,
    drop: () => withAdmin(databaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)).then(() => undefined),
  };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
