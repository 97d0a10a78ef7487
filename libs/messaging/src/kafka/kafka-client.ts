import { Logger } from '@nestjs/common';
import { Kafka, logLevel as KafkaLogLevel, LogEntry } from 'kafkajs';

export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;
}

const nestLogger = new Logger('kafkajs');

/**
 * The relay bounds its idempotent producer's retries on purpose (so that it can stop during an
 * outage) and retries whole batches itself; duplicates that may cause are absorbed by the inbox.
 */
const EXPECTED_WARNINGS = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

/** kafkajs logs through Nest's logger (and so through pino), warnings and errors only. */
function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    if (EXPECTED_WARNINGS.has(message)) return;
    const line = `${message} ${JSON.stringify(extra)}`;
    if (level === KafkaLogLevel.ERROR) nestLogger.error(line);
    else if (level === KafkaLogLevel.WARN) nestLogger.warn(line);
  };
}

export function createKafka({ brokers, clientId }: KafkaConnection): Kafka {
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: KafkaLogLevel.WARN,
    logCreator,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5000 },
  });
}
