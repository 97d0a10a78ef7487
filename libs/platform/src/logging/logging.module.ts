import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { loadConfig } from '../config/load-config';
import { LoggingConfig, type LogLevel } from './log-level';
import { pinoHttpOptions } from './pino-http.options';

export interface LoggingOptions {
  /** Overrides `LOG_LEVEL`; `silent` keeps tests quiet. */
  level?: LogLevel;
  /** Where the JSON lines go; standard output unless a test wants to read them. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logging through nestjs-pino: one line per request (the request id as
 * `req.id`), and Nest's `Logger` and nestjs-pino's `PinoLogger` writing the same format with
 * the service's name and the current correlation ids. The level comes from `LOG_LEVEL`
 * (validated, default `info`) unless given.
 *
 * Limit: nestjs-pino builds the logger for lines written outside a request once per process,
 * from the first application's options. A service has one application; a test file that
 * builds several with different levels or destinations sees the first one's outside requests.
 */
@Module({})
export class LoggingModule {
  static forRoot(serviceName: string, options: LoggingOptions = {}): DynamicModule {
    const level = options.level ?? loadConfig(LoggingConfig).LOG_LEVEL;
    const httpOptions = pinoHttpOptions(serviceName, level);
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: options.destination ? [httpOptions, options.destination] : httpOptions,
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
