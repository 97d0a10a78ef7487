import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ContactPublished, MenteeApplied, MatchConfirmed } from '@cmp/contracts';
import { TopicProvisioner } from '../kafka/topic-provisioner';
import { CloudEventsKafkaServer } from './cloud-events-kafka.server';

function serverWith(patterns: string[]): CloudEventsKafkaServer {
  const server = new CloudEventsKafkaServer({
    kafka: {} as Kafka,
    topics: {} as TopicProvisioner,
    dataSource: {} as DataSource,
    groupId: 'test',
  });
  for (const pattern of patterns) server.addHandler(pattern, async () => undefined, true);
  return server;
}

describe('CloudEventsKafkaServer topics', () => {
  it("subscribes to each producer's events topic", () => {
    expect(serverWith([MenteeApplied.type, MatchConfirmed.type]).subscribedTopics()).toEqual(['cmp.enrolment.events', 'cmp.matching.events']);
  });

  it('subscribes to the topic a contract declares, such as a compacted one, so its tombstones reach the handler', () => {
    expect(serverWith([ContactPublished.type, MenteeApplied.type]).subscribedTopics()).toEqual(['cmp.enrolment.contacts', 'cmp.enrolment.events']);
  });

  it('refuses a pattern that is not an event type', () => {
    expect(() => serverWith(['contact-created']).subscribedTopics()).toThrow(/must name an event type/);
  });
});
