import { Controller, DynamicModule, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CloudEvent } from '@cmp/contracts';
import { InboxContext, KafkaSasl, MessagingModule } from '../../src';
import { schemaDataSourceOptions } from '@cmp/persistence';
import { CounterIncrementedData, counterIncremented } from './sample-contracts';

export interface SampleConsumerSettings {
  readonly service: string;
  readonly schema: string;
  readonly databaseUrl: string;
  readonly brokers: string[];
  readonly sasl?: KafkaSasl;
  /** Makes the handler throw for these counters, to exercise retries and dead letters. */
  readonly poisonCounterIds?: readonly string[];
  /** Makes the handler take this long for counters named `slow…`, to catch a shutdown mid-message. */
  readonly slowHandlerMs?: number;
  /** Called when a handler starts, so a test knows a message is in flight. */
  readonly onHandlerStarted?: (counterId: string) => void;
}

/**
 * A consumer written the way services write theirs: an ordinary `@EventPattern` handler that
 * writes its effect through the transaction in its context.
 */
export function sampleConsumerModule(settings: SampleConsumerSettings): DynamicModule {
  const contract = counterIncremented(settings.service);
  // Read at each call, so a test can mend a poisoned counter and replay its dead letter.
  const poison = settings.poisonCounterIds ?? [];

  @Controller()
  class CounterEffectsConsumer {
    @EventPattern(contract.type)
    async onCounterIncremented(@Payload() event: CloudEvent<CounterIncrementedData>, @Ctx() context: InboxContext) {
      settings.onHandlerStarted?.(event.data.counterId);
      if (poison.includes(event.data.counterId)) {
        throw new Error(`counter ${event.data.counterId} is poisoned`);
      }
      if (settings.slowHandlerMs && event.data.counterId.startsWith('slow')) {
        await new Promise((resolve) => setTimeout(resolve, settings.slowHandlerMs));
      }
      await context.manager.query('INSERT INTO effects (event_id, counter_id, sequence, event_time) VALUES ($1, $2, $3, $4)', [
        event.id,
        event.data.counterId,
        event.data.sequence,
        event.time,
      ]);
    }
  }

  @Module({
    imports: [
      TypeOrmModule.forRoot(schemaDataSourceOptions({ url: settings.databaseUrl, schema: settings.schema })),
      MessagingModule.forService({
        service: settings.service,
        schema: settings.schema,
        databaseUrl: settings.databaseUrl,
        brokers: settings.brokers,
        sasl: settings.sasl,
        runRelay: false,
      }),
    ],
    controllers: [CounterEffectsConsumer],
  })
  class SampleConsumerModule {}

  return { module: SampleConsumerModule };
}
