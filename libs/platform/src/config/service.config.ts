import { Transform } from 'class-transformer';
import { ArrayNotEmpty, Equals, IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
import { LOG_LEVELS, type LogLevel } from '../logging/log-level';
import { IsHostPort, IsListenAddress, IsPostgresUrl, splitList } from './env-validators';

export const NODE_ENVS = ['development', 'test', 'production'] as const;

export type NodeEnv = (typeof NODE_ENVS)[number];

export const KAFKA_SASL_MECHANISMS = ['scram-sha-512'] as const;

/** SASL is required in production, and as soon as any of its variables is set. */
const saslRequired = (config: ServiceConfig) =>
  config.NODE_ENV === 'production' ||
  config.KAFKA_SASL_MECHANISM !== undefined ||
  config.KAFKA_SASL_USERNAME !== undefined ||
  config.KAFKA_SASL_PASSWORD !== undefined;

/**
 * The variables every service reads. A service extends this class with its own variables
 * and loads it with `loadConfig(MyServiceConfig)`.
 */
export class ServiceConfig {
  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of: ${NODE_ENVS.join(', ')}` })
  readonly NODE_ENV: NodeEnv = 'development';

  /** The HTTP port. */
  @IsInt()
  @Min(1)
  @Max(65535)
  readonly PORT: number = 3000;

  /**
   * The address the HTTP server binds to. Loopback by default, so a service is unreachable from
   * other machines unless an operator names an internal network address (compose: `0.0.0.0`
   * inside the container, with no published port). The hop token still guards every request.
   */
  @IsListenAddress()
  readonly HOST: string = '127.0.0.1';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of: ${LOG_LEVELS.join(', ')}` })
  readonly LOG_LEVEL: LogLevel = 'info';

  /** The service's own database; required because no default could point at the right schema. */
  @IsDefined({ message: 'DATABASE_URL is required' })
  @IsPostgresUrl()
  readonly DATABASE_URL: string;

  /** Bootstrap brokers, read from a comma-separated `host:port` list. */
  @Transform(({ value }) => splitList(value))
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS must list at least one host:port' })
  @IsHostPort({ each: true })
  readonly KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /**
   * The service's own Kafka principal (SASL/SCRAM): the broker's ACLs let it write only its own
   * topics and read only what it consumes. All three together, and required in production.
   */
  @ValidateIf(saslRequired)
  @IsIn(KAFKA_SASL_MECHANISMS, { message: `KAFKA_SASL_MECHANISM must be one of: ${KAFKA_SASL_MECHANISMS.join(', ')} (required in production and with a SASL username or password)` })
  readonly KAFKA_SASL_MECHANISM?: (typeof KAFKA_SASL_MECHANISMS)[number];

  @ValidateIf(saslRequired)
  @IsString({ message: 'KAFKA_SASL_USERNAME is required in production and with a SASL mechanism or password' })
  @IsNotEmpty({ message: 'KAFKA_SASL_USERNAME must not be empty' })
  readonly KAFKA_SASL_USERNAME?: string;

  @ValidateIf(saslRequired)
  @IsString({ message: 'KAFKA_SASL_PASSWORD is required in production and with a SASL mechanism or username' })
  @IsNotEmpty({ message: 'KAFKA_SASL_PASSWORD must not be empty' })
  readonly KAFKA_SASL_PASSWORD?: string;

  /**
   * Test stacks only: a file holding the offset every service's clock runs ahead by, so an
   * end-to-end test can move the whole system to the programme's end. Refused in production,
   * where time cannot be moved.
   */
  @IsOptional()
  @IsString()
  @ValidateIf((config: ServiceConfig) => config.NODE_ENV === 'production')
  @Equals(undefined, { message: 'CMP_TEST_CLOCK_FILE cannot be set when NODE_ENV is production: time cannot be moved there' })
  readonly CMP_TEST_CLOCK_FILE?: string;
}
