/**
 * The source of "now" for a service, injected under `CLOCK` so that tests can move time. Services
 * read time only through it (timers, deadlines, event times).
 */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
