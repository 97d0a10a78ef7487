/**
 * Wire names of events and their topics. A type is `dk.cmp.<service>.<event>.v<N>` and lives on
 * its producer's topic `cmp.<service>.events`, so the topic of any event follows from its type.
 */
const EVENT_TYPE_PATTERN = /^dk\.cmp\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)$/;
const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface EventTypeParts {
  readonly service: string;
  readonly event: string;
  readonly version: number;
}

export function eventType(service: string, event: string, version: number): string {
  const type = `dk.cmp.${service}.${event}.v${version}`;
  if (!EVENT_TYPE_PATTERN.test(type)) {
    throw new Error(`"${type}" is not a valid event type (dk.cmp.<service>.<event>.v<N>, kebab-case)`);
  }
  return type;
}

export function parseEventType(type: string): EventTypeParts {
  const match = EVENT_TYPE_PATTERN.exec(type);
  if (!match) {
    throw new Error(`"${type}" is not a valid event type (dk.cmp.<service>.<event>.v<N>)`);
  }
  return { service: match[1], event: match[2], version: Number(match[3]) };
}

export function isEventType(type: string): boolean {
  return EVENT_TYPE_PATTERN.test(type);
}

/** The topic a service publishes all of its events on. */
export function eventsTopic(service: string): string {
  if (!SERVICE_NAME_PATTERN.test(service)) {
    throw new Error(`"${service}" is not a valid service name`);
  }
  return `cmp.${service}.events`;
}

export function topicOfEventType(type: string): string {
  return eventsTopic(parseEventType(type).service);
}

/** The dead-letter topic of a consumer group: where its unprocessable messages go. */
export function deadLetterTopic(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}
