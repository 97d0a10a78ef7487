// Integration test of infra/postgres: applies apply.sh to the test database itself (so it does
// not depend on the global set-up), then checks schema isolation between every pair of service
// roles against the real server. One connection per role, reused by every case.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

const SERVICES = ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation', 'gateway'] as const;
type Service = (typeof SERVICES)[number];

const APPLY_SCRIPT = join(__dirname, '..', '..', 'infra', 'postgres', 'apply.sh');
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.CMP_TEST_DB_NAME ?? 'cmp_test';
const PERMISSION_DENIED = { code: '42501', message: expect.stringMatching(/permission denied/) };

// Unique per run, so parallel runs on the same database never see each other's tables.
const PROBE = `roles_probe_${process.pid}_${Date.now().toString(36)}`;
const PAIRS: Array<[Service, Service]> = SERVICES.flatMap((a) =>
  SERVICES.filter((b) => b !== a).map((b): [Service, Service] => [a, b]),
);

function passwordOf(service: Service): string {
  return process.env[`CMP_DB_PASSWORD_${service.toUpperCase()}`] ?? `cmp_${service}`;
}

/** The admin URL with the test database and, optionally, another user. */
function urlFor(user?: { name: string; password: string }): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${encodeURIComponent(DB_NAME)}`;
  if (user) {
    url.username = encodeURIComponent(user.name);
    url.password = encodeURIComponent(user.password);
  }
  return url.toString();
}

function applyRoles(): string {
  return execFileSync('bash', [APPLY_SCRIPT], {
    env: { ...process.env, CMP_DB_NAME: DB_NAME },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('infra/postgres roles and schemas', () => {
  const clients = new Map<Service, Client>();
  let admin: Client;

  const as = (service: Service): Client => {
    const client = clients.get(service);
    if (!client) throw new Error(`no connection for cmp_${service}`);
    return client;
  };

  beforeAll(async () => {
    applyRoles();
    admin = new Client({ connectionString: urlFor() });
    await admin.connect();
    await Promise.all(
      SERVICES.map(async (service) => {
        const client = new Client({
          connectionString: urlFor({ name: `cmp_${service}`, password: passwordOf(service) }),
        });
        await client.connect();
        clients.set(service, client);
        // Unqualified on purpose: the role's search_path must put it in its own schema.
        await client.query(`CREATE TABLE ${PROBE} (id int PRIMARY KEY, note text)`);
        await client.query(`INSERT INTO ${PROBE} VALUES (1, $1)`, [service]);
      }),
    );
    // A table in public that every role would be allowed to read, if it could reach public.
    await admin.query(`CREATE TABLE public.${PROBE} (id int)`);
    await admin.query(`GRANT SELECT ON public.${PROBE} TO PUBLIC`);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(SERVICES.map((s) => clients.get(s)?.query(`DROP TABLE IF EXISTS ${PROBE}`)));
    await admin?.query(`DROP TABLE IF EXISTS public.${PROBE}`);
    await Promise.allSettled([...clients.values()].map((client) => client.end()));
    await admin?.end();
  });

  it('applies again without error and says what it did', () => {
    expect(applyRoles()).toMatch(new RegExp(`database ${DB_NAME} \\(existed\\)`));
  }, 60_000);

  it('gives every role login without any elevated attribute', async () => {
    const { rows } = await admin.query(
      `SELECT rolname, rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls
         FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
      [SERVICES.map((s) => `cmp_${s}`)],
    );
    expect(rows).toHaveLength(SERVICES.length);
    for (const row of rows) {
      expect(row).toMatchObject({
        rolcanlogin: true,
        rolsuper: false,
        rolcreatedb: false,
        rolcreaterole: false,
        rolbypassrls: false,
      });
    }
  });

  it('grants nothing to PUBLIC on the database or on schema public', async () => {
    const { rows } = await admin.query(
      `SELECT 'database' AS what, acl.privilege_type
         FROM pg_database d, aclexplode(d.datacl) acl
        WHERE d.datname = current_database() AND acl.grantee = 0
       UNION ALL
       SELECT 'schema public', acl.privilege_type
         FROM pg_namespace n, aclexplode(n.nspacl) acl
        WHERE n.nspname = 'public' AND acl.grantee = 0`,
    );
    expect(rows).toEqual([]);
  });

  describe.each(SERVICES)('cmp_%s in its own schema', (service) => {
    it('owns the schema and resolves unqualified names to it', async () => {
      const { rows } = await as(service).query(
        `SELECT current_schema() AS schema, n.nspowner::regrole::text AS owner
           FROM pg_namespace n WHERE n.nspname = current_schema()`,
      );
      expect(rows).toEqual([{ schema: service, owner: `cmp_${service}` }]);
    });

    it('creates, writes, reads, updates, deletes and drops its own tables', async () => {
      const client = as(service);
      const table = `${service}.${PROBE}_own`;
      await client.query(`CREATE TABLE ${table} (id int PRIMARY KEY, note text)`);
      try {
        await client.query(`INSERT INTO ${table} VALUES (1, 'a'), (2, 'b')`);
        await client.query(`UPDATE ${table} SET note = 'c' WHERE id = 2`);
        await client.query(`DELETE FROM ${table} WHERE id = 1`);
        const { rows } = await client.query(`SELECT id, note FROM ${table}`);
        expect(rows).toEqual([{ id: 2, note: 'c' }]);
      } finally {
        await client.query(`DROP TABLE ${table}`);
      }
    });

    it('cannot create in public, read from public or create a schema', async () => {
      const client = as(service);
      await expect(client.query(`CREATE TABLE public.${PROBE}_${service} (id int)`)).rejects.toMatchObject(
        PERMISSION_DENIED,
      );
      await expect(client.query(`SELECT * FROM public.${PROBE}`)).rejects.toMatchObject(PERMISSION_DENIED);
      await expect(client.query(`CREATE SCHEMA ${PROBE}_${service}`)).rejects.toMatchObject(PERMISSION_DENIED);
    });
  });

  it.each(PAIRS)('cmp_%s cannot read, write or create in schema %s', async (reader, owner) => {
    const client = as(reader);
    const table = `${owner}.${PROBE}`;
    await expect(client.query(`SELECT * FROM ${table}`)).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(client.query(`INSERT INTO ${table} VALUES (2, 'x')`)).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(client.query(`CREATE TABLE ${owner}.${PROBE}_by_${reader} (id int)`)).rejects.toMatchObject(
      PERMISSION_DENIED,
    );
    // The owner's row is untouched.
    const { rows } = await as(owner).query(`SELECT id, note FROM ${PROBE}`);
    expect(rows).toEqual([{ id: 1, note: owner }]);
  });
});
