import { ArgumentsHost, Catch, INestApplication, RpcExceptionFilter } from '@nestjs/common';
import { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { Observable, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { TopicProvisioner } from '../kafka/topic-provisioner';
import { MESSAGING_SETTINGS, MessagingSettings } from '../messaging.module';
import { CloudEventsConsumerSettings, CloudEventsKafkaServer } from './cloud-events-kafka.server';

/**
 * Nest's default RPC filter replaces an unknown error with "Internal server error"; the consumer
 * needs the original to decide on retries and to put it on the dead letter.
 */
@Catch()
class RethrowHandlerErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

export type EventConsumerOptions = Partial<Omit<CloudEventsConsumerSettings, 'kafka' | 'topics' | 'dataSource'>>;

/**
 * Connects the service's `@EventPattern` handlers to Kafka. Call before `app.listen` and
 * `app.startAllMicroservices()`; the group defaults to the service name.
 */
export function connectEventConsumer(app: INestApplication, options: EventConsumerOptions = {}): CloudEventsKafkaServer {
  const settings = app.get<MessagingSettings>(MESSAGING_SETTINGS);
  const server = new CloudEventsKafkaServer({
    kafka: app.get(Kafka),
    topics: app.get(TopicProvisioner),
    dataSource: app.get(DataSource),
    groupId: options.groupId ?? settings.service,
    ...options,
  });
  // Filters are bound when listeners register, so registration waits until ours is in place;
  // the rest mirrors what connectMicroservice does when it is not deferred.
  const microservice = app.connectMicroservice<MicroserviceOptions>(
    { strategy: server },
    { inheritAppConfig: false, deferInitialization: true },
  ) as unknown as NestMicroservice;
  microservice.useGlobalFilters(new RethrowHandlerErrors());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  return server;
}
