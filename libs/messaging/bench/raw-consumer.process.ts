import { createKafka, kafkaSaslOf } from '../src';

/**
 * The raw baseline's consumer, a process of its own like the outbox path's consumer service:
 * a bare kafkajs consumer that only counts. Prints `ready` once it has joined its group and
 * `received <n>` when it has seen RAW_EXPECTED messages.
 */
async function main(): Promise<void> {
  const expected = Number(process.env.RAW_EXPECTED);
  const kafka = createKafka({ brokers: (process.env.KAFKA_BROKERS ?? '').split(','), sasl: kafkaSaslOf(process.env), clientId: 'bench-raw-consumer' });
  const consumer = kafka.consumer({ groupId: `${process.env.RAW_TOPIC}.reader`, maxWaitTimeInMs: 200 });
  let received = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => process.stdout.write('ready\n'));
  await consumer.connect();
  await consumer.subscribe({ topic: process.env.RAW_TOPIC as string, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      received += batch.messages.length;
      if (received >= expected) {
        process.stdout.write(`received ${received}\n`);
        setImmediate(() => consumer.disconnect().then(() => process.exit(0)));
      }
    },
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
