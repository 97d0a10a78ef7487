import { join } from 'node:path';
import { Kafka, Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ScratchSchema, startTsProcess, testInfrastructure, TsProcess, uniqueSuffix, waitFor } from '@cmp/testing';
import {
  createKafka,
  Outbox,
  OutboxRelay,
  TopicProvisioner,
} from '../src';
import { counterIncremented } from '../test/sample/sample-contracts';
import { openSampleDatabase } from '../test/sample/sample-database';

/**
 * `npm run bench -- events [--events N] [--rate R] [--seconds S]`
 *
 * Two services, as in production: a producer (this process) and a consumer (a child process).
 * 1. raw: N messages from a bare kafkajs producer to a bare kafkajs consumer (no database);
 * 2. outbox: N events written to the outbox in transactions of 100, published by the relay,
 *    applied by an `@EventPattern` handler through the inbox (one effect row each);
 * 3. latency: events written at R per second for S seconds, measured from the event's time to
 *    the commit of its effect.
 * Both throughput runs use the same keys, partition count and payload and are timed from the
 * first write to the last message consumed (raw) or effect committed (outbox).
 */
const KEYS = Array.from({ length: 50 }, (_, index) => `counter-${index}`);
const WRITE_TRANSACTION_SIZE = 100;

export async function run(args: string[]): Promise<void> {
  const events = numberArg(args, '--events', 20_000);
  const rate = numberArg(args, '--rate', 1_000);
  const seconds = numberArg(args, '--seconds', 10);
  const infra = testInfrastructure();
  const kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'bench-events' });

  const rawSeconds = await rawKafka(kafka, infra.kafkaBrokers, events);
  const pipeline = await OutboxPipeline.start(kafka, infra.kafkaBrokers);
  try {
    const outboxSeconds = await pipeline.throughput(events);
    const { p50, p99, achievedRate } = await pipeline.latency(rate, seconds);
    const rawEps = events / rawSeconds;
    const outboxEps = events / outboxSeconds;
    log(`raw: ${events} messages in ${rawSeconds.toFixed(2)} s`);
    log(`outbox: ${events} events in ${outboxSeconds.toFixed(2)} s`);
    log(`latency at ${achievedRate.toFixed(0)} events/s for ${seconds} s: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    process.stdout.write(
      `RESULT events outbox_eps=${outboxEps.toFixed(0)} raw_eps=${rawEps.toFixed(0)} ratio=${(outboxEps / rawEps).toFixed(2)} p50_ms=${p50.toFixed(1)} p99_ms=${p99.toFixed(1)}\n`,
    );
  } finally {
    await pipeline.stop();
  }
}

async function rawKafka(kafka: Kafka, brokers: string[], events: number): Promise<number> {
  const topic = `bench.raw.${uniqueSuffix()}`;
  const topics = new TopicProvisioner(kafka);
  await topics.ensure([topic]);
  await topics.close();
  const consumer = await startTsProcess(
    join(__dirname, 'raw-consumer.process.ts'),
    { KAFKA_BROKERS: brokers.join(','), RAW_TOPIC: topic, RAW_EXPECTED: String(events) },
    { readyLine: 'ready' },
  );
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const started = process.hrtime.bigint();
    for (let sent = 0; sent < events; sent += 1000) {
      const messages = Array.from({ length: Math.min(1000, events - sent) }, (_, index) => {
        const counterId = KEYS[(sent + index) % KEYS.length];
        return { key: counterId, value: JSON.stringify({ counterId, sequence: sent + index + 1 }) };
      });
      await producer.send({ topic, acks: -1, messages });
    }
    await waitFor(async () => consumer.output().includes('received'), (done) => done, {
      timeoutMs: 300_000,
      intervalMs: 2,
      what: 'the raw consumer to receive every message',
    });
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await producer.disconnect();
    await consumer.stop();
  }
}

class OutboxPipeline {
  private written = 0;

  private constructor(
    private readonly schema: ScratchSchema,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly consumer: TsProcess,
    private readonly outbox: Outbox,
    private readonly service: string,
  ) {}

  static async start(kafka: Kafka, brokers: string[]): Promise<OutboxPipeline> {
    const service = `bench-${uniqueSuffix()}`;
    const { schema, dataSource } = await openSampleDatabase('bench_events');
    const topics = new TopicProvisioner(kafka);
    await topics.ensure([counterIncremented(service).topic]);
    const relay = new OutboxRelay({ databaseUrl: schema.databaseUrl, schema: schema.name, kafka, topics });
    const consumer = await startTsProcess(
      join(__dirname, '..', 'test', 'sample', 'consumer.process.ts'),
      {
        DATABASE_URL: schema.databaseUrl,
        KAFKA_BROKERS: brokers.join(','),
        SAMPLE_SCHEMA: schema.name,
        SAMPLE_SERVICE: service,
        SAMPLE_GROUP: `${service}-effects`,
      },
      { readyLine: 'consumer ready' },
    );
    relay.start();
    return new OutboxPipeline(schema, dataSource, relay, consumer, new Outbox({ service }), service);
  }
  async throughput(events: number): Promise<number> {
    const started = process.hrtime.bigint();
    for (let done = 0; done < events; done += WRITE_TRANSACTION_SIZE) {
      await this.write(Math.min(WRITE_TRANSACTION_SIZE, events - done));
    }
    const wroteMs = Number(process.hrtime.bigint() - started) / 1e6;
    await waitFor(
      async () => Number((await this.dataSource.query('SELECT count(*) FROM outbox WHERE published_at IS NULL'))[0].count),
      (backlog) => backlog === 0,
      { timeoutMs: 300_000, intervalMs: 10, what: 'the relay to publish every row' },
    );
    const publishedMs = Number(process.hrtime.bigint() - started) / 1e6;
    await this.waitForEffects(this.written);
    log(`outbox stages: written after ${wroteMs.toFixed(0)} ms, published after ${publishedMs.toFixed(0)} ms`);
    return Number(process.hrtime.bigint() - started) / 1e9;
  }

  async latency(rate: number, seconds: number): Promise<{ p50: number; p99: number; achievedRate: number }> {
    const before = this.written;
    const total = rate * seconds;
    const started = Date.now();
    let pacedWritten = 0;
    while (pacedWritten < total) {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
      if (due > pacedWritten) {
        await this.write(due - pacedWritten);
        pacedWritten = due;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const achievedRate = total / ((Date.now() - started) / 1000);
    await this.waitForEffects(this.written);
    const [row] = await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
         FROM (SELECT extract(epoch FROM applied_at - event_time) * 1000 AS ms FROM effects WHERE sequence > $1) AS latencies`,
      [before],
    );
    return { p50: Number(row.p50), p99: Number(row.p99), achievedRate };
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
    await this.dataSource.destroy();
    await this.schema.drop();
  }

  /** One transaction of `count` events, as a producer service's command would write them. */
  private async write(count: number): Promise<void> {
    const contract = counterIncremented(this.service);
    const first = this.written;
    this.written += count;
    await this.dataSource.transaction((manager) =>
      this.outbox.add(
        manager,
        ...Array.from({ length: count }, (_, index) => {
          const counterId = KEYS[(first + index) % KEYS.length];
          return { contract, key: counterId, data: { counterId, sequence: first + index + 1 } };
        }),
      ),
    );
  }

  private async waitForEffects(expected: number): Promise<void> {
    await waitFor(
      async () => Number((await this.dataSource.query('SELECT count(*) FROM effects'))[0].count),
      (n) => n >= expected,
      { timeoutMs: 300_000, intervalMs: 10, what: 'every effect' },
    );
  }
}

function numberArg(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
