import { CloudEvent, CLOUD_EVENTS_SPEC_VERSION, JSON_CONTENT_TYPE } from './cloud-event';
import { EnvelopeError } from './envelope-error';

/**
 * CloudEvents Kafka protocol binding, binary content mode: attributes travel as `ce_<name>`
 * headers, `datacontenttype` as `content-type`, and the value is the data alone.
 */
export interface KafkaBinaryMessage {
  key: string | null;
  /** Null for a tombstone: on a compacted topic it deletes the key. */
  value: string | null;
  headers: Record<string, string>;
}

type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;

const REQUIRED_ATTRIBUTES = ['id', 'source', 'type', 'specversion'] as const;
const HEADER_PREFIX = 'ce_';

export function toKafkaBinaryMessage(event: CloudEvent, key: string | null = event.subject ?? null): KafkaBinaryMessage {
  const headers: Record<string, string> = { 'content-type': event.datacontenttype };
  for (const [name, value] of Object.entries(event)) {
    if (name === 'data' || name === 'datacontenttype' || value === undefined) continue;
    headers[`${HEADER_PREFIX}${name}`] = String(value);
  }
  return { key, value: event.data === null ? null : JSON.stringify(event.data), headers };
}

export function fromKafkaBinaryMessage(message: {
  value: Buffer | string | null;
  headers?: Record<string, HeaderValue>;
}): CloudEvent {
  const attributes: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [name, raw] of Object.entries(message.headers ?? {})) {
    const value = headerText(raw);
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === 'content-type') contentType = value;
    else if (lower.startsWith(HEADER_PREFIX)) attributes[lower.slice(HEADER_PREFIX.length)] = value;
  }
  for (const required of REQUIRED_ATTRIBUTES) {
    if (!attributes[required]) throw new EnvelopeError(`missing header ce_${required}`);
  }
  if (attributes.specversion !== CLOUD_EVENTS_SPEC_VERSION) {
    throw new EnvelopeError(`unsupported ce_specversion "${attributes.specversion}"`);
  }
  if (contentType !== undefined && !contentType.startsWith(JSON_CONTENT_TYPE)) {
    throw new EnvelopeError(`unsupported content-type "${contentType}"`);
  }
  let data: unknown = null;
  if (message.value !== null) {
    try {
      data = JSON.parse(message.value.toString());
    } catch (error) {
      throw new EnvelopeError(`value is not JSON: ${(error as Error).message}`);
    }
  }
  return {
    ...attributes,
    specversion: CLOUD_EVENTS_SPEC_VERSION,
    time: attributes.time ?? new Date(0).toISOString(),
    correlationid: attributes.correlationid ?? attributes.id,
    datacontenttype: JSON_CONTENT_TYPE,
    data,
  } as CloudEvent;
}

function headerText(raw: HeaderValue): string | undefined {
  if (raw === undefined) return undefined;
  const single = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return single === undefined ? undefined : single.toString();
}
