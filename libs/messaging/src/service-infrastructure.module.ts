import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, MigrationInterface } from 'typeorm';
import { openMigratedDataSource, SchemaDataSourceSettings, schemaDataSourceOptions } from '@cmp/persistence';
import { Clock, CLOCK, DatabaseReadinessCheck, PlatformModule, systemClock } from '@cmp/platform';
import { BrokerReadinessCheck } from './kafka/broker-readiness.check';
import { KafkaSasl } from './kafka/kafka-client';
import { MessagingModule } from './messaging.module';
import { MESSAGING_MIGRATIONS } from './outbox/messaging-migrations';
import { inboxRetentionPolicy, RetentionPolicy, RetentionSweeper } from './retention/retention-sweeper';

const HOUR_MS = 3_600_000;

export interface ServiceInfrastructureSettings {
  /** The service name: its schema, topic, consumer group, log and metric label. */
  readonly service: string;
  /** Another schema than the service's own (tests use scratch schemas). */
  readonly schema?: string;
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own Kafka principal (`KAFKA_SASL_*`). */
  readonly sasl?: KafkaSasl;
  readonly entities: SchemaDataSourceSettings['entities'];
  /** The service's own migrations; the outbox and inbox tables come first without asking. */
  readonly migrations: ReadonlyArray<new () => MigrationInterface>;
  readonly clock?: Clock;
  /** Topics the service publishes on besides `cmp.<service>.events`. */
  readonly extraTopics?: readonly string[];
  /** The service's own tables that are kept for a while (the inbox's policy comes without asking). */
  readonly retentionPolicies?: readonly RetentionPolicy[];
  /**
   * How often the retention policies are applied: hourly on the system clock. On a moved clock
   * (tests travel months ahead) a background round would delete rows the test still reads, so
   * there it is off unless given; tests call `RetentionSweeper.sweep()`. 0 turns it off.
   */
  readonly retentionSweepIntervalMs?: number;
}

/**
 * What every service stands on, wired the same way for each: its schema's data source, opened
 * and migrated under the migration lock; the outbox, relay and broker client; logging, health
 * (database and broker readiness) and metrics; and the clock every part reads time from.
 */
@Module({})
export class ServiceInfrastructureModule {
  static forService(settings: ServiceInfrastructureSettings): DynamicModule {
    const schema = settings.schema ?? settings.service;
    const clock = settings.clock ?? systemClock;
    return {
      module: ServiceInfrastructureModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            schemaDataSourceOptions({
              url: settings.databaseUrl,
              schema,
              entities: settings.entities,
              migrations: [...MESSAGING_MIGRATIONS, ...settings.migrations],
              applicationName: settings.service,
            }),
          dataSourceFactory: (options) => openMigratedDataSource(options),
        }),
        MessagingModule.forService({
          service: settings.service,
          schema,
          databaseUrl: settings.databaseUrl,
          brokers: settings.brokers,
          sasl: settings.sasl,
          extraTopics: settings.extraTopics,
          clock,
        }),
        PlatformModule.forRoot({ serviceName: settings.service, readinessChecks: [DatabaseReadinessCheck, BrokerReadinessCheck] }),
      ],
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: DatabaseReadinessCheck, inject: [DataSource], useFactory: (dataSource: DataSource) => new DatabaseReadinessCheck(dataSource) },
        {
          provide: RetentionSweeper,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new RetentionSweeper(dataSource, [inboxRetentionPolicy(), ...(settings.retentionPolicies ?? [])], { schema, intervalMs: settings.retentionSweepIntervalMs ?? (clock === systemClock ? HOUR_MS : 0) }, clock),
        },
      ],
      exports: [CLOCK, DatabaseReadinessCheck, RetentionSweeper],
    };
  }
}
