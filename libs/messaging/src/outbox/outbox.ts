import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent, toKafkaBinaryMessage, validateEventData } from '@cmp/contracts';
import { correlationContext } from '@cmp/platform';
import type { PendingEvent } from '@cmp/kernel';

/** The kernel's pending event: what a use case emits is what the outbox writes. */
export type OutgoingEvent<TData extends object> = PendingEvent<TData>;

export interface OutboxSettings {
  /** The producing service, e.g. `enrolment`; becomes the CloudEvents `source` `/cmp/enrolment`. */
  readonly service: string;
  readonly clock?: () => Date;
}

/**
 * Writes outgoing events in the caller's transaction: the state change and its events commit or
 * roll back together, and the relay publishes them afterwards. Data is validated against the
 * contract here, so a producer can never emit an event its consumers would refuse.
 */
export class Outbox {
  private readonly source: string;
  private readonly clock: () => Date;

  constructor(private readonly settings: OutboxSettings) {
    this.source = `/cmp/${settings.service}`;
    this.clock = settings.clock ?? (() => new Date());
  }

  async add(manager: EntityManager, ...events: OutgoingEvent<object>[]): Promise<CloudEvent<object | null>[]> {
    if (events.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.add needs the EntityManager of an open transaction');
    }
    const envelopes = events.map((event) => this.envelope(event));
    const values: unknown[] = [];
    const rows = envelopes.map((envelope, index) => {
      const message = toKafkaBinaryMessage(envelope, events[index].key);
      const base = index * 6;
      values.push(envelope.id, envelope.type, events[index].contract.topic, message.key, JSON.stringify(message.headers), message.value);
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::jsonb, $${base + 6})`;
    });
    await manager.query(
      `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, payload) VALUES ${rows.join(', ')}`,
      values,
    );
    return envelopes;
  }

  private envelope(event: OutgoingEvent<object>): CloudEvent<object | null> {
    const { contract, key } = event;
    if ('tombstone' in event && !contract.compacted) {
      throw new Error(`${contract.type} is not on a compacted topic: it has no tombstones`);
    }
    const validated = 'data' in event ? validateEventData(contract, event.data) : null;
    const id = randomUUID();
    const cause = correlationContext.current();
    return {
      specversion: '1.0',
      id,
      source: this.source,
      type: contract.type,
      time: this.clock().toISOString(),
      subject: key,
      datacontenttype: 'application/json',
      correlationid: cause?.correlationId ?? id,
      causationid: cause?.causationId ?? cause?.requestId,
      // Serialise what was validated, not what was passed: the contract decides which fields leave.
      data: validated === null ? null : JSON.parse(JSON.stringify(validated)),
    };
  }
}
