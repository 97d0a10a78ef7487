import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
import { WORKSPACE_ROOT } from './test-infrastructure';

const started: StartedTestContainer[] = [];

/** True when testcontainers can reach a Docker (or compatible) engine. */
export async function dockerEngineAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** The same images docker-compose runs: apache/kafka in KRaft mode and Postgres 15 with our roles. */
export async function startContainers(databaseName: string): Promise<{ kafkaBrokers: string[]; databaseUrl: string }> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer('apache/kafka:3.9.1').withKraft().start(),
    new PostgreSqlContainer('postgres:15')
      .withDatabase(databaseName)
      .withUsername('postgres')
      .withPassword('postgres')
      .withCopyFilesToContainer([{ source: join(WORKSPACE_ROOT, 'infra', 'postgres', 'roles.sql'), target: '/tmp/roles.sql' }])
      .start(),
  ]);
  started.push(kafka, postgres);
  const result = await postgres.exec(['psql', '-X', '-v', 'ON_ERROR_STOP=1', '-v', `db=${databaseName}`, '-U', 'postgres', '-d', databaseName, '-f', '/tmp/roles.sql']);
  if (result.exitCode !== 0) throw new Error(`applying roles.sql failed: ${result.output}`);
  return {
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    databaseUrl: postgres.getConnectionUri(),
  };
}

export async function stopContainers(): Promise<void> {
  await Promise.all(started.splice(0).map((container) => container.stop()));
}
