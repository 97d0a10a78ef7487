import { Logger } from '@nestjs/common';
import { Kafka, logLevel as KafkaLogLevel, LogEntry } from 'kafkajs';

export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;
}

const nestLogger = new Logger('kafkajs');

/** kafkajs logs through Nest's logger (and so through pino), warnings and errors only. */
function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
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
