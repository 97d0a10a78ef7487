import { createSchemaDataSource, runPendingMigrations } from '@cmp/persistence';
import { createScratchSchema, ScratchSchema } from '@cmp/testing';
import { CreateGatewayTables1764180000000 } from '../src/infrastructure/migrations/1764180000000-create-gateway-tables';
import { NotifySessionRevocations1764200000000 } from '../src/infrastructure/migrations/1764200000000-notify-session-revocations';
import { KeySignInFailuresByHmac1764310000000 } from '../src/infrastructure/migrations/1764310000000-key-sign-in-failures-by-hmac';

describe('gateway migration: sign-in failures keyed by HMAC (real database)', () => {
  let schema: ScratchSchema;

  beforeAll(async () => {
    schema = await createScratchSchema('gateway_migration');
  });

  afterAll(async () => {
    await schema?.drop();
  });

  it('deletes the counters an earlier version kept under typed emails, and refuses clear keys from then on', async () => {
    const before = createSchemaDataSource({ url: schema.databaseUrl, schema: schema.name, migrations: [CreateGatewayTables1764180000000, NotifySessionRevocations1764200000000] });
    await before.initialize();
    await runPendingMigrations(before);
    await before.query(
      `INSERT INTO sign_in_failures (key, failures, window_started_at, lockouts) VALUES ('account:erased.person@example.dk', 3, now(), 0), ('ip:192.0.2.7', 3, now(), 0)`,
    );
    await before.destroy();

    const after = createSchemaDataSource({
      url: schema.databaseUrl,
      schema: schema.name,
      migrations: [CreateGatewayTables1764180000000, NotifySessionRevocations1764200000000, KeySignInFailuresByHmac1764310000000],
    });
    await after.initialize();
    try {
      expect(await runPendingMigrations(after)).toEqual(['KeySignInFailuresByHmac1764310000000']);
      expect(await after.query(`SELECT * FROM sign_in_failures`)).toEqual([]);
      await expect(
        after.query(`INSERT INTO sign_in_failures (key, failures, window_started_at, lockouts, expires_at) VALUES ('account:erased.person@example.dk', 1, now(), 0, now())`),
      ).rejects.toThrow(/sign_in_failures_key_is_keyed_hash/);
      await after.query(`INSERT INTO sign_in_failures (key, failures, window_started_at, lockouts, expires_at) VALUES ($1, 1, now(), 0, now())`, [`account:${'ab'.repeat(32)}`]);
    } finally {
      await after.destroy();
    }
  });
});
