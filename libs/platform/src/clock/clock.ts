import { movableClock } from './movable-clock';

/**
 * The source of "now" for a service, injected under `CLOCK` so that tests can move time. Services
 * read time only through it (timers, deadlines, event times).
 */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** The clock a service runs on: the system's, or in a test stack the movable one its config names. */
export function serviceClock(config: { readonly CMP_TEST_CLOCK_FILE?: string }): Clock {
  return config.CMP_TEST_CLOCK_FILE ? movableClock(config.CMP_TEST_CLOCK_FILE) : systemClock;
}
