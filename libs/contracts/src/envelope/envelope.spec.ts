import { IsInt, IsUUID, Min, ValidateNested, IsString, IsOptional } from 'class-validator';
import { Type } from 'class-transformer';
import { Kafka as CloudEventsKafkaBinding, HTTP as CloudEventsHttpBinding } from 'cloudevents';
import {
  CloudEvent,
  defineEvent,
  deadLetterTopic,
  EnvelopeError,
  eventType,
  EventValidationError,
  findEventContract,
  isCompactedTopic,
  fromKafkaBinaryMessage,
  fromStructuredJson,
  parseEventType,
  toKafkaBinaryMessage,
  toStructuredJson,
  topicOfEventType,
  validateEventData,
} from '../index';

class SeatData {
  @IsString() room: string;
}

class SeatsReservedData {
  @IsUUID() organisationId: string;
  @IsInt() @Min(1) seats: number;
  @IsOptional() @ValidateNested() @Type(() => SeatData) seat?: SeatData;
}

const SeatsReserved = defineEvent('dk.cmp.samplesvc.seats-reserved.v1', SeatsReservedData);

const event: CloudEvent<SeatsReservedData> = {
  specversion: '1.0',
  id: '5b0c1b0e-8f0a-4cf5-9d35-2b7f4f4f0c11',
  source: '/cmp/samplesvc',
  type: SeatsReserved.type,
  time: '2026-11-26T10:00:00.000Z',
  subject: 'org-1',
  datacontenttype: 'application/json',
  correlationid: 'req-42',
  causationid: 'req-42',
  data: { organisationId: '0f8fad5b-d9cb-469f-a165-70867728950e', seats: 3 },
};

describe('event type names', () => {
  it('builds and parses dk.cmp.<service>.<event>.v<N>', () => {
    expect(eventType('enrolment', 'mentee-placed', 2)).toBe('dk.cmp.enrolment.mentee-placed.v2');
    expect(parseEventType('dk.cmp.enrolment.mentee-placed.v2')).toEqual({ service: 'enrolment', event: 'mentee-placed', version: 2 });
  });

  it('refuses class-like or unversioned names', () => {
    expect(() => eventType('enrolment', 'MenteePlaced', 1)).toThrow('not a valid event type');
    expect(() => parseEventType('dk.cmp.enrolment.mentee-placed')).toThrow('not a valid event type');
    expect(() => eventType('enrolment', 'mentee-placed', 0)).toThrow('not a valid event type');
  });

  it('derives the producer topic and the dead-letter topic', () => {
    expect(topicOfEventType('dk.cmp.matching.match-confirmed.v1')).toBe('cmp.matching.events');
    expect(SeatsReserved.topic).toBe('cmp.samplesvc.events');
    expect(deadLetterTopic('scheduling')).toBe('scheduling.dlq');
  });

  it('puts a contract on another topic of its producer only', () => {
    const contact = defineEvent('dk.cmp.samplesvc.contact.v1', SeatsReservedData, { topic: 'cmp.samplesvc.contacts', compacted: true });
    expect(contact).toMatchObject({ topic: 'cmp.samplesvc.contacts', compacted: true });
    expect(isCompactedTopic('cmp.samplesvc.contacts')).toBe(true);
    expect(isCompactedTopic(SeatsReserved.topic)).toBe(false);
    expect(() => defineEvent('dk.cmp.samplesvc.stray.v1', SeatsReservedData, { topic: 'cmp.othersvc.contacts' })).toThrow(
      'must be published on a topic of its producer',
    );
  });

  it('registers the contract under its wire name and refuses a second class for it', () => {
    expect(findEventContract(SeatsReserved.type)?.dataClass).toBe(SeatsReservedData);
    class Impostor {}
    expect(() => defineEvent(SeatsReserved.type, Impostor)).toThrow('already defined');
  });
});

describe('Kafka binary mode', () => {
  it('round-trips every attribute through ce_ headers and the JSON value', () => {
    const message = toKafkaBinaryMessage(event);
    expect(message.key).toBe('org-1');
    expect(message.headers).toMatchObject({
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_type: 'dk.cmp.samplesvc.seats-reserved.v1',
      ce_correlationid: 'req-42',
    });
    expect(JSON.parse(message.value as string)).toEqual(event.data);
    const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromKafkaBinaryMessage({ value: Buffer.from(message.value as string), headers })).toEqual(event);
  });

  it('writes a tombstone as a message without value, and reads it back with null data', () => {
    const tombstone = { ...event, data: null };
    const message = toKafkaBinaryMessage(tombstone);
    expect(message.value).toBeNull();
    expect(message.headers.ce_id).toBe(event.id);
    expect(fromKafkaBinaryMessage({ value: null, headers: message.headers })).toEqual(tombstone);
  });

  it('is readable by the official CloudEvents SDK', () => {
    const message = toKafkaBinaryMessage(event);
    const parsed = CloudEventsKafkaBinding.toEvent({
      key: message.key ?? undefined,
      value: message.value,
      headers: message.headers,
      body: message.value,
    } as never) as unknown as Record<string, unknown>;
    expect(parsed.type).toBe(event.type);
    expect(parsed.correlationid).toBe('req-42');
    expect(parsed.data).toEqual(event.data);
  });

  it('rejects a message without the required headers', () => {
    expect(() => fromKafkaBinaryMessage({ value: '{}', headers: { ce_type: 'x' } })).toThrow(EnvelopeError);
  });

  it('rejects a value that is not JSON', () => {
    const { headers } = toKafkaBinaryMessage(event);
    expect(() => fromKafkaBinaryMessage({ value: '{oops', headers })).toThrow('value is not JSON');
  });

  it('rejects an unsupported spec version', () => {
    const { headers, value } = toKafkaBinaryMessage(event);
    expect(() => fromKafkaBinaryMessage({ value, headers: { ...headers, ce_specversion: '0.3' } })).toThrow('specversion');
  });
});

describe('structured mode', () => {
  it('round-trips and is readable by the official CloudEvents SDK', () => {
    const body = toStructuredJson(event);
    expect(fromStructuredJson(body)).toEqual(event);
    const parsed = CloudEventsHttpBinding.toEvent({
      headers: { 'content-type': 'application/cloudevents+json' },
      body,
    }) as unknown as Record<string, unknown>;
    expect(parsed.id).toBe(event.id);
    expect(parsed.causationid).toBe('req-42');
  });

  it('rejects a body without required attributes', () => {
    expect(() => fromStructuredJson('{"id":"1"}')).toThrow('missing attribute source');
    expect(() => fromStructuredJson('[]')).toThrow(EnvelopeError);
  });
});

describe('validateEventData', () => {
  it('returns an instance of the contract class and drops unknown fields', () => {
    const data = validateEventData(SeatsReserved, { ...event.data, addedLater: true });
    expect(data).toBeInstanceOf(SeatsReservedData);
    expect(data).toEqual(event.data);
  });

  it('names every violation by its path', () => {
    let caught: unknown;
    try {
      validateEventData(SeatsReserved, { organisationId: 'nope', seats: 0, seat: { room: 7 } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventValidationError);
    const { violations } = caught as EventValidationError;
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^organisationId: /),
        expect.stringMatching(/^seats: /),
        expect.stringMatching(/^seat\.room: /),
      ]),
    );
  });

  it('refuses data that is not an object', () => {
    expect(() => validateEventData(SeatsReserved, [1])).toThrow('data must be a JSON object');
    expect(() => validateEventData(SeatsReserved, null)).toThrow(EventValidationError);
  });
});
