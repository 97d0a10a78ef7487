import { KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopic } from '@cmp/contracts';

/** Why a message was taken off its partition. */
export type DeadLetterReason = 'unparseable' | 'invalid' | 'failed';

export interface DeadLetter {
  readonly consumerGroup: string;
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly reason: DeadLetterReason;
  readonly error: Error;
  readonly attempts: number;
}

const MAX_ERROR_HEADER_LENGTH = 4000;

/**
 * Copies the original message (key, value, headers) to the group's dead-letter topic and adds
 * `dlq_*` headers saying where it came from and why it was given up on.
 */
export async function sendToDeadLetterTopic(producer: Producer, letter: DeadLetter): Promise<string> {
  const topic = deadLetterTopic(letter.consumerGroup);
  await producer.send({
    topic,
    acks: -1,
    messages: [
      {
        key: letter.message.key,
        value: letter.message.value,
        headers: {
          ...letter.message.headers,
          dlq_reason: letter.reason,
          dlq_error: `${letter.error.name}: ${letter.error.message}`.slice(0, MAX_ERROR_HEADER_LENGTH),
          dlq_consumer_group: letter.consumerGroup,
          dlq_original_topic: letter.topic,
          dlq_original_partition: String(letter.partition),
          dlq_original_offset: letter.message.offset,
          dlq_attempts: String(letter.attempts),
          dlq_failed_at: new Date().toISOString(),
        },
      },
    ],
  });
  return topic;
}
