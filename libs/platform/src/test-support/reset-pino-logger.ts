import { dirname, join } from 'node:path';

type PinoLoggerModule = typeof import('nestjs-pino/dist/cjs/PinoLogger');

/**
 * nestjs-pino keeps one process-wide logger for lines written outside a request, built by the
 * first application; a service has one application, tests have several, so they reset it.
 * nestjs-pino 5 exports only its public API: the reset it keeps for its own tests sits next to
 * PinoLogger in the same build and is loaded by file path (the exports map guards package
 * subpaths, not files). Tests only.
 */
export function resetPinoLoggerForTests(): void {
  const file = join(dirname(require.resolve('nestjs-pino')), 'PinoLogger.js');
  (require(file) as PinoLoggerModule).__resetOutOfContextForTests();
}
