// class-transformer's @Type and class-validator read decorator metadata.
import 'reflect-metadata';

export * from './envelope/cloud-event';
export * from './envelope/envelope-error';
export * from './envelope/event-contract';
export * from './envelope/event-type';
export * from './envelope/kafka-binary-mode';
export * from './envelope/structured-mode';
export * from './reference';
export * from './enrolment';
export * from './matching';
export * from './scheduling';
export * from './evaluation';
export * from './notifications';
export * from './gateway';
export * from './catalogue/asyncapi-catalogue';
export * from './catalogue/topic-access';
