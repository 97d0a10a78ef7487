import { isNoteworthyKafkaLog } from './kafka-client';

describe('kafkajs log filter', () => {
  it('keeps quiet about responses kafkajs retries while a leader or coordinator is chosen', () => {
    expect(isNoteworthyKafkaLog('Response ListOffsets(key: 2, version: 3)', { error: 'This server is not the leader for that topic-partition' })).toBe(false);
    expect(isNoteworthyKafkaLog('Response InitProducerId(key: 22, version: 1)', { error: "The coordinator is loading and hence can't process requests for this group" })).toBe(false);
  });

  it('reports every other error, and the same words outside a broker response', () => {
    expect(isNoteworthyKafkaLog('Response Produce(key: 0, version: 7)', { error: 'Not authorized to access topics: [Topic authorization failed]' })).toBe(true);
    expect(isNoteworthyKafkaLog('Connection error: connect ECONNREFUSED 127.0.0.1:9092', {})).toBe(true);
    expect(isNoteworthyKafkaLog('Crash: KafkaJSNumberOfRetriesExceeded', { error: 'This server is not the leader for that topic-partition' })).toBe(true);
  });
});
