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

/** The broker of the running system (`KAFKA_BROKERS`, default the one `npm start` runs). */
export function operatorKafkaConnection(clientId: string): KafkaConnection {
  return { brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim()), clientId };
}
