export * from './webhook.events';
