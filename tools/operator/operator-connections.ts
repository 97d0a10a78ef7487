import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL } from 'node:url';
import type { KafkaConnection } from '@cmp/messaging';

/** The schemas whose outboxes an operator may look into: one per service. */
export const SERVICE_SCHEMAS = ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation', 'gateway'];

/**
 * The database of the running system, as an administrator: `DATABASE_ADMIN_URL` (as for
 * infra/postgres) pointed at `CMP_DB_NAME` (default `cmp`, the database `npm start` uses).
 */
export function operatorDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${process.env.CMP_DB_NAME ?? 'cmp'}`;
  return url.toString();
}

/**
 * The broker of the running system as its administrator: `KAFKA_BROKERS` and `KAFKA_SASL_*`, or
 * by default the broker `npm start` runs, with the admin password its storage was formatted with.
 */
export function operatorKafkaConnection(clientId: string): KafkaConnection {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim());
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = process.env;
  if (username && password) return { brokers, clientId, sasl: { mechanism: 'scram-sha-512', username, password } };
  const credentials = join(__dirname, '..', '..', 'infra', 'kafka', '.data', 'credentials.properties');
  if (!existsSync(credentials)) throw new Error(`set KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (an admin of the broker), or run npm start first (${credentials})`);
  const admin = /^cmp-admin=(.+)$/m.exec(readFileSync(credentials, 'utf8'))?.[1].trim();
  if (!admin) throw new Error(`no cmp-admin password in ${credentials}`);
  return { brokers, clientId, sasl: { mechanism: 'scram-sha-512', username: 'cmp-admin', password: admin } };
}
