export * from './partner-webhook.payloads';
export * from './webhook.events';
