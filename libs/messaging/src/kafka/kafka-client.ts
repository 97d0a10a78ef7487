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

/**
 * Broker answers kafkajs retries by itself: a partition or group whose leader or coordinator is
 * still being chosen (every new topic on a fresh broker, every restart). kafkajs logs each such
 * response as an error before retrying it; only a retry that runs out is a failure, and that one
 * reaches the caller as an exception.
 */
const RETRIED_RESPONSES = new Set([
  'This server is not the leader for that topic-partition',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  "The coordinator is loading and hence can't process requests for this group",
  'The coordinator is not available',
  'This is not the correct coordinator for this group',
]);

/** Whether a kafkajs log entry is worth an operator's attention. */
export function isNoteworthyKafkaLog(message: string, extra: Record<string, unknown>): boolean {
  if (EXPECTED_WARNINGS.has(message)) return false;
  return !(message.startsWith('Response ') && typeof extra['error'] === 'string' && RETRIED_RESPONSES.has(extra['error']));
}

/** kafkajs logs through Nest's logger (and so through pino), warnings and errors only. */
function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    if (!isNoteworthyKafkaLog(message, extra)) return;
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
