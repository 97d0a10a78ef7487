import { Logger } from '@nestjs/common';

/**
 * Jest setup file: with LOG_LEVEL=silent (the test command's default) Nest's static logger, which
 * kafkajs and the relay log through outside an app, stays quiet too. Set LOG_LEVEL=debug to see it.
 */
if (process.env.LOG_LEVEL === 'silent') {
  Logger.overrideLogger(false);
}
