import { MetadataScanner } from '@nestjs/core';
import { ListenerMetadataExplorer } from '@nestjs/microservices/listener-metadata-explorer';
import { CONSUMED_EVENTS } from '@cmp/contracts';
import { INTAKE_EVENTS } from '../../application/event-intake';
import { PARTNER_UPDATE_EVENTS } from '../../domain/partner-updates';
import { RULE_BOOK_EVENTS } from '../../domain/rule-book';
import { NOTIFICATIONS_CONSUMERS } from '../../notifications.module';

/** The event types the service's handlers subscribe to, read the way Nest registers them. */
function subscribedEventTypes(): string[] {
  const explorer = new ListenerMetadataExplorer(new MetadataScanner());
  const patterns = NOTIFICATIONS_CONSUMERS.flatMap((consumer) =>
    explorer.explore(Object.create(consumer.prototype) as object).flatMap((handler) => handler.patterns as string[]),
  );
  return [...new Set(patterns)].sort();
}

describe('what notifications consumes', () => {
  it('subscribes to the event of every rule in the rule book', () => {
    const subscribed = subscribedEventTypes();
    expect(RULE_BOOK_EVENTS.length).toBeGreaterThan(0);
    expect(RULE_BOOK_EVENTS.map((event) => event.type).filter((type) => !subscribed.includes(type))).toEqual([]);
  });

  it('subscribes to every event a partner update is made from', () => {
    const subscribed = subscribedEventTypes();
    expect(PARTNER_UPDATE_EVENTS.map((event) => event.type).filter((type) => !subscribed.includes(type))).toEqual([]);
  });

  it('hands each event to one handler only', () => {
    const explorer = new ListenerMetadataExplorer(new MetadataScanner());
    const patterns = NOTIFICATIONS_CONSUMERS.flatMap((consumer) =>
      explorer.explore(Object.create(consumer.prototype) as object).flatMap((handler) => handler.patterns as string[]),
    );
    expect(patterns.length).toBe(new Set(patterns).size);
    expect(INTAKE_EVENTS.length).toBe(new Set(INTAKE_EVENTS.map((event) => event.type)).size);
  });

  it('declares exactly what it subscribes to, so the broker grants it those topics and no others', () => {
    const declared = [...new Set(CONSUMED_EVENTS.notifications.map((event) => event.type))].sort();
    expect(subscribedEventTypes()).toEqual(declared);
  });
});
