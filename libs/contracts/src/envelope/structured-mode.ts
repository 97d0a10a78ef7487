import { CloudEvent, CLOUD_EVENTS_SPEC_VERSION } from './cloud-event';
import { EnvelopeError } from './envelope-error';

/** Structured content mode (`application/cloudevents+json`), used for partner webhooks. */
export const STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

export function toStructuredJson(event: CloudEvent): string {
  return JSON.stringify(event);
}

export function fromStructuredJson(body: string): CloudEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new EnvelopeError(`body is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new EnvelopeError('body is not a JSON object');
  const event = parsed as Record<string, unknown>;
  for (const required of ['id', 'source', 'type', 'specversion']) {
    if (typeof event[required] !== 'string' || event[required] === '') {
      throw new EnvelopeError(`missing attribute ${required}`);
    }
  }
  if (event.specversion !== CLOUD_EVENTS_SPEC_VERSION) {
    throw new EnvelopeError(`unsupported specversion "${String(event.specversion)}"`);
  }
  return event as unknown as CloudEvent;
}
