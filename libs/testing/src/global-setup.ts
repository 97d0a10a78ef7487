import { URL } from 'node:url';
import { KAFKA_ADMIN_USER, LOCAL_TEST_BROKER, localBrokerSasl, preparePostgres, saslEnvironment, startLocalBroker } from './test-infrastructure';
import { dockerEngineAvailable, startContainers } from './containers';

/**
 * Finds the integration tests' broker and database, in this order:
 * 1. `KAFKA_BROKERS` and `DATABASE_URL` from the environment (CI or a running stack);
 * 2. testcontainers, where a Docker engine answers;
 * 3. otherwise the real Kafka broker started from its jars (infra/kafka) and the local Postgres;
 *    tests connect to it as its admin (`KAFKA_SASL_*`), services in tests as the principal given.
 * The choice is published through environment variables, which the test workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  const databaseName = process.env.CMP_TEST_DB_NAME ?? 'cmp_test';
  if (process.env.KAFKA_BROKERS && process.env.DATABASE_URL) {
    process.env.CMP_TEST_INFRA_MODE = 'environment';
    return;
  }
  if (process.env.CMP_TEST_USE_CONTAINERS !== 'false' && (await dockerEngineAvailable())) {
    const started = await startContainers(databaseName);
    process.env.KAFKA_BROKERS = started.kafkaBrokers.join(',');
    process.env.DATABASE_URL = started.databaseUrl;
    process.env.CMP_TEST_INFRA_MODE = 'containers';
    return;
  }
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  await preparePostgres(adminUrl, databaseName);
  const line = await startLocalBroker();
  process.stdout.write(`\n${line}\n`);
  const testDatabaseUrl = new URL(adminUrl);
  testDatabaseUrl.pathname = `/${databaseName}`;
  process.env.KAFKA_BROKERS = `127.0.0.1:${LOCAL_TEST_BROKER.port}`;
  Object.assign(process.env, saslEnvironment(localBrokerSasl(KAFKA_ADMIN_USER)));
  process.env.DATABASE_URL = testDatabaseUrl.toString();
  process.env.CMP_TEST_INFRA_MODE = 'local';
}
