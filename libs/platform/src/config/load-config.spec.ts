import { IsBoolean, IsInt, IsString, Min } from 'class-validator';
import { ConfigurationError } from './configuration.error';
import { loadConfig } from './load-config';
import { ServiceConfig } from './service.config';

class FlagConfig extends ServiceConfig {
  @IsBoolean()
  readonly SEND_REAL_MAIL: boolean = true;
}

class ReportingConfig extends ServiceConfig {
  @IsString()
  readonly REPORT_BUCKET: string = 'reports';

  @IsInt()
  @Min(1)
  readonly EXPORT_BATCH_SIZE: number = 500;
}

const validDatabase = { DATABASE_URL: 'postgres://cmp:secret@localhost:5432/cmp' };
/** Production refuses to start without a Kafka principal. */
const kafkaPrincipal = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'cmp-matching', KAFKA_SASL_PASSWORD: 'a-generated-secret' };

function configurationErrorOf(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('applies the defaults when only the database is given', () => {
    const config = loadConfig(ServiceConfig, validDatabase);

    expect(config).toBeInstanceOf(ServiceConfig);
    expect(config.NODE_ENV).toBe('development');
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_URL).toBe(validDatabase.DATABASE_URL);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
  });

  it('converts variables to their declared types', () => {
    const config = loadConfig(ServiceConfig, {
      ...validDatabase,
      ...kafkaPrincipal,
      NODE_ENV: 'production',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9093,[::1]:9094,',
    });

    expect(config.NODE_ENV).toBe('production');
    expect(config.PORT).toBe(8080);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9093', '[::1]:9094']);
  });

  it('reads only the variables the class declares', () => {
    const config = loadConfig(ServiceConfig, { ...validDatabase, HOME: '/root', PATH: '/usr/bin' });

    expect(Object.keys(config).sort()).toEqual(['DATABASE_URL', 'HOST', 'KAFKA_BROKERS', 'LOG_LEVEL', 'NODE_ENV', 'PORT']);
  });

  it('listens on loopback unless told an address, and refuses what is not one', () => {
    expect(loadConfig(ServiceConfig, validDatabase).HOST).toBe('127.0.0.1');
    expect(loadConfig(ServiceConfig, { ...validDatabase, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig(ServiceConfig, { ...validDatabase, HOST: '::' }).HOST).toBe('::');
    expect(loadConfig(ServiceConfig, { ...validDatabase, HOST: 'enrolment' }).HOST).toBe('enrolment');
    for (const bad of ['0.0.0.0:3001', 'http://enrolment', 'two words']) {
      expect(configurationErrorOf(() => loadConfig(ServiceConfig, { ...validDatabase, HOST: bad })).issues.map((issue) => issue.variable)).toEqual(['HOST']);
    }
  });

  it('lets a test stack name a movable clock file, and refuses one in production', () => {
    const testStack = loadConfig(ServiceConfig, { ...validDatabase, NODE_ENV: 'test', CMP_TEST_CLOCK_FILE: '/tmp/cmp-clock.json' });
    expect(testStack.CMP_TEST_CLOCK_FILE).toBe('/tmp/cmp-clock.json');

    const error = configurationErrorOf(() =>
      loadConfig(ServiceConfig, { ...validDatabase, ...kafkaPrincipal, NODE_ENV: 'production', CMP_TEST_CLOCK_FILE: '/tmp/cmp-clock.json' }),
    );
    expect(error.issues.map((issue) => issue.variable)).toEqual(['CMP_TEST_CLOCK_FILE']);
    expect(error.message).toContain('time cannot be moved there');
  });

  it('reads the service’s Kafka principal, and refuses production without one', () => {
    const config = loadConfig(ServiceConfig, { ...validDatabase, ...kafkaPrincipal });
    expect([config.KAFKA_SASL_MECHANISM, config.KAFKA_SASL_USERNAME, config.KAFKA_SASL_PASSWORD]).toEqual(['scram-sha-512', 'cmp-matching', 'a-generated-secret']);

    const production = configurationErrorOf(() => loadConfig(ServiceConfig, { ...validDatabase, NODE_ENV: 'production' }));
    expect(production.issues.map((issue) => issue.variable).sort()).toEqual(['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_USERNAME']);
  });

  it('refuses half a Kafka principal or another mechanism', () => {
    const half = configurationErrorOf(() => loadConfig(ServiceConfig, { ...validDatabase, KAFKA_SASL_USERNAME: 'cmp-matching' }));
    expect(half.issues.map((issue) => issue.variable).sort()).toEqual(['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_PASSWORD']);

    const plain = configurationErrorOf(() => loadConfig(ServiceConfig, { ...validDatabase, ...kafkaPrincipal, KAFKA_SASL_MECHANISM: 'plain' }));
    expect(plain.issues.map((issue) => issue.variable)).toEqual(['KAFKA_SASL_MECHANISM']);
  });

  it('reads boolean words as booleans, "false" as false, and refuses anything else', () => {
    expect(loadConfig(FlagConfig, { ...validDatabase, SEND_REAL_MAIL: 'false' }).SEND_REAL_MAIL).toBe(false);
    expect(loadConfig(FlagConfig, { ...validDatabase, SEND_REAL_MAIL: 'No' }).SEND_REAL_MAIL).toBe(false);
    expect(loadConfig(FlagConfig, { ...validDatabase, SEND_REAL_MAIL: '1' }).SEND_REAL_MAIL).toBe(true);
    expect(loadConfig(FlagConfig, validDatabase).SEND_REAL_MAIL).toBe(true);

    const error = configurationErrorOf(() => loadConfig(FlagConfig, { ...validDatabase, SEND_REAL_MAIL: 'maybe' }));
    expect(error.issues).toEqual([{ variable: 'SEND_REAL_MAIL', messages: ['SEND_REAL_MAIL must be true or false (or 1/0, yes/no)'] }]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(ServiceConfig, { ...validDatabase, PORT: '', KAFKA_BROKERS: '' }).PORT).toBe(3000);
  });

  it('refuses to start without a database and says so', () => {
    const error = configurationErrorOf(() => loadConfig(ServiceConfig, {}));

    expect(error.issues.map((issue) => issue.variable)).toEqual(['DATABASE_URL']);
    expect(error.message).toContain('DATABASE_URL is required');
  });

  it('names every bad variable at once and why it is bad', () => {
    const error = configurationErrorOf(() =>
      loadConfig(ServiceConfig, {
        NODE_ENV: 'staging',
        PORT: '70000',
        LOG_LEVEL: 'verbose',
        DATABASE_URL: 'mysql://root:hunter2@db/cmp',
        KAFKA_BROKERS: 'kafka-1:9092,kafka-2',
      }),
    );

    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'LOG_LEVEL',
      'NODE_ENV',
      'PORT',
    ]);
    expect(error.message).toContain('NODE_ENV must be one of: development, test, production');
    expect(error.message).toContain('PORT must not be greater than 65535');
    expect(error.message).toContain('LOG_LEVEL must be one of');
    expect(error.message).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(error.message).toContain('each entry of KAFKA_BROKERS must be host:port');
  });

  it('never repeats a value in the message, since URLs carry passwords', () => {
    const error = configurationErrorOf(() => loadConfig(ServiceConfig, { DATABASE_URL: 'mysql://root:hunter2@db/cmp' }));

    expect(error.message).not.toContain('hunter2');
  });

  it('rejects a port that is not a number', () => {
    const error = configurationErrorOf(() => loadConfig(ServiceConfig, { ...validDatabase, PORT: 'eighty' }));

    expect(error.issues).toEqual([{ variable: 'PORT', messages: expect.arrayContaining(['PORT must be an integer number']) }]);
  });

  it('validates the variables a service adds on top of the shared ones', () => {
    const error = configurationErrorOf(() => loadConfig(ReportingConfig, { ...validDatabase, EXPORT_BATCH_SIZE: '0' }));
    const config = loadConfig(ReportingConfig, { ...validDatabase, EXPORT_BATCH_SIZE: '50' });

    expect(error.issues.map((issue) => issue.variable)).toEqual(['EXPORT_BATCH_SIZE']);
    expect(config.EXPORT_BATCH_SIZE).toBe(50);
    expect(config.REPORT_BUCKET).toBe('reports');
    expect(config.PORT).toBe(3000);
  });

  it('reads process.env when no environment is given', () => {
    const saved = process.env['DATABASE_URL'];
    process.env['DATABASE_URL'] = 'postgresql://localhost/cmp';
    try {
      expect(loadConfig(ServiceConfig).DATABASE_URL).toBe('postgresql://localhost/cmp');
    } finally {
      if (saved === undefined) {
        delete process.env['DATABASE_URL'];
      } else {
        process.env['DATABASE_URL'] = saved;
      }
    }
  });
});
