import { MigrationInterface } from 'typeorm';
import { CreateMessagingTables1764150000000 } from './messaging-tables.migration';
import { ParkUnpublishableOutboxRows1764900000000 } from './parked-rows.migration';
import { IndexInboxByAge1765000000000 } from '../retention/inbox-age-index.migration';

/** The outbox and inbox tables as every service has them, in the order they were made. */
export const MESSAGING_MIGRATIONS: ReadonlyArray<new () => MigrationInterface> = [CreateMessagingTables1764150000000, ParkUnpublishableOutboxRows1764900000000, IndexInboxByAge1765000000000];
