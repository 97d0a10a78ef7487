import { Logger } from '@nestjs/common';
import { Kafka, logLevel as KafkaLogLevel, LogEntry } from 'kafkajs';

/** A Kafka principal's credentials; the broker accepts nothing unauthenticated. */
export interface KafkaSasl {
  readonly mechanism: 'scram-sha-512';
  readonly username: string;
  readonly password: string;
}

export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Absent only for a broker without authentication (a container some tests start). */
  readonly sasl?: KafkaSasl;
}

/** The variables of `ServiceConfig` (libs/platform) that name the service's principal. */
export interface KafkaSaslVariables {
  readonly KAFKA_SASL_MECHANISM?: string;
  readonly KAFKA_SASL_USERNAME?: string;
  readonly KAFKA_SASL_PASSWORD?: string;
}

/**
 * The principal named by a validated config (or, for test processes, the environment). Half a
 * set of credentials is refused rather than quietly connecting without them.
 */
export function kafkaSaslOf(variables: KafkaSaslVariables): KafkaSasl | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = variables;
  if (!mechanism && !username && !password) return undefined;
  if (mechanism !== 'scram-sha-512' || !username || !password) {
    throw new Error('KAFKA_SASL_MECHANISM (scram-sha-512), KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set together');
  }
  return { mechanism, username, password };
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

export function createKafka({ brokers, clientId, sasl }: KafkaConnection): Kafka {
  return new Kafka({
    clientId,
    brokers: [...brokers],
    ...(sasl ? { sasl: { ...sasl } } : {}),
    logLevel: KafkaLogLevel.WARN,
    logCreator,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5000 },
  });
}
